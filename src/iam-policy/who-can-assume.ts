// "Who can assume this role": decides a trust policy over the whole request space — every
// caller, every sts:AssumeRole* action, every value of every condition key, "absent" included —
// rather than over a few sample requests.
//
// Technique. A policy's answer can only change at the constants the policy itself mentions. So
// a finite universe decides it exactly: the callers of principal-space.ts (one of every kind of
// principal the policy could tell apart, fresh ones included), and for each condition key the
// trial values of request-space.ts (one per combination of constants matched, plus absent). Keys
// IAM sets itself are fixed as IAM sets them (aws:CurrentTime and aws:EpochTime = now,
// aws:SecureTransport = true, and for an AWS caller aws:PrincipalArn, aws:PrincipalAccount and
// aws:PrincipalType); every other key — aws:SourceIp, aws:PrincipalOrgID, tags, session name,
// provider claims... — is unknown and ranges over all its trial values.
//
// A way in is a caller, an action and one Allow statement that applies while no Deny does, for
// some assignment: the search enumerates, per Allow statement, only the keys that statement and
// the Denies that could apply to the caller mention. IBM's principal with this org's external ID
// is the target, which must be allowed under every assignment of the unknown keys. Whatever the
// evaluator cannot decide (an unknown operator, a policy variable, a budget exceeded) is
// reported as undecided: it can make the verdict "cannot evaluate", never "allowed".

import { statementOutcomes, type StatementOutcome } from './evaluate.js'
import { anyOf, asList, isUnknown } from './logic.js'
import { decideTarget, type TargetRun } from './target-decision.js'
import {
  ASSUME_ROLE,
  type Candidate,
  principalSpace,
  SAML,
  WEB_IDENTITY
} from './principal-space.js'
import { clauses, keySpace, type KeySpace, keyUses, requestTimeKeys } from './request-space.js'
import {
  applies,
  type Assignment,
  type Budget,
  combinations,
  contextOf,
  forEachAssignment,
  type SpaceOf,
  spacesOf
} from './request-search.js'
import type { PolicyDocument, PolicyStatement } from './types.js'
import { assembleWaysIn, type Finding, type TrustAnalysis } from './ways-in.js'

export type { TrustAnalysis, WayIn, TargetDecision } from './ways-in.js'
export { trustVerdict } from './ways-in.js'

export interface TrustTarget {
  /** IBM's regional role, e.g. arn:aws:iam::623947394061:role/ibm-apiconnect-us-east-a. */
  principalArn: string
  /** This provider org's ID, as the trust policy must pin it. */
  externalId: string
}

export interface TrustAnalysisOptions {
  /** The role whose trust policy this is: its account and partition. */
  roleArn: string
  now: Date
  /** Principals the user trusts on purpose, as written in a trust policy (ARN, account ID...). */
  accepted?: readonly string[]
  /** At most this many requests are evaluated (default 200,000); past it: undecided. */
  budget?: number
}

const EXTERNAL_ID = 'sts:externalid'
const ACTIONS = [ASSUME_ROLE, WEB_IDENTITY, SAML]

