// The function's environment values, hidden in whatever the smoke test echoes. Pure. A handler can
// print any of its variables, including ones set only on the live function that the runner has
// never seen and so cannot mask: each value is masked with the runner (`add-mask`, by invoke.ts)
// and replaced here in the text the action itself keeps (log, summary, `result`).

/** Shorter values are not hidden: masking `true` or `prod` would blank them across the job's log. */
export const MASK_FLOOR = 8

const REDACTED = '***'

/**
 * The values to hide, longest first: every variable's value of at least MASK_FLOOR characters, its
 * JSON-escaped form (how a handler's `JSON.stringify(process.env)` prints it) and each long enough
 * line of a multi-line value (the runner masks line by line).
 */
export function secretValues(...sources: (Record<string, string> | undefined)[]): string[] {
  const values = new Set<string>()
  const add = (value: string) => {
    if (value.trim().length >= MASK_FLOOR) values.add(value)
  }
  for (const source of sources)
    for (const value of Object.values(source ?? {})) {
      add(value)
      add(JSON.stringify(value).slice(1, -1))
      for (const line of value.split(/\r?\n/)) add(line)
    }
  return [...values].sort((a, b) => b.length - a.length)
}

/** `text` with every value replaced by REDACTED (longest first, so no part of one stays). */
export function redact(text: string, values: string[]): string {
  return values.reduce((out, value) => out.split(value).join(REDACTED), text)
}
