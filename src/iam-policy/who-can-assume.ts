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
// some assignment of the unknown keys: assignment-search.ts finds one without enumerating the
// combinations (for a fixed caller, each statement is a conjunction of per-key parts). IBM's
// principal with this org's external ID is the target (target-decision.ts), which must be
// allowed under every assignment of the unknown keys. Whatever the evaluator cannot decide (an
// unknown operator, a policy variable, a CanonicalUser, a budget exceeded) is reported as
// undecided: it can make the verdict "cannot evaluate", never "allowed".
//
// Sound rather than complete where IAM does not document a key: for a service or a federated
// caller, aws:PrincipalArn, aws:PrincipalAccount and aws:PrincipalType are unknown, so a way in
// that needs them is reported. The analysis never says "nobody else" when someone can.

import {
  type Conjunction,
  conditionParts,
  conjunctionOf,
  type Goal,
  searchAssignment,
  unknownReason
} from './assignment-search.js'
import { statementOutcomes, type StatementOutcome } from './evaluate.js'
import { allOf, asList, isRecord, isUnknown, type Tri, unknown } from './logic.js'
import {
  ASSUME_ROLE,
  type Candidate,
  principalSpace,
  SAML,
  WEB_IDENTITY
} from './principal-space.js'
import {
  clauses,
  keySpace,
  type KeySpace,
  keyUses,
  requestTimeKeys,
  type TrialValue
} from './request-space.js'
import { type Assignment, contextOf, spacesOf } from './request-search.js'
import { type Comparison, globTokens } from './string-witnesses.js'
import { decideTarget, type TargetRun } from './target-decision.js'
import type { PolicyDocument } from './types.js'
import { assembleWaysIn, EXTERNAL_ID, type Finding, type TrustAnalysis } from './ways-in.js'

export type { TrustAnalysis, WayIn } from './ways-in.js'
export { trustVerdict } from './ways-in.js'

interface TrustTarget {
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
  /** API Connect's published principals (every region): with this org's ID they are API Connect. */
  apiConnectPrincipals?: readonly string[]
  /** At most this many search steps (default 200,000); past it: undecided. */
  budget?: number
}

const ACTIONS = [ASSUME_ROLE, WEB_IDENTITY, SAML]
const PRINCIPAL_ARN = 'aws:principalarn'
/** IAM principal ARNs told apart from other values of aws:PrincipalArn (see callerSpace). */
const SHAPES: Comparison[] = [
  'arn:*:iam::*:role/*',
  'arn:*:iam::*:user/*',
  'arn:*:iam::*:root',
  'arn:*:sts::*:*'
].map(shape => ({
  tokens: globTokens(shape, { wildcards: true, noColon: true, ignoreCase: true })
}))

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
  const budget = { left: options.budget ?? 200_000 }
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
      const extra = key === EXTERNAL_ID ? [target.externalId] : key === PRINCIPAL_ARN ? SHAPES : []
      spaces.set(key, keySpace(key, keys.get(key)!, extra))
    }
    return spaces.get(key)!
  }
  const keyNames = new Map([...keys].map(([k, use]) => [k, use.name]))
  const statementKeys = records.map(s => [...new Set(clauses(s).map(([, k]) => k.toLowerCase()))])
  const labels = records.map((s, i) =>
    typeof s.Sid === 'string' && s.Sid ? s.Sid : `Statement[${i}]`
  )
  // An anonymous request carries none of the principal's keys (aws:PrincipalOrgID, tags...).
  const principalKeys = [...keys.keys()].filter(k => /^aws:(principal|userid$|username$)/.test(k))
  const anonymous = Object.fromEntries(principalKeys.map(k => [k, undefined]))
  const always = requestTimeKeys(options.now)
  const fixedFor = (candidate: Candidate, action: string): Record<string, string | undefined> => ({
    ...always,
    ...(candidate.kind === 'anonymous' ? anonymous : {}),
    ...candidate.fixed,
    // Only AssumeRole takes an external ID.
    ...(action === ASSUME_ROLE ? {} : { [EXTERNAL_ID]: undefined })
  })

  const parts = records.map(r => conditionParts(r.Condition, variables))
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
      const as = (i: number, effect: 'Allow' | 'Deny', keys = fixed) =>
        conjunctionOf(headOf(base[i]!, effect), parts[i]!, keys)
      const allows = relevant.filter(i => base[i]!.effect !== 'Deny')
      const denies = relevant.filter(i => base[i]!.effect !== 'Allow')
      const problem = relevant
        .map(i => statementProblem(records[i]!, labels[i]!, keys, variables))
        .find(Boolean)
      if (problem && allows.length > 0) {
        undecided.push(problem)
        continue
      }
      const varying = [...new Set(relevant.flatMap(i => statementKeys[i]!))].filter(
        k => !(k in fixed)
      )
      const spaces = spacesOf(varying, space)
      if ('undecided' in spaces) {
        if (allows.length > 0) undecided.push(`${candidate.name} (${action}): ${spaces.undecided}`)
        continue
      }
      const spaceMap = new Map(varying.map((k, i) => [k, callerSpace(candidate, k, spaces[i]!)]))
      const isTarget = candidate.target && action === ASSUME_ROLE
      if (isTarget) {
        const withId = { ...fixed, [EXTERNAL_ID]: target.externalId }
        targetRuns.push({
          candidate,
          fixed: withId,
          allows: allows.map(i => ({ index: i, conjunction: as(i, 'Allow', withId) })),
          denies: denies.map(i => ({ index: i, conjunction: as(i, 'Deny', withId) })),
          spaces: new Map([...spaceMap].filter(([k]) => k !== EXTERNAL_ID))
        })
      }
      for (const s of allows) {
        const others = denies.filter(d => d !== s)
        const found = waysThrough(
          as(s, 'Allow'),
          others.map(d => as(d, 'Deny')),
          spaceMap,
          budget,
          isTarget ? target.externalId : undefined
        )
        const where = `${labels[s]} for ${candidate.name} (${action})`
        if ('undecided' in found) {
          undecided.push(`${where}: ${found.undecided}`)
          continue
        }
        if (!found.assignment) continue
        findings.push({
          statement: records[s]!,
          label: labels[s]!,
          candidate,
          action,
          request: {
            principal: candidate.principal,
            action,
            context: contextOf(fixed, found.assignment)
          },
          externalIds: found.externalIds,
          freshExternalId: spaceMap.get(EXTERNAL_ID)?.fresh,
          unconditional: found.unconditional,
          varying: [...new Set([s, ...others].flatMap(i => statementKeys[i]!))].filter(
            k => !(k in fixed)
          ),
          keyNames,
          denies: others.map(d => ({ statement: records[d]!, label: labels[d]! }))
        })
      }
    }
  }
  const decided = decideTarget(trust, targetRuns, labels, budget, keyNames)
  return assembleWaysIn(target, options, findings, [...new Set(undecided)], decided)
}