export function whoCanAssume(
  trust: PolicyDocument,
  target: TrustTarget,
  options: TrustAnalysisOptions
): TrustAnalysis {
  const undecided: string[] = []
  const statements = asList((trust as { Statement?: unknown }).Statement)
  const records = statements.filter(isRecord)
  if (!('Statement' in (trust as object)) || records.length !== statements.length) {
    return assembleWaysIn(
      target,
      options,
      [],
      ['the trust policy has no usable Statement list'],
      undefined
    )
  }
  const variables = trust.Version === '2012-10-17'
  const keys = keyUses(records, variables)
  const [partition, , , ownAccount] = options.roleArn.split(':').slice(1)
  const budget: Budget = { left: options.budget ?? 200_000 }
  const candidates = principalSpace({
    statements: records,
    partition: partition ?? 'aws',
    ownAccount: ownAccount ?? '',
    targetArn: target.principalArn,
    keys,
    budget: 20_000
  })
  if ('undecided' in candidates) {
    return assembleWaysIn(target, options, [], [candidates.undecided], undefined)
  }
  const spaces = new Map<string, KeySpace | { undecided: string }>()
  const space = (key: string) => {
    if (!spaces.has(key)) {
      const extra = key === EXTERNAL_ID ? [target.externalId] : []
      spaces.set(key, keySpace(key, keys.get(key)!, extra))
    }
    return spaces.get(key)!
  }
  const keyNames = new Map([...keys].map(([k, use]) => [k, use.name]))
  const statementKeys = records.map(s => [...new Set(clauses(s).map(([, k]) => k.toLowerCase()))])
  const labels = records.map((s, i) =>
    typeof s.Sid === 'string' && s.Sid ? s.Sid : `Statement[${i}]`
  )
  const single = (i: number): PolicyDocument => ({
    ...trust,
    Statement: [records[i]! as unknown as PolicyStatement]
  })
  // An anonymous request carries none of the principal's keys (aws:PrincipalOrgID, tags...).
  const principalKeys = [...keys.keys()].filter(k => /^aws:(principal|userid$|username$)/.test(k))
  const anonymous = Object.fromEntries(principalKeys.map(k => [k, undefined]))
  const fixedFor = (candidate: Candidate, action: string): Record<string, string | undefined> => ({
    ...requestTimeKeys(options.now),
    ...(candidate.kind === 'anonymous' ? anonymous : {}),
    ...candidate.fixed,
    // Only AssumeRole takes an external ID.
    ...(action === ASSUME_ROLE ? {} : { [EXTERNAL_ID]: undefined })
  })

  const findings: Finding[] = []
  const targetRuns: TargetRun[] = []
  for (const candidate of candidates) {
    for (const action of candidate.actions.filter(a => ACTIONS.includes(a))) {
      const fixed = fixedFor(candidate, action)
      const base = statementOutcomes(trust, {
        principal: candidate.principal,
        action,
        context: contextOf(fixed)
      })
      if (isUnknown(base)) {
        undecided.push(`${candidate.name}: ${base.unknown}`)
        continue
      }
      const relevant = base.flatMap((o, i) =>
        o.principal !== false && o.action !== false ? [i] : []
      )
      const allows = relevant.filter(i => base[i]!.effect !== 'Deny')
      const denies = relevant.filter(i => base[i]!.effect !== 'Allow')
      const problem = relevant
        .map(i => statementProblem(records[i]!, labels[i]!, keys, variables))
        .find(Boolean)
      if (problem && allows.length > 0) {
        undecided.push(problem)
        continue
      }
      const isTarget = candidate.target && action === ASSUME_ROLE
      if (isTarget)
        targetRuns.push({
          candidate,
          fixed: { ...fixed, [EXTERNAL_ID]: target.externalId },
          allows,
          denies
        })
      for (const s of allows) {
        const involved = [s, ...denies.filter(d => d !== s)]
        const varying = [...new Set(involved.flatMap(i => statementKeys[i]!))].filter(
          k => !(k in fixed)
        )
        const search = searchStatement({
          candidate,
          action,
          fixed,
          varying,
          involved,
          space,
          budget,
          skip: isTarget ? (a: Assignment) => a[EXTERNAL_ID] === target.externalId : () => false,
          evaluate: request => involved.map(i => outcomeOf(single(i), request))
        })
        if ('undecided' in search) {
          undecided.push(`${labels[s]} for ${candidate.name} (${action}): ${search.undecided}`)
          continue
        }
        if (search.allowed.length > 0) {
          findings.push({
            statement: records[s]!,
            label: labels[s]!,
            candidate,
            action,
            request: {
              principal: candidate.principal,
              action,
              context: contextOf(fixed, search.allowed[0]!)
            },
            allowed: search.allowed,
            varying,
            keyNames,
            perExternalId: varying
              .filter(k => k !== EXTERNAL_ID)
              .reduce((n, k) => n * (space(k) as KeySpace).values.length, 1),
            externalIdSpace: varying.includes(EXTERNAL_ID)
              ? (space(EXTERNAL_ID) as KeySpace)
              : undefined,
            denies: denies
              .filter(d => d !== s)
              .map(d => ({ statement: records[d]!, label: labels[d]! }))
          })
        } else if (search.unknown) {
          undecided.push(`${labels[s]} for ${candidate.name} (${action}): ${search.unknown}`)
        }
      }
    }
  }
  const decided = decideTarget(
    trust,
    targetRuns,
    records,
    statementKeys,
    labels,
    space,
    budget,
    keyNames
  )
  const targetDecision = { ...decided, dependsOn: decided.dependsOn }
  return assembleWaysIn(target, options, findings, [...new Set(undecided)], targetDecision)
}

