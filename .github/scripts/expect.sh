# Sourced by the integration workflow's check steps: `expect NAME ACTUAL EXPECTED` prints ok or a
# GitHub error annotation, and remembers a failure; end the step with `exit "$fail"`.
fail=0
expect() {
  if [ "$2" = "$3" ]; then
    echo "ok: $1 = $2"
  else
    echo "::error::$1 is '$2', expected '$3'"
    fail=1
  fi
}
