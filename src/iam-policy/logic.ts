// Three-valued logic, glob patterns, policy variables and the request context: the building
// blocks that the statement, principal and condition matchers share.
//
// Every match is a `Tri`: true, false, or Unknown (with the reason the evaluator cannot tell).
// Unknown combines with Kleene's rules, so `false AND unknown` is still false and
// `true OR unknown` is still true: an unknown part only matters when it could change the answer.

import type { ContextScalar, ContextValue } from './types.js'

export interface Unknown {
  readonly unknown: string
}
export type Tri = boolean | Unknown

export const unknown = (why: string): Unknown => ({ unknown: why })
export const isUnknown = (value: unknown): value is Unknown =>
  typeof value === 'object' && value !== null && 'unknown' in value

export function not(value: Tri): Tri {
  return isUnknown(value) ? value : !value
}

/** Kleene AND: false wins, then unknown. */
export function allOf(values: Iterable<Tri>): Tri {
  let firstUnknown: Unknown | undefined
  for (const value of values) {
    if (value === false) return false
    if (isUnknown(value)) firstUnknown ??= value
  }
  return firstUnknown ?? true
}

/** Kleene OR: true wins, then unknown. */
export function anyOf(values: Iterable<Tri>): Tri {
  let firstUnknown: Unknown | undefined
  for (const value of values) {
    if (value === true) return true
    if (isUnknown(value)) firstUnknown ??= value
  }
  return firstUnknown ?? false
}

/** A policy element that may be one value or an array of them. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value]
}

/** A JSON object (not an array, not null): what a statement or a condition block must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// --- request context -------------------------------------------------------------------------

/** The request context with keys folded to lower case (IAM condition keys are case-insensitive). */
export type Context = ReadonlyMap<string, ContextValue>

export function contextFrom(record: Readonly<Record<string, ContextValue>> = {}): Context {
  const context = new Map<string, ContextValue>()
  for (const [key, value] of Object.entries(record)) context.set(key.toLowerCase(), value)
  return context
}

export function scalarText(value: ContextScalar): string {
  return typeof value === 'string' ? value : String(value)
}

// --- patterns: literal text, `*` and `?`, after policy variables are substituted ---------------

type Token = { text: string } | { wildcard: '*' | '?' }

interface PatternOptions {
  /** `*` and `?` are wildcards (StringLike, ArnLike, Resource) rather than literal characters. */
  wildcards: boolean
  /** Substitute `${...}` policy variables (Version 2012-10-17 and an operator that allows them). */
  variables: boolean
}

const SPECIAL_VARIABLES: Record<string, string> = { '*': '*', '?': '?', $: '$' }

/**
 * Splits a policy value into tokens, substituting policy variables from the context.
 * A variable naming a key that is absent (without a default) or multivalued is Unknown: IAM
 * documents that an unresolved variable may make the whole statement invalid.
 */
export function tokenize(
  value: string,
  context: Context,
  options: PatternOptions
): Token[] | Unknown {
  const tokens: Token[] = []
  let text = ''
  const flush = (): void => {
    if (text) tokens.push({ text })
    text = ''
  }
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!
    if (options.wildcards && (char === '*' || char === '?')) {
      flush()
      tokens.push({ wildcard: char })
      continue
    }
    const end =
      options.variables && char === '$' && value[i + 1] === '{' ? value.indexOf('}', i) : -1
    if (end === -1) {
      text += char
      continue
    }
    const resolved = resolveVariable(value.slice(i + 2, end), context)
    if (isUnknown(resolved)) return resolved
    text += resolved
    i = end
  }
  flush()
  return tokens
}

function resolveVariable(body: string, context: Context): string | Unknown {
  const special = SPECIAL_VARIABLES[body]
  if (special !== undefined) return special
  // `${key, 'default value'}` supplies a value for an absent key.
  const withDefault = /^\s*([^,]+?)\s*,\s*'([^']*)'\s*$/.exec(body)
  const key = (withDefault ? withDefault[1]! : body).trim()
  const value = context.get(key.toLowerCase())
  if (value === undefined) {
    if (withDefault) return withDefault[2]!
    return unknown(`policy variable \${${key}} has no value in the request context`)
  }
  if (Array.isArray(value)) {
    return unknown(`policy variable \${${key}} names a multivalued key`)
  }
  return scalarText(value as ContextScalar)
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

/** A RegExp matching the whole input; `*` and `?` stay within `anyChar` (default: any character). */
export function tokensToRegExp(tokens: Token[], flags = '', anyChar = '[^]'): RegExp {
  const source = tokens
    .map(token =>
      'text' in token ? escapeRegExp(token.text) : token.wildcard === '*' ? `${anyChar}*` : anyChar
    )
    .join('')
  return new RegExp(`^${source}$`, flags)
}

/** Glob match of a policy pattern (with `*` and `?`) against a value. */
export function globMatches(
  pattern: string,
  value: string,
  context: Context,
  options: PatternOptions & { ignoreCase?: boolean }
): Tri {
  const tokens = tokenize(pattern, context, options)
  if (isUnknown(tokens)) return tokens
  return tokensToRegExp(tokens, options.ignoreCase ? 'i' : '').test(value)
}

// --- ARNs ------------------------------------------------------------------------------------

/**
 * Splits an ARN (or ARN pattern) into its six components — `arn`, partition, service, region,
 * account, resource — at the first five colons, ignoring colons inside `${...}` variables.
 * Returns the parts found (fewer than six for something that is not a full ARN).
 */
export function arnParts(value: string): string[] {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i < value.length && parts.length < 5; i++) {
    if (value[i] === '$' && value[i + 1] === '{') {
      const end = value.indexOf('}', i)
      if (end !== -1) i = end
    } else if (value[i] === ':') {
      parts.push(value.slice(start, i))
      start = i + 1
    }
  }
  parts.push(value.slice(start))
  return parts
}

/**
 * Component-wise ARN match (ArnLike, ArnEquals and the Resource element): each of the six
 * components is matched on its own, so a wildcard never spans a colon between components.
 */
export function arnMatches(
  pattern: string,
  arn: string,
  context: Context,
  variables: boolean
): Tri {
  const patternParts = arnParts(pattern)
  const arnPartsOfValue = arnParts(arn)
  if (patternParts.length !== 6 || patternParts[0] !== 'arn') {
    return unknown(`"${pattern}" is not an ARN`)
  }
  if (arnPartsOfValue.length !== 6 || arnPartsOfValue[0] !== 'arn') {
    return unknown(`"${arn}" is not an ARN`)
  }
  return allOf(
    patternParts.map((part, i) =>
      globMatches(part, arnPartsOfValue[i]!, context, { wildcards: true, variables })
    )
  )
}
