// The inputs that hold several values: lines (`lines`), and maps (environment, role-tags, tags) as
// KEY=VALUE lines or a JSON object of strings.
// Values may be secrets: a problem names the input and the line or entry, and at most a name that
// passed the name rule, never a value or a fragment of one. Both forms follow the same rules:
// names without surrounding whitespace, no name twice, none of JavaScript's own property names.

/** Names that would reach an object's prototype machinery instead of being a key. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

/** What a name must be; `rule` says it in words for the message. */
interface NameRule {
  valid: (name: string) => boolean
  rule: string
}

const ANY_NAME: NameRule = { valid: name => name.length > 0, rule: 'not empty' }

/** KEY=VALUE lines or a JSON object of strings; undefined when the input is not given. */
export function parsePairs(
  text: string | undefined,
  name: string,
  problem: (name: string, message: string) => undefined,
  names: NameRule = ANY_NAME
): Record<string, string> | undefined {
  if (text === undefined) return undefined
  const pairs: Record<string, string> = Object.create(null) as Record<string, string>
  const seen = new Map<string, string>()
  /** Records one pair, or the problem with it; `where` is "line 3" or "entry 2". */
  const add = (where: string, key: string, value: unknown): void => {
    if (FORBIDDEN.has(key)) return problem(name, `${where}: ${key} is not allowed as a name`)
    if (key.trim() !== key) return problem(name, `${where}: the name has whitespace around it`)
    if (!names.valid(key)) return problem(name, `${where}: the name is not valid (${names.rule})`)
    const first = seen.get(key)
    if (first) return problem(name, `${where}: "${key}" is already set (${first})`)
    seen.set(key, where)
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      return problem(name, `${where}: the value of "${key}" must be a string`)
    pairs[key] = String(value)
  }

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
    const values = Object.values(parsed)
    const nested = values.findIndex(v => typeof v === 'object')
    if (nested >= 0) return problem(name, `entry ${nested + 1}: the value must be a string`)
    // JSON.parse keeps the last of a repeated name silently: read the names from the text.
    jsonKeys(text).forEach((key, index) =>
      add(`entry ${index + 1}`, key, (parsed as Record<string, unknown>)[key])
    )
    return { ...pairs }
  }
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    const at = line.indexOf('=')
    if (at <= 0 || !line.slice(0, at).trim()) {
      problem(name, `line ${index + 1} is not KEY=VALUE`)
      continue
    }
    add(`line ${index + 1}`, line.slice(0, at).trim(), line.slice(at + 1).trim())
  }
  return { ...pairs }
}

/**
 * The names of a flat JSON object, in order, repeats kept. Only called once JSON.parse accepted
 * the text and every value is a string, number or boolean, so a string followed by `:` is a name.
 */
function jsonKeys(text: string): string[] {
  const keys: string[] = []
  // Strings are matched in order from the start, so a quote inside a value never starts one.
  for (const match of text.matchAll(/"((?:[^"\\]|\\.)*)"(\s*:)?/g))
    if (match[2]) keys.push(JSON.parse(`"${match[1]}"`) as string)
  return keys
}

/** Non-empty lines, trimmed. */
export const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(Boolean)