function outcomeOf(
  document: PolicyDocument,
  request: Parameters<typeof statementOutcomes>[1]
): StatementOutcome {
  const outcomes = statementOutcomes(document, request)
  if (isUnknown(outcomes)) {
    return {
      label: '',
      effect: 'unknown',
      applies: outcomes,
      principal: outcomes,
      action: outcomes
    }
  }
  return outcomes[0]!
}

interface Search {
  candidate: Candidate
  action: string
  fixed: Record<string, string | undefined>
  varying: string[]
  involved: number[]
  space: SpaceOf
  budget: Budget
  skip: (assignment: Assignment) => boolean
  /** The involved statements' outcomes: the Allow first, then the Denies. */
  evaluate: (request: Parameters<typeof statementOutcomes>[1]) => StatementOutcome[]
}

type SearchResult =
  { allowed: Assignment[]; total: number; unknown?: string } | { undecided: string }

/** Every assignment of the varying keys under which the Allow applies and no Deny does. */
function searchStatement(search: Search): SearchResult {
  const spaces = spacesOf(search.varying, search.space)
  if ('undecided' in spaces) return spaces
  const total = combinations(spaces, search.budget.left)
  if (total === Infinity) return { undecided: 'too many requests to evaluate (budget exceeded)' }
  search.budget.left -= total
  const allowed: Assignment[] = []
  let unknown: string | undefined
  let counted = 0
  forEachAssignment(search.varying, spaces, assignment => {
    if (search.skip(assignment)) return
    counted++
    const context = contextOf(search.fixed, assignment)
    const [allow, ...denies] = search.evaluate({
      principal: search.candidate.principal,
      action: search.action,
      context
    })
    const allowApplies = applies(allow!, 'Allow')
    const denyApplies = anyOf(denies.map(d => applies(d, 'Deny')))
    if (allowApplies === true && denyApplies === false) allowed.push(assignment)
    else if (allowApplies !== false && denyApplies !== true) {
      const why = [allowApplies, denyApplies].find(isUnknown)
      unknown ??= why?.unknown
    }
  })
  return { allowed, total: counted, ...(unknown ? { unknown } : {}) }
}

/** A construct the enumeration does not model, in a statement that matters. */
function statementProblem(
  statement: Record<string, unknown>,
  label: string,
  keys: ReturnType<typeof keyUses>,
  variables: boolean
): string | undefined {
  const principal = statement.Principal ?? statement.NotPrincipal
  if (typeof principal === 'object' && principal !== null && 'CanonicalUser' in principal) {
    return `${label} names a CanonicalUser principal, which the analysis cannot resolve`
  }
  const variable = clauses(statement).find(([, key]) => keys.get(key.toLowerCase())?.variable)
  if (variables && variable) {
    return `${label} compares ${variable[1]} with a policy variable: not analysed`
  }
  return undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
