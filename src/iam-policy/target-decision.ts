// The target of the trust check: IBM's regional role (any of its sessions) with this org's
// external ID, through sts:AssumeRole. It must be allowed under every value of the keys the
// runner cannot know; denied under every value is a failure; anything else cannot be evaluated.
// Each answer comes from assignment-search.ts: "allowed everywhere" is "no assignment under
// which every Allow fails or some Deny may apply", and so on.

import {
  type Conjunction,
  type Goal,
  searchAssignment,
  unknownReason
} from './assignment-search.js'
import { evaluateResourcePolicy } from './evaluate.js'
import type { Candidate } from './principal-space.js'
import { type Assignment, contextOf } from './request-search.js'
import type { KeySpace } from './request-space.js'
import type { PolicyDocument, Request } from './types.js'
import type { TargetDecision } from './ways-in.js'

interface Part {
  index: number
  conjunction: Conjunction
}

export interface TargetRun {
  candidate: Candidate
  fixed: Record<string, string | undefined>
  allows: Part[]
  denies: Part[]
  spaces: ReadonlyMap<string, KeySpace>
}

type Found = Assignment | undefined | 'exceeded'

export function decideTarget(
  trust: PolicyDocument,
  runs: TargetRun[],
  labels: string[],
  budget: { left: number },
  keyNames: ReadonlyMap<string, string>
): TargetDecision {
  if (runs.length === 0) {
    const reason = "IBM's principal is not a role ARN in the role's partition"
    return { decision: 'cannot-evaluate', statements: [], dependsOn: [], reason }
  }
  const results = runs.map(run => decideRun(run, budget))
  const request = (run: TargetRun, assignment: Assignment): Request => ({
    principal: run.candidate.principal,
    action: 'sts:AssumeRole',
    context: contextOf(run.fixed, assignment)
  })
  const exceeded = results.find(r => r.exceeded)
  if (exceeded) {
    const reason = 'too many requests to evaluate (budget exceeded)'
    return { decision: 'cannot-evaluate', statements: [], dependsOn: [], reason }
  }
  const allowedBy = [...new Set(results.flatMap(r => r.allowedBy.map(i => labels[i]!)))]
  if (results.every(r => !r.notAllowed)) {
    const reason = `allowed by ${allowedBy.map(l => `"${l}"`).join(', ')}`
    return { decision: 'allowed', statements: allowedBy, dependsOn: [], reason }
  }
  const notDenied = results.findIndex(r => r.notDenied)
  if (notDenied === -1) {
    const i = results.findIndex(r => r.notAllowed)
    const evaluation = evaluateResourcePolicy(trust, request(runs[i]!, results[i]!.notAllowed!))
    return {
      decision: 'denied',
      statements: evaluation.statements,
      dependsOn: [],
      reason: evaluation.reason
    }
  }
  const keys = [...new Set(runs.flatMap(run => [...run.spaces.keys()]))]
  const names = keys.map(k => keyNames.get(k) ?? k)
  // Differing answers between sessions with no key involved: the session name decides.
  if (names.length === 0) names.push('the role session name')
  const unknownWhy = results.map(r => r.unknown).find(Boolean)
  const reason = unknownWhy ?? `allowed for some values of ${names.join(', ')} only`
  const i = results.findIndex(r => r.notAllowed)
  return {
    decision: 'cannot-evaluate',
    statements: allowedBy,
    dependsOn: names,
    reason,
    examples: {
      allowed: request(runs[notDenied]!, results[notDenied]!.notDenied!),
      notAllowed: request(runs[i]!, results[i]!.notAllowed!)
    }
  }
}

interface RunResult {
  /** An assignment under which IBM is not certainly allowed / not certainly denied. */
  notAllowed?: Assignment
  notDenied?: Assignment
  allowedBy: number[]
  unknown?: string
  exceeded: boolean
}

function decideRun(run: TargetRun, budget: { left: number }): RunResult {
  const keys = [...run.spaces.keys()]
  let exceeded = false
  const search = (goals: Goal[]): Assignment | undefined => {
    const result = searchAssignment(keys, run.spaces, goals, budget)
    if ('exceeded' in result) exceeded = true
    return 'found' in result ? result.found : undefined
  }
  const first = (tries: Goal[][]): Found => {
    for (const goals of tries) {
      const found = search(goals)
      if (found) return found
    }
    return exceeded ? 'exceeded' : undefined
  }
  const goal = (part: Part, want: Goal['want']): Goal => ({ conjunction: part.conjunction, want })
  // Not allowed: every Allow fails somewhere at once, or some Deny may apply.
  const notAllowed = first([
    run.allows.map(a => goal(a, 'not-true')),
    ...run.denies.map(d => [goal(d, 'not-false')])
  ])
  // Not denied: some Allow may apply while no Deny certainly does.
  const notDenied = first(
    run.allows.map(a => [goal(a, 'not-false'), ...run.denies.map(d => goal(d, 'not-true'))])
  )
  const allowedBy = run.allows
    .filter(a => search([goal(a, 'true'), ...run.denies.map(d => goal(d, 'false'))]))
    .map(a => a.index)
  const all = [...run.allows, ...run.denies].map(p => p.conjunction)
  const unknown = [notAllowed, notDenied]
    .map(found => (typeof found === 'object' ? unknownReason(all, found) : undefined))
    .find(Boolean)
  return {
    notAllowed: typeof notAllowed === 'object' ? notAllowed : undefined,
    notDenied: typeof notDenied === 'object' ? notDenied : undefined,
    allowedBy,
    unknown,
    exceeded
  }
}
