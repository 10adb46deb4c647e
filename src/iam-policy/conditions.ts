// The Condition element: IAM's condition operators, the IfExists suffix, the ForAnyValue: and
// ForAllValues: set operators and the Null check.
//
// Logic, as IAM documents it: every operator block and every key in it must match (AND); a key
// matches when its value matches any of the policy values (OR), and a negated operator
// (StringNotEquals, ...) matches when the value matches none of them (NOR). A key absent from
// the request fails a positive operator and satisfies a negated one, unless IfExists makes it
// match outright. An operator the evaluator does not know is Unknown, never a match.

import {
  allOf,
  anyOf,
  arnMatches,
  asList,
  type Context,
  globMatches,
  isRecord,
  isUnknown,
  not,
  scalarText,
  tokenize,
  type Tri,
  type Unknown,
  unknown
} from './logic.js'
import type { ContextScalar } from './types.js'

interface Environment {
  context: Context
  /** Whether `${...}` policy variables are substituted (policy Version 2012-10-17). */
  variables: boolean
}

/** Compares one request value with one policy value for a positive base operator. */
type Compare = (requestValue: string, policyValue: string, env: Environment) => Tri

interface BaseOperator {
  compare: Compare
  /** Negated operators match when no policy value matches (StringNotEquals, NotIpAddress, ...). */
  negated: boolean
}

// --- comparisons ------------------------------------------------------------------------------

function literal(policyValue: string, env: Environment): string | Unknown {
  const tokens = tokenize(policyValue, env.context, { wildcards: false, variables: env.variables })
  if (isUnknown(tokens)) return tokens
  return tokens.map(token => ('text' in token ? token.text : token.wildcard)).join('')
}

const stringEquals: Compare = (value, policyValue, env) => {
  const expected = literal(policyValue, env)
  return isUnknown(expected) ? expected : value === expected
}

const stringEqualsIgnoreCase: Compare = (value, policyValue, env) => {
  const expected = literal(policyValue, env)
  return isUnknown(expected) ? expected : value.toLowerCase() === expected.toLowerCase()
}

const stringLike: Compare = (value, policyValue, env) =>
  globMatches(policyValue, value, env.context, { wildcards: true, variables: env.variables })

const arnLike: Compare = (value, policyValue, env) =>
  arnMatches(policyValue, value, env.context, env.variables)

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

function numeric(test: (request: number, policy: number) => boolean): Compare {
  return (value, policyValue) => {
    if (!NUMBER.test(policyValue)) return unknown(`"${policyValue}" is not a number`)
    if (!NUMBER.test(value)) return unknown(`request value "${value}" is not a number`)
    return test(Number(value), Number(policyValue))
  }
}

// W3C profile of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, with a time and zone) or epoch seconds.
const W3C_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/

export function parseDate(text: string): number | Unknown {
  // Four digits could be a year or an epoch time: IAM documents both formats, so refuse to guess.
  if (/^\d{4}$/.test(text)) return unknown(`"${text}" could be a year or epoch seconds`)
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const time = W3C_DATE.test(text) ? Date.parse(text) : NaN
  return Number.isNaN(time) ? unknown(`"${text}" is not a date`) : time
}

function date(test: (request: number, policy: number) => boolean): Compare {
  return (value, policyValue) => {
    const [requestTime, policyTime] = [parseDate(value), parseDate(policyValue)]
    if (isUnknown(policyTime)) return policyTime
    if (isUnknown(requestTime)) return requestTime
    return test(requestTime, policyTime)
  }
}

const bool: Compare = (value, policyValue, env) => {
  const expected = literal(policyValue, env)
  if (isUnknown(expected)) return expected
  const [want, got] = [expected.toLowerCase(), value.toLowerCase()]
  if (want !== 'true' && want !== 'false') return unknown(`"${policyValue}" is not a boolean`)
  if (got !== 'true' && got !== 'false') return unknown(`request value "${value}" is not a boolean`)
  return want === got
}

const binaryEquals: Compare = (value, policyValue) => value === policyValue