/** A statement's constant part for one effect: its Effect, principal and action. */
function headOf(outcome: StatementOutcome, effect: 'Allow' | 'Deny'): Tri {
  const valid =
    outcome.effect === effect
      ? true
      : outcome.effect === 'unknown'
        ? unknown('the statement has no valid Effect')
        : false
  return allOf([valid, outcome.principal, outcome.action])
}

type WaysThrough =
  | { assignment?: Assignment; externalIds?: TrialValue[]; unconditional: boolean }
  | { undecided: string }

/**
 * Whether an Allow lets the caller in while no Deny applies, for which external IDs, and
 * whether under every value of the other unknown keys. `skipId`: the target's own ID.
 */
function waysThrough(
  allow: Conjunction,
  denies: Conjunction[],
  spaces: ReadonlyMap<string, KeySpace>,
  budget: { left: number },
  skipId: string | undefined
): WaysThrough {
  const keys = [...new Set([allow, ...denies].flatMap(c => [...c.parts.keys()]))]
  const ids = keys.includes(EXTERNAL_ID)
    ? spaces.get(EXTERNAL_ID)!.values.filter(v => skipId === undefined || v !== skipId)
    : [undefined]
  const withId = (id: TrialValue) =>
    keys.includes(EXTERNAL_ID) ? new Map([...spaces, [EXTERNAL_ID, { values: [id] }]]) : spaces
  const search = (goals: Goal[], id: TrialValue) =>
    searchAssignment(keys, withId(id), goals, budget)
  const definite: Goal[] = [
    { conjunction: allow, want: 'true' },
    ...denies.map((d): Goal => ({ conjunction: d, want: 'false' }))
  ]
  let assignment: Assignment | undefined
  const externalIds: TrialValue[] = []
  let unconditional = false
  for (const id of ids) {
    const result = search(definite, id)
    if ('exceeded' in result)
      return { undecided: 'too many requests to evaluate (budget exceeded)' }
    if (!('found' in result)) continue
    assignment ??= result.found
    externalIds.push(id)
    // Under every value of the other keys: the Allow never fails, no Deny ever applies.
    unconditional ||= [
      [{ conjunction: allow, want: 'not-true' } as Goal],
      ...denies.map(d => [{ conjunction: d, want: 'not-false' } as Goal])
    ].every(goals => 'none' in search(goals, id))
  }
  if (assignment) {
    return {
      assignment,
      externalIds: keys.includes(EXTERNAL_ID) ? externalIds : undefined,
      unconditional
    }
  }
  const possible: Goal[] = [
    { conjunction: allow, want: 'not-false' },
    ...denies.map((d): Goal => ({ conjunction: d, want: 'not-true' }))
  ]
  for (const id of ids) {
    const result = search(possible, id)
    if ('found' in result) {
      return { undecided: unknownReason([allow, ...denies], result.found) ?? 'cannot be decided' }
    }
  }
  return { unconditional: false }
}

/** An IAM principal's ARN (role, user, root, STS session), in any letter case. */
const IAM_PRINCIPAL_ARN =
  /^arn:[^:]*:(iam::[^:]*:(role\/[^:]*|user\/[^:]*|root)|sts::[^:]*:[^:]*)$/i

/**
 * A key's values for one caller. A service principal or a federated caller never carries an IAM
 * principal's ARN as aws:PrincipalArn (it holds the ARN of the IAM role, user, STS federated user
 * or root that makes a signed request: AWS global condition context keys), so a `"*"` pinned to
 * IBM's role by aws:PrincipalArn lets no service or provider in.
 */
function callerSpace(candidate: Candidate, key: string, space: KeySpace): KeySpace {
  const other =
    candidate.kind === 'service' || candidate.kind === 'web-identity' || candidate.kind === 'saml'
  if (!other || key !== PRINCIPAL_ARN) return space
  const values = space.values.filter(v => typeof v !== 'string' || !IAM_PRINCIPAL_ARN.test(v))
  return { values, fresh: values.includes(space.fresh) ? space.fresh : undefined }
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
