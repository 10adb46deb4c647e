// Witness strings for the string comparisons a policy makes on one key: one string for every
// distinct combination of "matches / does not match" over all of the policy's string constants
// and patterns on that key — nothing more is needed to decide every string operator exactly.
//
// Each comparison (StringEquals "a", StringLike "a*", ArnLike "arn:*:iam::1:role/*", ...) is a
// small automaton over the characters of the value. A breadth-first search runs all of them at
// once (the product automaton, determinised on the fly) and keeps, for every combination of
// accepting comparisons it reaches, the shortest string that reaches it. Characters that no
// comparison names behave alike, so each step tries only the characters the live comparisons
// name at that point, plus one fresh letter and one fresh digit: the search is exact, and small
// for real policies. A search that would exceed its budget says so instead of guessing.

/** One character position of a comparison pattern. */
export type Glob =
  { lit: string; ignoreCase?: boolean } | { any: '?' | '*'; noColon?: boolean } | { digit: true }

export interface Comparison {
  tokens: Glob[]
}

interface Witness {
  value: string
  /** Which comparisons the value matches, by index. */
  matches: boolean[]
}

type WitnessResult = { witnesses: Witness[] } | { exceeded: string }

/** A pattern's tokens: `*` and `?` are wildcards when `wildcards`, else literal characters. */
export function globTokens(
  text: string,
  options: { wildcards: boolean; ignoreCase?: boolean; noColon?: boolean }
): Glob[] {
  return [...text].map((char): Glob => {
    if (options.wildcards && (char === '*' || char === '?')) {
      return options.noColon ? { any: char, noColon: true } : { any: char }
    }
    return options.ignoreCase ? { lit: char, ignoreCase: true } : { lit: char }
  })
}

/**
 * An ARN pattern as ArnLike/ArnEquals read it: six colon-separated components matched one by
 * one, so a wildcard in the first five never spans a colon.
 */
export function arnTokens(pattern: string): Glob[] {
  const tokens: Glob[] = []
  let colons = 0
  for (const char of pattern) {
    if (char === ':') colons++
    if (char === '*' || char === '?') tokens.push({ any: char, noColon: colons < 5 })
    else tokens.push({ lit: char })
  }
  return tokens
}

/**
 * The witnesses of every reachable combination. `required` (indices) restricts them to values
 * that at least one of those comparisons accepts (e.g. "is a principal ARN").
 */
export function stringWitnesses(
  comparisons: readonly Comparison[],
  options: { required?: readonly number[]; budget?: number } = {}
): WitnessResult {
  const budget = options.budget ?? 20_000
  const required = options.required ?? []
  const runners = comparisons.map(c => runner(c.tokens))
  const start = runners.map(r => r.start)
  const seen = new Set<string>([start.join('|')])
  const found = new Map<string, Witness>()
  let frontier: { states: string[]; value: string }[] = [{ states: start, value: '' }]
  const dead = (states: string[], i: number) => states[i] === ''

  while (frontier.length > 0) {
    const next: typeof frontier = []
    for (const { states, value } of frontier) {
      const matches = states.map((state, i) => runners[i]!.accepting(state))
      const signature = matches.map(m => (m ? '1' : '0')).join('')
      if (!found.has(signature) && (required.length === 0 || required.some(i => matches[i]))) {
        found.set(signature, { value, matches })
      }
      for (const char of alphabet(runners, states)) {
        const moved = states.map((state, i) => runners[i]!.step(state, char))
        if (moved.every(state => state === '')) continue
        if (required.length > 0 && required.every(i => dead(moved, i))) continue
        const k = moved.join('|')
        if (seen.has(k)) continue
        seen.add(k)
        if (seen.size > budget) {
          return { exceeded: `more than ${budget} string states to explore` }
        }
        next.push({ states: moved, value: value + char })
      }
    }
    frontier = next
  }
  // A value no comparison accepts (a fresh value) always exists unless one accepts everything.
  // Prefer a non-empty one: an empty value is legal but reads badly in a report.
  const none = comparisons.map(() => false)
  const fresh = none.map(() => '0').join('')
  if (required.length === 0 && !found.get(fresh)?.value) {
    const value = freshValue(comparisons)
    if (value !== undefined) found.set(fresh, { value, matches: none })
  }
  return { witnesses: [...found.values()] }
}