const ipAddress: Compare = (value, policyValue) => {
  const range = parseCidr(policyValue)
  const address = parseIp(value)
  if (!range) return unknown(`"${policyValue}" is not an IP address or CIDR range`)
  if (!address) return unknown(`request value "${value}" is not an IP address`)
  if (range.bits !== address.bits) return false
  const hostBits = BigInt(range.bits - range.prefix)
  return address.value >> hostBits === range.value >> hostBits
}

const OPERATORS: Record<string, BaseOperator> = {
  StringEquals: { compare: stringEquals, negated: false },
  StringNotEquals: { compare: stringEquals, negated: true },
  StringEqualsIgnoreCase: { compare: stringEqualsIgnoreCase, negated: false },
  StringNotEqualsIgnoreCase: { compare: stringEqualsIgnoreCase, negated: true },
  StringLike: { compare: stringLike, negated: false },
  StringNotLike: { compare: stringLike, negated: true },
  NumericEquals: { compare: numeric((a, b) => a === b), negated: false },
  NumericNotEquals: { compare: numeric((a, b) => a === b), negated: true },
  NumericLessThan: { compare: numeric((a, b) => a < b), negated: false },
  NumericLessThanEquals: { compare: numeric((a, b) => a <= b), negated: false },
  NumericGreaterThan: { compare: numeric((a, b) => a > b), negated: false },
  NumericGreaterThanEquals: { compare: numeric((a, b) => a >= b), negated: false },
  DateEquals: { compare: date((a, b) => a === b), negated: false },
  DateNotEquals: { compare: date((a, b) => a === b), negated: true },
  DateLessThan: { compare: date((a, b) => a < b), negated: false },
  DateLessThanEquals: { compare: date((a, b) => a <= b), negated: false },
  DateGreaterThan: { compare: date((a, b) => a > b), negated: false },
  DateGreaterThanEquals: { compare: date((a, b) => a >= b), negated: false },
  Bool: { compare: bool, negated: false },
  BinaryEquals: { compare: binaryEquals, negated: false },
  IpAddress: { compare: ipAddress, negated: false },
  NotIpAddress: { compare: ipAddress, negated: true },
  // ArnEquals and ArnLike behave identically, as do their negations (IAM documents this).
  ArnEquals: { compare: arnLike, negated: false },
  ArnLike: { compare: arnLike, negated: false },
  ArnNotEquals: { compare: arnLike, negated: true },
  ArnNotLike: { compare: arnLike, negated: true }
}

// --- operators, set operators, IfExists ---------------------------------------------------------

interface ParsedOperator {
  set?: 'ForAnyValue' | 'ForAllValues'
  name: string
  ifExists: boolean
}

export function parseOperator(text: string): ParsedOperator {
  const set = /^(ForAnyValue|ForAllValues):/.exec(text)?.[1] as ParsedOperator['set']
  const rest = set ? text.slice(set.length + 1) : text
  const ifExists = rest.endsWith('IfExists')
  return { set, name: ifExists ? rest.slice(0, -'IfExists'.length) : rest, ifExists }
}

/** Evaluates a whole Condition element: AND across operators and keys. */
export function conditionMatches(condition: unknown, env: Environment): Tri {
  if (condition === undefined) return true
  if (!isRecord(condition)) return unknown('Condition is not an object')
  const results: Tri[] = []
  for (const [operator, keys] of Object.entries(condition)) {
    if (!isRecord(keys))
      return unknown(`Condition operator ${operator} does not map keys to values`)
    for (const [key, values] of Object.entries(keys)) {
      results.push(keyMatches(operator, key, values, env))
    }
  }
  return allOf(results)
}

/** One operator and key of a Condition element, as the policy writes them. */
interface ConditionClause {
  operator: string
  key: string
  values: unknown[]
}

/**
 * The first operator and key that is false for the request, to explain a statement that does
 * not apply; undefined when none is (the condition holds, or cannot be evaluated).
 */
