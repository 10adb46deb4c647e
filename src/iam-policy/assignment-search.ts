// Finds values of the unknown condition keys that make some statements apply and others not,
// without enumerating every combination.
//
// A statement applies when its principal, its action and every (operator, key) clause of its
// Condition hold (IAM ANDs them). So, once the caller and action are fixed, a statement is a
// conjunction of one constant part and one part per key, each depending on that key's value
// alone. "This statement applies" then only narrows each key's values independently, and "this
// statement does not apply" asks for one key whose value fails it: a small hitting-set search
// over the keys' trial values (request-space.ts), exact, bounded by a step budget.
// Three-valued: a part may be unknown (an operator IAM does not have...), so a goal asks for a
// statement to be certainly true or false, or merely possibly (not certainly the opposite).

import { conditionMatches } from './conditions.js'
import { allOf, contextFrom, isRecord, isUnknown, type Tri } from './logic.js'
import type { Assignment } from './request-search.js'
import type { KeySpace, TrialValue } from './request-space.js'

/** A statement for one caller and action: its constant part and its per-key parts. */
export interface Conjunction {
  fixed: Tri
  /** The keys whose value varies, and how the statement's clauses on each read a value. */
  parts: ReadonlyMap<string, (value: TrialValue) => Tri>
}

type Want = 'true' | 'not-false' | 'false' | 'not-true'
export interface Goal {
  conjunction: Conjunction
  want: Want
}

type SearchOutcome = { found: Assignment } | { none: true } | { exceeded: true }

const holds = (value: Tri, want: Want): boolean =>
  want === 'true'
    ? value === true
    : want === 'not-false'
      ? value !== false
      : want === 'false'
        ? value === false
        : value !== true

/**
 * An assignment of `keys` (values from their spaces) under which every goal holds, or none.
 * `budget.left` counts the values tried; at zero the search gives up (`exceeded`).
 */
export function searchAssignment(
  keys: readonly string[],
  spaces: ReadonlyMap<string, KeySpace>,
  goals: readonly Goal[],
  budget: { left: number }
): SearchOutcome {
  // Goals that want the conjunction to hold restrict each key's values on their own.
  const domains = new Map<string, TrialValue[]>()
  for (const key of keys) domains.set(key, [...spaces.get(key)!.values])
  const disjunctive: Goal[] = []
  for (const goal of goals) {
    const { fixed, parts } = goal.conjunction
    if (goal.want === 'true' || goal.want === 'not-false') {
      if (!holds(fixed, goal.want)) return { none: true }
      for (const [key, part] of parts) {
        const values = domains.get(key)!.filter(v => holds(part(v), goal.want))
        if (values.length === 0) return { none: true }
        domains.set(key, values)
      }
    } else if (!holds(fixed, goal.want)) {
      if (goal.conjunction.parts.size === 0) return { none: true }
      disjunctive.push(goal)
    }
  }
  // Goals that want it not to hold need one key whose value fails it.
  const assignment: Assignment = {}
  const assigned = new Set<string>()
  let exceeded = false
  const satisfied = (goal: Goal) =>
    [...goal.conjunction.parts].some(
      ([key, part]) => assigned.has(key) && holds(part(assignment[key]), goal.want)
    )
  const solve = (): boolean => {
    const open = disjunctive.find(goal => !satisfied(goal))
    if (!open) return true
    for (const [key, part] of open.conjunction.parts) {
      const choices = assigned.has(key) ? [] : domains.get(key)!
      for (const value of choices) {
        if (--budget.left < 0) {
          exceeded = true
          return false
        }
        if (!holds(part(value), open.want)) continue
        assignment[key] = value
        assigned.add(key)
        if (solve()) return true
        assigned.delete(key)
        delete assignment[key]
        if (exceeded) return false
      }
    }
    return false
  }
  if (!solve()) return exceeded ? { exceeded: true } : { none: true }
  for (const key of keys) if (!assigned.has(key)) assignment[key] = domains.get(key)![0]
  return { found: assignment }
}

/**
 * A statement's Condition split by key: for each key (folded to lower case) a function of that
 * key's value alone, cached; and what does not belong to a key (a malformed block) as `rest`.
 */
export function conditionParts(
  condition: unknown,
  variables: boolean
): { rest: Tri; byKey: Map<string, (value: TrialValue) => Tri> } {
  const byKey = new Map<string, (value: TrialValue) => Tri>()
  if (condition === undefined) return { rest: true, byKey }
  if (!isRecord(condition)) return { rest: conditionMatches(condition, env({}, variables)), byKey }
  const blocks = new Map<string, Record<string, Record<string, unknown>>>()
  const malformed: Record<string, unknown> = {}
  for (const [operator, keys] of Object.entries(condition)) {
    if (!isRecord(keys)) {
      malformed[operator] = keys
      continue
    }
    for (const [key, values] of Object.entries(keys)) {
      const folded = key.toLowerCase()
      const block = blocks.get(folded) ?? {}
      block[operator] = { ...block[operator], [key]: values }
      blocks.set(folded, block)
    }
  }
  for (const [folded, block] of blocks) {
    const cache = new Map<string, Tri>()
    byKey.set(folded, value => {
      const id = JSON.stringify(value) ?? 'absent'
      let result = cache.get(id)
      if (result === undefined) {
        result = conditionMatches(
          block,
          env(value === undefined ? {} : { [folded]: value }, variables)
        )
        cache.set(id, result)
      }
      return result
    })
  }
  const rest =
    Object.keys(malformed).length > 0 ? conditionMatches(malformed, env({}, variables)) : true
  return { rest, byKey }
}

/** The conjunction of a statement for one caller: keys with a fixed value fold into `fixed`. */
export function conjunctionOf(
  head: Tri,
  parts: ReturnType<typeof conditionParts>,
  fixed: Readonly<Record<string, TrialValue>>
): Conjunction {
  const constant: Tri[] = [head, parts.rest]
  const varying = new Map<string, (value: TrialValue) => Tri>()
  for (const [key, part] of parts.byKey) {
    if (key in fixed) constant.push(part(fixed[key]))
    else varying.set(key, part)
  }
  return { fixed: allOf(constant), parts: varying }
}

/** The first unknown part of these conjunctions under an assignment, to say why. */
export function unknownReason(
  conjunctions: readonly Conjunction[],
  assignment: Assignment
): string | undefined {
  for (const { fixed, parts } of conjunctions) {
    if (isUnknown(fixed)) return fixed.unknown
    for (const [key, part] of parts) {
      const value = part(assignment[key])
      if (isUnknown(value)) return value.unknown
    }
  }
  return undefined
}

function env(record: Record<string, NonNullable<TrialValue>>, variables: boolean) {
  return { context: contextFrom(record), variables }
}
