// Assignments of trial values to condition keys, and the request contexts built from them:
// enumerated one by one (invoke-decision.ts) or found by assignment-search.ts.

import type { KeySpace, TrialValue } from './request-space.js'
import type { ContextValue } from './types.js'

export type Assignment = Record<string, TrialValue>

/** The number of combinations, or Infinity past the limit (to refuse before enumerating). */
export function combinations(spaces: readonly KeySpace[], limit: number): number {
  let total = 1
  for (const space of spaces) {
    total *= space.values.length
    if (total > limit) return Infinity
  }
  return total
}

/** Calls `visit` with every assignment of the keys; false from `visit` stops the enumeration. */
export function forEachAssignment(
  keys: readonly string[],
  spaces: readonly KeySpace[],
  visit: (assignment: Assignment) => boolean | void
): void {
  const assignment: Assignment = {}
  const walk = (i: number): boolean => {
    if (i === keys.length) return visit({ ...assignment }) !== false
    for (const value of spaces[i]!.values) {
      assignment[keys[i]!] = value
      if (!walk(i + 1)) return false
    }
    return true
  }
  walk(0)
}

/** A request context from fixed keys and an assignment, leaving out the absent ones. */
export function contextOf(...parts: Record<string, TrialValue>[]): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (value === undefined) delete context[key]
      else context[key] = value
    }
  }
  return context
}

type SpaceOf = (key: string) => KeySpace | { undecided: string }

/** The trial values of each key, or why one cannot be enumerated. */
export function spacesOf(
  keys: readonly string[],
  space: SpaceOf
): KeySpace[] | { undecided: string } {
  const spaces: KeySpace[] = []
  for (const key of keys) {
    const s = space(key)
    if ('undecided' in s) return s
    spaces.push(s)
  }
  return spaces
}
