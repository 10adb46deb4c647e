// The values worth trying for each condition key a policy mentions: a finite set that decides
// every condition of the policy exactly, as if every possible value (and "absent") were tried.
//
// A condition can only change its answer at the constants the policy compares the key with:
//   strings (StringEquals/Like, ArnEquals/Like, IgnoreCase, negations) — one witness per
//     combination of constants and patterns matched (string-witnesses.ts);
//   numbers and dates — each constant, a value between each pair, one below and one above;
//   IP addresses — for each CIDR range its first address and the one after its last, and the
//     lowest address, in IPv4 and IPv6 (every cell the ranges cut the address space into);
//   Bool — true and false; Null — present or absent;
// and every key may also be absent. A multivalued key (only ever tested with ForAnyValue: or
// ForAllValues:) takes sets of those values: the empty set and every set of up to as many
// elements as the policy has set clauses on the key (one witness element per clause is all a
// satisfying set needs). AWS's single-valued keys (sts:ExternalId...) take single values. A key compared in two ways that cannot be enumerated together (as a
// number and as a string) is reported, not guessed.

import { parseCidr, parseDate, parseOperator } from './conditions.js'
import { freshName } from './fresh-names.js'
import { asList, isRecord, isUnknown } from './logic.js'
import { arnTokens, type Comparison, globTokens, stringWitnesses } from './string-witnesses.js'
import type { ContextScalar, ContextValue } from './types.js'

/** A value to try for a key; undefined is "absent from the request". */
export type TrialValue = ContextValue | undefined

type Family = 'string' | 'numeric' | 'date' | 'bool' | 'ip' | 'binary' | 'null' | 'other'

export interface KeyUse {
  /** The key as the policy first writes it (keys are matched case-insensitively). */
  name: string
  uses: { operator: string; base: string; set: boolean; values: string[] }[]
  /** A `${...}` policy variable in one of the values: not a constant, not enumerated. */
  variable: boolean
}

export interface KeySpace {
  values: TrialValue[]
  /** The value no constant of the policy matches (a "fresh" value), when there is one. */
  fresh?: TrialValue
}

/** Keys AWS documents as multivalued: they always take sets. */
const MULTIVALUED = new Set(
  [
    'aws:TagKeys',
    'aws:CalledVia',
    'aws:PrincipalOrgPaths',
    'aws:SourceOrgPaths',
    'aws:ResourceOrgPaths',
    'aws:PrincipalServiceNamesList',
    'sts:TransitiveTagKeys'
  ].map(k => k.toLowerCase())
)

