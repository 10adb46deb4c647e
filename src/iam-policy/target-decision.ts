// The target of the trust check: IBM's regional role (any of its sessions) with this org's
// external ID, through sts:AssumeRole. It must be allowed under every value of the keys the
// runner cannot know; denied under every value is a failure; anything else cannot be evaluated.

import { evaluateResourcePolicy, statementOutcomes } from './evaluate.js'
import { anyOf, isUnknown } from './logic.js'
import { ASSUME_ROLE, type Candidate } from './principal-space.js'
import {
  applies,
  type Budget,
  combinations,
  contextOf,
  forEachAssignment,
  type SpaceOf,
  spacesOf
} from './request-search.js'
import type { PolicyDocument, PolicyStatement, Request } from './types.js'
import type { TargetDecision } from './ways-in.js'

export interface TargetRun {
  candidate: Candidate
  fixed: Record<string, string | undefined>
  allows: number[]
  denies: number[]
}

export /** IBM's role session, this org's ID: allowed under every value of the unknown keys? */
function decideTarget(
  trust: PolicyDocument,
  runs: TargetRun[],
  records: Record<string, unknown>[],
  statementKeys: string[][],
  labels: string[],
  space: SpaceOf,
  budget: Budget,
  keyNames: ReadonlyMap<string, string>
): TargetDecision {
  if (runs.length === 0) {
    return {
      decision: 'cannot-evaluate',
      statements: [],
      dependsOn: [],
      reason: "IBM's principal is not a role ARN in the role's partition"
    }
  }
  const seen = new Set<string>()
  const allowedBy = new Set<string>()
  const dependsOn = new Set<string>()
  let denied: { request: Parameters<typeof evaluateResourcePolicy>[1] } | undefined
  let unknown: string | undefined
  let allowedCount = 0
  let allowedExample: Request | undefined
  let otherExample: Request | undefined
  for (const run of runs) {
    const involved = [...new Set([...run.allows, ...run.denies])]
    const varying = [...new Set(involved.flatMap(i => statementKeys[i]!))].filter(
      k => !(k in run.fixed)
    )
    const spaces = spacesOf(varying, space)
    if ('undecided' in spaces)
      return {
        decision: 'cannot-evaluate',
        statements: [],
        dependsOn: [],
        reason: spaces.undecided
      }
    const total = combinations(spaces, budget.left)
    if (total === Infinity) {
      return {
        decision: 'cannot-evaluate',
        statements: [],
        dependsOn: varying,
        reason: 'too many requests to evaluate (budget exceeded)'
      }
    }
    budget.left -= total
    const document = {
      ...trust,
      Statement: involved.map(i => records[i]! as unknown as PolicyStatement)
    }
    forEachAssignment(varying, spaces, assignment => {
      const request = {
        principal: run.candidate.principal,
        action: ASSUME_ROLE,
        context: contextOf(run.fixed, assignment)
      }
      const outcomes = statementOutcomes(document, request)
      if (isUnknown(outcomes)) return void (unknown ??= outcomes.unknown)
      const allow = anyOf(outcomes.map(o => applies(o, 'Allow')))
      const deny = anyOf(outcomes.map(o => applies(o, 'Deny')))
      seen.add(
        run.candidate.principal && 'AWS' in run.candidate.principal
          ? run.candidate.principal.AWS
          : ''
      )
      if (allow === true && deny === false) {
        allowedCount++
        allowedExample ??= request
        outcomes.forEach((o, j) => o.applies === true && allowedBy.add(labels[involved[j]!]!))
        return
      }
      varying.forEach(k => dependsOn.add(k))
      otherExample ??= request
      if (allow === false || deny === true) denied ??= { request }
      else unknown ??= [allow, deny].find(isUnknown)?.unknown
    })
  }
  if (!denied && !unknown) {
    return {
      decision: 'allowed',
      statements: [...allowedBy],
      dependsOn: [],
      reason: `allowed by ${[...allowedBy].map(l => `"${l}"`).join(', ')}`
    }
  }
  if (denied && !unknown && allowedCount === 0) {
    const evaluation = evaluateResourcePolicy(trust, denied.request)
    return {
      decision: 'denied',
      statements: evaluation.statements,
      dependsOn: [],
      reason: evaluation.reason
    }
  }
  const names = [...dependsOn].map(k => keyNames.get(k) ?? k)
  if (seen.size > 1 && names.length === 0) names.push('the role session name')
  const why = unknown ?? `allowed for some values of ${names.join(', ') || 'the unknown keys'} only`
  return {
    decision: 'cannot-evaluate',
    statements: [...allowedBy],
    dependsOn: names,
    reason: why,
    examples: { allowed: allowedExample, notAllowed: otherExample }
  }
}