export function failedCondition(condition: unknown, env: Environment): ConditionClause | undefined {
  if (!isRecord(condition)) return undefined
  for (const [operator, keys] of Object.entries(condition)) {
    if (!isRecord(keys)) continue
    for (const [key, values] of Object.entries(keys)) {
      if (keyMatches(operator, key, values, env) === false) {
        return { operator, key, values: asList(values) }
      }
    }
  }
  return undefined
}

function keyMatches(operatorText: string, key: string, rawValues: unknown, env: Environment): Tri {
  const policyValues = asList(rawValues).map(policyValueText)
  if (policyValues.some(value => value === undefined) || policyValues.length === 0) {
    return unknown(`${operatorText} on ${key} has a value that is not a string, number or boolean`)
  }
  const values = policyValues as string[]
  const operator = parseOperator(operatorText)
  const requestValue = env.context.get(key.toLowerCase())

  if (operator.name === 'Null') {
    if (operator.set || operator.ifExists) return unknown(`${operatorText} is not a valid operator`)
    return nullCheck(values, requestValue !== undefined, operatorText)
  }
  const base = OPERATORS[operator.name]
  if (!base) return unknown(`unknown condition operator ${operatorText}`)

  // One request value against every policy value: OR, or NOR for a negated operator.
  const valueMatches = (value: ContextScalar): Tri => {
    const any = anyOf(values.map(policyValue => base.compare(scalarText(value), policyValue, env)))
    return base.negated ? not(any) : any
  }

  if (operator.set) {
    if (requestValue === undefined) return operator.set === 'ForAllValues' || operator.ifExists
    const requestValues: readonly ContextScalar[] = Array.isArray(requestValue)
      ? requestValue
      : [requestValue as ContextScalar]
    // An empty set: ForAllValues holds vacuously, ForAnyValue has nothing to match.
    return operator.set === 'ForAllValues'
      ? allOf(requestValues.map(valueMatches))
      : anyOf(requestValues.map(valueMatches))
  }

  if (requestValue === undefined) return operator.ifExists || base.negated
  if (Array.isArray(requestValue)) {
    return unknown(`${operatorText} on multivalued key ${key} needs ForAnyValue: or ForAllValues:`)
  }
  return valueMatches(requestValue as ContextScalar)
}

function nullCheck(values: string[], present: boolean, operatorText: string): Tri {
  const wanted = values.map(value => value.toLowerCase())
  if (wanted.some(value => value !== 'true' && value !== 'false')) {
    return unknown(`${operatorText} takes "true" or "false"`)
  }
  // "true": the key must be absent; "false": it must be present.
  return wanted.includes(present ? 'false' : 'true')
}

function policyValueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

// --- IP addresses -------------------------------------------------------------------------------

interface Ip {
  value: bigint
  bits: 32 | 128
}

function parseIp(text: string): Ip | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text)
}

export function parseCidr(text: string): (Ip & { prefix: number }) | undefined {
  const [address, prefixText, extra] = text.split('/')
  if (extra !== undefined || address === undefined) return undefined
  const ip = parseIp(address)
  if (!ip) return undefined
  if (prefixText === undefined) return { ...ip, prefix: ip.bits }
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > ip.bits) return undefined
  return { ...ip, prefix: Number(prefixText) }
}

function parseIpv4(text: string): Ip | undefined {
  const octets = text.split('.')
  if (octets.length !== 4 || octets.some(o => !/^\d{1,3}$/.test(o) || Number(o) > 255)) {
    return undefined
  }
  return { value: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n), bits: 32 }
}

function parseIpv6(text: string): Ip | undefined {
  let groups: string[]
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const split = (part: string): string[] => (part === '' ? [] : part.split(':'))
  if (halves.length === 2) {
    const [head, tail] = [split(halves[0]!), split(halves[1]!)]
    const missing = 8 - head.length - tail.length
    if (missing < 1) return undefined
    groups = [...head, ...Array<string>(missing).fill('0'), ...tail]
  } else {
    groups = split(text)
  }
  if (groups.length !== 8 || groups.some(g => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined
  return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n), bits: 128 }
}