/**
 * Keys IAM sets on every request: aws:CurrentTime, aws:EpochTime and aws:SecureTransport (STS
 * takes HTTPS only). AWS global condition context keys:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export function requestTimeKeys(now: Date): Record<string, string> {
  return {
    'aws:currenttime': now.toISOString(),
    'aws:epochtime': String(Math.floor(now.getTime() / 1000)),
    'aws:securetransport': 'true'
  }
}

/** Every key the Condition elements of these statements use, folded to lower case. */
export function keyUses(statements: readonly unknown[], variables: boolean): Map<string, KeyUse> {
  const keys = new Map<string, KeyUse>()
  for (const statement of statements) {
    for (const [operator, key, values] of clauses(statement)) {
      const folded = key.toLowerCase()
      const use = keys.get(folded) ?? { name: key, uses: [], variable: false }
      const parsed = parseOperator(operator)
      const texts = values.map(v => String(v))
      use.uses.push({ operator, base: parsed.name, set: parsed.set !== undefined, values: texts })
      if (variables && texts.some(t => /\$\{/.test(t))) use.variable = true
      keys.set(folded, use)
    }
  }
  return keys
}

/** The operator, key and values of each clause of a statement's Condition element. */
export function clauses(statement: unknown): [string, string, unknown[]][] {
  const condition = isRecord(statement) ? statement.Condition : undefined
  if (!isRecord(condition)) return []
  return Object.entries(condition).flatMap(([operator, keys]) =>
    isRecord(keys)
      ? Object.entries(keys).map(([key, values]): [string, string, unknown[]] => [
          operator,
          key,
          asList(values)
        ])
      : []
  )
}

function family(base: string): Family {
  if (/^(String|Arn)/.test(base)) return 'string'
  if (base.startsWith('Numeric')) return 'numeric'
  if (base.startsWith('Date')) return 'date'
  if (base === 'Bool') return 'bool'
  if (base === 'IpAddress' || base === 'NotIpAddress') return 'ip'
  if (base === 'BinaryEquals') return 'binary'
  if (base === 'Null') return 'null'
  return 'other'
}

/**
 * The values to try for one key. `extra` adds string constants or patterns the caller needs told
 * apart (this org's external ID, the shapes of IAM principal ARNs); `budget` bounds the string search and the number of sets.
 */
export function keySpace(
  folded: string,
  use: KeyUse,
  extra: readonly (string | Comparison)[] = [],
  budget = 20_000
): KeySpace | { undecided: string } {
  const families = new Set(use.uses.map(u => family(u.base)).filter(f => f !== 'null'))
  if (families.size > 1) {
    return { undecided: `${use.name} is compared as ${[...families].join(' and ')}` }
  }
  const kind = [...families][0] ?? 'null'
  const constants = use.uses.filter(u => family(u.base) === kind).flatMap(u => u.values)
  let scalars: { values: ContextScalar[]; fresh?: ContextScalar }
  switch (kind) {
    case 'string': {
      const result = stringSpace(use, extra, budget)
      if ('undecided' in result) return result
      scalars = result
      break
    }
    case 'numeric':
      scalars = numberSpace(constants.map(Number).filter(Number.isFinite), String)
      break
    case 'date': {
      const times = constants.map(parseDate).filter((t): t is number => !isUnknown(t))
      scalars = numberSpace(times, t => new Date(t).toISOString(), true)
      break
    }
    case 'bool':
      scalars = { values: ['true', 'false'] }
      break
    case 'ip':
      scalars = ipSpace(constants)
      break
    default: {
      // Null alone, BinaryEquals, or an operator IAM does not have (the evaluator says so).
      const fresh = freshName('fresh-value', constants)
      scalars = { values: [...new Set([...constants, fresh])], fresh }
    }
  }
  // AWS's own keys are single-valued unless documented otherwise (ForAnyValue on one reads it
  // as a set of one); another key tested only with set operators may hold a set.
  const onlySets = use.uses.every(u => u.set || u.base === 'Null')
  const aws = /^(aws|sts):/.test(folded)
  if (!MULTIVALUED.has(folded) && (aws || !onlySets)) {
    return { values: [undefined, ...scalars.values], fresh: scalars.fresh }
  }
  return setSpace(use, scalars.values, budget)
}

function stringSpace(
  use: KeyUse,
  extra: readonly (string | Comparison)[],
  budget: number
): { values: string[]; fresh?: string } | { undecided: string } {
  const comparisons: Comparison[] = []
  let arn = false
  for (const { base, values } of use.uses) {
    if (family(base) !== 'string') continue
    const ignoreCase = base.includes('IgnoreCase')
    for (const value of values) {
      if (base.startsWith('Arn')) {
        arn = true
        comparisons.push({ tokens: arnTokens(value) })
      } else {
        const wildcards = base.includes('Like')
        comparisons.push({ tokens: globTokens(value, { wildcards, ignoreCase }) })
      }
    }
  }
  for (const value of extra) {
    comparisons.push(
      typeof value === 'string' ? { tokens: globTokens(value, { wildcards: false }) } : value
    )
  }
  // A key compared as an ARN holds ARNs (aws:SourceArn, aws:PrincipalArn...).
  const required = arn ? [comparisons.push({ tokens: arnTokens('arn:*:*:*:*:*') }) - 1] : []
  const result = stringWitnesses(comparisons, { required, budget })
  if ('exceeded' in result) return { undecided: `${use.name}: ${result.exceeded}` }
  const fresh = result.witnesses.find(w => w.matches.every((m, i) => !m || required.includes(i)))
  return { values: result.witnesses.map(w => w.value), fresh: fresh?.value }
}

/** Each constant, a value between neighbours, one below the lowest and one above the highest. */
function numberSpace<T extends ContextScalar>(
  constants: number[],
  show: (n: number) => T,
  integer = false
): { values: T[]; fresh: T } {
  const sorted = [...new Set(constants)].sort((a, b) => a - b)
  if (sorted.length === 0) return { values: [show(0)], fresh: show(0) }
  const values = [sorted[0]! - 1]
  sorted.forEach((n, i) => {
    values.push(n)
    if (i + 1 === sorted.length) return void values.push(n + 1)
    // Dates are whole milliseconds: neighbours one apart have nothing between them.
    const between = integer ? Math.floor((n + sorted[i + 1]!) / 2) : (n + sorted[i + 1]!) / 2
    if (between !== n) values.push(between)
  })
  return { values: values.map(show), fresh: show(sorted.at(-1)! + 1) }
}

/** The lowest address and, per range, its first address and the one after its last. */
function ipSpace(constants: string[]): { values: string[]; fresh: string } {
  const points = { 32: new Set<bigint>([0n]), 128: new Set<bigint>([0n]) }
  for (const text of constants) {
    const range = parseCidr(text)
    if (!range) continue
    const host = BigInt(range.bits - range.prefix)
    const first = (range.value >> host) << host
    const after = first + (1n << host)
    points[range.bits].add(first)
    if (after < 1n << BigInt(range.bits)) points[range.bits].add(after)
  }
  const values = [
    ...[...points[32]].map(v => showIp(v, 32)),
    ...[...points[128]].map(v => showIp(v, 128))
  ]
  return { values, fresh: values[0]! }
}

function showIp(value: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map(s => String((value >> s) & 255n)).join('.')
  const groups: string[] = []
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((value >> s) & 0xffffn).toString(16))
  return groups.join(':')
}

/** Absent, the empty set, and every set of up to `clauses` distinct element values. */
function setSpace(
  use: KeyUse,
  elements: ContextScalar[],
  budget: number
): KeySpace | { undecided: string } {
  const size = Math.min(use.uses.filter(u => u.set).length || 1, elements.length)
  const sets: ContextScalar[][] = [[]]
  const grow = (from: number, current: ContextScalar[]): boolean => {
    for (let i = from; i < elements.length; i++) {
      const next = [...current, elements[i]!]
      sets.push(next)
      if (sets.length > budget) return false
      if (next.length < size && !grow(i + 1, next)) return false
    }
    return true
  }
  if (!grow(0, [])) return { undecided: `${use.name}: more than ${budget} value sets to try` }
  return { values: [undefined, ...sets], fresh: [] }
}
