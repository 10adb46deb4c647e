// Reads the workflow commands @actions/core writes to stdout (`::warning::…`, `::error ...::…`), as
// the runner does, for the end-to-end runs and for unit tests that capture stdout alike.

/** The messages of every `::kind` command in `log`, in order, with `%0A` turned back into newlines. */
export function commandsIn(log: string, kind: string): string[] {
  return log
    .split('\n')
    .filter(line => line.startsWith(`::${kind}`))
    .map(line => line.slice(line.indexOf('::', 2) + 2).replace(/%0A/g, '\n'))
}
