// Why nothing allows a request, in words: for each set of policies that allows nothing, the Allow
// statement that came closest and the first element it missed. Wording only: the decision was made
// from the same matches before this is called.
import { failedCondition } from './conditions.js'
import { asList, isUnknown } from './logic.js'
import { principalValues } from './principals.js'
import type { Group, Match, Part, StatementResult } from './statement.js'
import type { ContextValue, Request } from './types.js'

export function describe(request: Request): string {
  const principal = request.principal
  const who = !principal
    ? 'an anonymous caller'
    : 'AWS' in principal
      ? principal.AWS
      : 'Service' in principal
        ? principal.Service
        : principal.Federated
  return `${request.action} by ${who}${request.resource ? ` on ${request.resource}` : ''}`
}

const ELEMENTS = ['principal', 'action', 'resource', 'condition'] as const
type Element = (typeof ELEMENTS)[number]

/**
 * One line on why no Allow statement of a group applies: what its closest statement misses.
 * Wording only — the decision was made from the same matches before this is called.
 */
export function whyNot(group: Group, request: Request): string {
  const match = closest(group.results)
  if (!match) return `there is no Allow statement in ${group.name}`
  const { action, resource } = request
  const { subject, statement } = match
  // The statement does not apply, so one element is false: the first one is what it misses.
  const failed = ELEMENTS.find(element => match[element] === false) ?? 'condition'
  const named = namedBefore(match, failed)
  const naming = named.length > 0 ? `${subject} names ${named.join(' and ')}, but` : undefined

  switch (failed) {
    case 'principal': {
      if (match.action !== true) {
        return `no statement names this principal${match.action === false ? ` or allows ${action}` : ''}`
      }
      const miss =
        statement.Principal !== undefined
          ? `for ${plainList(principalValues(statement.Principal))}, not this principal`
          : 'its NotPrincipal excludes this principal'
      return `${subject} allows ${action}, but ${miss}`
    }
    case 'action': {
      if (group.noAction) return group.noAction
      const miss =
        statement.Action !== undefined ? `not ${action}` : `its NotAction excludes ${action}`
      return naming ? `${naming} ${miss}` : `${subject} does not allow ${action}`
    }
    case 'resource': {
      const allows = `${subject} allows ${action}`
      return statement.Resource !== undefined
        ? `${allows} on ${plainList(asList(statement.Resource))}, not on ${resource}`
        : `${allows}, but its NotResource excludes ${resource}`
    }
    case 'condition': {
      const miss = conditionMiss(match)
      return naming ? `${naming} ${miss}` : `${subject} applies, but ${miss}`
    }
  }
}

/** The elements a statement certainly matches before the one it failed on, in words. */
function namedBefore(match: Match, failed: Element): string[] {
  const before = (element: Element) => ELEMENTS.indexOf(element) < ELEMENTS.indexOf(failed)
  const words: string[] = []
  // A trust statement has no Resource; an identity statement has no Principal.
  if (match.kind === 'resource' && before('principal') && match.principal === true) {
    words.push('the principal')
  }
  if (before('action') && match.action === true) words.push('the action')
  if (before('resource') && match.resource === true && mentions(match.statement, 'Resource')) {
    words.push('the resource')
  }
  return words
}

/**
 * The Allow statement closest to applying: the one that matched the most of principal, action,
 * resource and condition, in that order (an earlier element outweighs all later ones); the
 * first of equals.
 */
function closest(results: StatementResult[]): Match | undefined {
  let best: Match | undefined
  for (const { effect, applies, match } of results) {
    if (effect !== 'Allow' || applies !== false || !match) continue
    if (!best || compareMatches(match, best) > 0) best = match
  }
  return best
}

function compareMatches(a: Match, b: Match): number {
  // A part that cannot be evaluated did not fail: it ranks between a match and a mismatch.
  const score = (part: Part) => (part === true ? 2 : part === false ? 0 : 1)
  for (const element of ELEMENTS) {
    const difference = score(a[element]) - score(b[element])
    if (difference !== 0) return difference
  }
  return 0
}

/** Which operator and key of the condition is false, and what the request has for that key. */
function conditionMiss(match: Match): string {
  const clause = failedCondition(match.statement.Condition, match.env)
  if (!clause) return 'its condition does not hold for the request'
  const { operator, key, values } = clause
  const value = match.env.context.get(key.toLowerCase())
  const held = `its condition ${operator} ${key} ${quotedList(values)} does not hold`
  return value === undefined
    ? `${held}: the request has no ${key}`
    : `${held} for the request (${key} = ${shown(value)})`
}

const mentions = (statement: Record<string, unknown>, key: string) =>
  statement[key] !== undefined || statement[`Not${key}`] !== undefined

/** At most a few values, so that a reason stays one readable line. */
const SHOWN = 3
const more = (values: readonly unknown[]) =>
  values.length > SHOWN ? ` and ${values.length - SHOWN} more` : ''
const plainList = (values: readonly unknown[]) =>
  values.slice(0, SHOWN).map(String).join(', ') + more(values)
const quotedList = (values: readonly unknown[]) =>
  `[${values
    .slice(0, SHOWN)
    .map(value => JSON.stringify(value))
    .join(', ')}${more(values)}]`
const shown = (value: ContextValue) =>
  Array.isArray(value) ? quotedList(value) : JSON.stringify(value)

export const labels = (results: StatementResult[]) => results.map(r => r.label)
export const quoteAll = (results: StatementResult[]) => results.map(r => `"${r.label}"`).join(', ')
export const whys = (results: StatementResult[]) =>
  results
    .map(r => `"${r.label}" (${isUnknown(r.applies) ? r.applies.unknown : 'unknown'})`)
    .join(', ')