/**
 * One comparison's automaton, its sets of positions named by a string key ('' when dead), with
 * its transitions and named characters cached: the product search revisits them often.
 */
function runner(tokens: Glob[]) {
  const sets = new Map<string, number[]>()
  const moves = new Map<string, Map<string, string>>()
  const accepts = new Map<string, boolean>()
  const names = new Map<string, string[]>()
  const intern = (set: number[]): string => {
    const k = set.join(',')
    if (!sets.has(k)) {
      sets.set(k, set)
      moves.set(k, new Map())
      accepts.set(k, set.includes(tokens.length))
    }
    return k
  }
  return {
    start: intern(closure(tokens, [0])),
    accepting: (state: string) => accepts.get(state)!,
    step(state: string, char: string): string {
      // Most comparisons die early (a literal that no longer matches): they stay dead.
      if (state === '') return ''
      const cached = moves.get(state)!
      let moved = cached.get(char)
      if (moved === undefined) {
        moved = intern(step(tokens, sets.get(state)!, char))
        cached.set(char, moved)
      }
      return moved
    },
    /** The literal characters the live positions can take next. */
    chars(state: string): string[] {
      let chars = names.get(state)
      if (!chars) {
        chars = []
        for (const position of sets.get(state)!) {
          const token = tokens[position]
          if (!token || !('lit' in token)) continue
          chars.push(token.lit)
          if (token.ignoreCase) chars.push(token.lit.toLowerCase(), token.lit.toUpperCase())
        }
        names.set(state, chars)
      }
      return chars
    }
  }
}

type Runner = ReturnType<typeof runner>

/** A string of characters no comparison names, matched by none (if none matches everything). */
function freshValue(comparisons: readonly Comparison[]): string | undefined {
  // Longer than every pattern's literal text, so no literal-only comparison accepts it.
  const length = Math.max(1, ...comparisons.map(c => c.tokens.length)) + 1
  const value = '\u00a7'.repeat(length)
  const accepted = comparisons.some(c => accepts(c.tokens, value))
  return accepted ? undefined : value
}

function accepts(tokens: Glob[], value: string): boolean {
  let set = closure(tokens, [0])
  for (const char of value) set = step(tokens, set, char)
  return set.includes(tokens.length)
}

/** The characters worth trying from these states: those named, a fresh letter and digit. */
function alphabet(runners: readonly Runner[], states: string[]): string[] {
  const named = new Set<string>([':'])
  states.forEach((state, i) => {
    if (state !== '') for (const char of runners[i]!.chars(state)) named.add(char)
  })
  // Fresh characters first, so that the shortest witnesses read as "something else".
  const letter = [...'zyxwvutsrqponmlkjihgfedcba'].find(
    c => !named.has(c) && !named.has(c.toUpperCase())
  )
  const digit = [...'0123456789'].find(c => !named.has(c))
  return [...(letter ? [letter] : []), ...(digit ? [digit] : []), ...named]
}

function matchesChar(token: Glob, char: string): boolean {
  if ('lit' in token) {
    return token.ignoreCase ? token.lit.toLowerCase() === char.toLowerCase() : token.lit === char
  }
  if ('digit' in token) return char >= '0' && char <= '9'
  return !(token.noColon && char === ':')
}

function step(tokens: Glob[], set: number[], char: string): number[] {
  const next: number[] = []
  for (const position of set) {
    const token = tokens[position]
    if (!token || !matchesChar(token, char)) continue
    // `*` stays where it is after consuming; every other token moves on.
    next.push('any' in token && token.any === '*' ? position : position + 1)
  }
  return closure(tokens, next)
}

/** Adds the positions reachable without consuming a character (`*` matching nothing). */
function closure(tokens: Glob[], positions: number[]): number[] {
  const set = new Set<number>()
  for (let position of positions) {
    set.add(position)
    while (position < tokens.length) {
      const token = tokens[position]!
      if (!('any' in token) || token.any !== '*') break
      position++
      set.add(position)
    }
  }
  return [...set].sort((a, b) => a - b)
}
