// Names the analyses invent (a role session, a service, a provider, a value no constant matches)
// must be fresh for the policy at hand: a constant name in the source would let a policy that
// names it hide every other name of its kind. A name is fresh when no string of the policy
// contains it and no part of one (between `:` and `/`), read as a pattern, matches it; both
// case-insensitively, as IAM compares some names regardless of case.

import { isRecord } from './logic.js'

/** Every string of a JSON value, keys included. */
export function policyStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) policyStrings(item, into)
  else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      into.push(key)
      policyStrings(item, into)
    }
  }
  return into
}

/**
 * `base` + `suffix`, or `base-2` + `suffix`...: the first whose stem no string of `strings`
 * contains and no pattern part of one matches; past those, a stem of one character no pattern
 * names. A pattern of wildcards alone matches every name alike and is not counted.
 */
export function freshName(base: string, strings: readonly string[], suffix = ''): string {
  const lower = strings.map(s => s.toLowerCase())
  const parts = lower.flatMap(s => s.split(/[:/]/)).filter(p => /[*?]/.test(p) && /[^*?]/.test(p))
  const patterns = parts.map(globRegExp)
  const taken = (stem: string) =>
    lower.some(s => s.includes(stem)) || patterns.some(p => p.test(stem))
  const named = new Set(parts.join(''))
  const stems = [
    base,
    ...Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`),
    ...[...'qxzjkvwy0123456789'].filter(c => !named.has(c)).map(c => c.repeat(12))
  ]
  const stem = stems.find(s => !taken(s.toLowerCase())) ?? stems.at(-1)!
  return `${stem}${suffix}`
}

function globRegExp(pattern: string): RegExp {
  const source = [...pattern]
    .map(c => (c === '*' ? '[^]*' : c === '?' ? '[^]' : c.replace(/[.+^${}()|[\]\\-]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`)
}
