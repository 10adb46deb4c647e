// The inputs that are maps (environment, role-tags): KEY=VALUE lines or a JSON object of strings.
// Values may be secrets: a problem names the input and the line or position, never a value.

/** KEY=VALUE lines or a JSON object of strings. */
export function parsePairs(
  text: string | undefined,
  name: string,
  problem: (name: string, message: string) => undefined
): Record<string, string> | undefined {
  if (text === undefined) return undefined
  if (text.startsWith('{')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      // JSON.parse quotes the text around the error, and values may be secrets: give the place only.
      const at = /at position \d+( \(line \d+ column \d+\))?/.exec((error as Error).message)
      return problem(name, `is not valid JSON${at ? ` (${at[0]})` : ''}`)
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return problem(name, 'must be a JSON object of strings')
    const entries = Object.entries(parsed as Record<string, unknown>)
    const bad = entries.filter(
      ([, v]) => typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean'
    )
    if (bad.length) return problem(name, `value of "${bad[0][0]}" must be a string`)
    return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]))
  }
  const pairs: Record<string, string> = {}
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    const at = line.indexOf('=')
    if (at <= 0) {
      problem(name, `line ${index + 1} is not KEY=VALUE`)
      continue
    }
    pairs[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  }
  return pairs
}
