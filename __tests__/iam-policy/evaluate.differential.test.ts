// Differential test: src/iam-policy/evaluate.ts against @cloud-copilot/iam-simulate, an independent
// IAM simulator (AGPL: a devDependency imported from tests only, never from src/).
//
// Generated cases are decided by both: trust policies against sts:AssumeRole requests, and
// identity policies with an optional permissions boundary against lambda:InvokeFunction. Every
// case must agree on allowed vs denied, except for documented, deliberate differences:
//
// - We answer `cannot-evaluate` where IAM's behaviour is undocumented or depends on what the
//   request does not say; the oracle then picks an answer. Each such case must carry the quirk
//   the generator planted, and our reason must name it:
//     unknown-operator              an operator IAM does not have (the oracle: no match)
//     unresolved-variable           `${key}` without a value: IAM says the statement may be invalid
//     multivalued-single-operator   StringEquals on a multivalued key without ForAnyValue/ForAllValues
//     partial-not-principal         NotPrincipal naming only the role, or only the account, ...:
//                                   IAM "might validate the account first, then the role"
//     session-of-role               Principal naming one session of the role the request gives;
//                                   the session name is not known
// - Two oracle deviations from IAM's documented behaviour. A case that holds one is decided
//   again by the oracle with the construct rewritten to an equivalent it handles, and must then
//   agree with us:
//     for-any-value-if-exists-missing  IAM documents that IfExists makes a missing key match for
//                                      any operator; the oracle ignores IfExists under ForAnyValue.
//                                      Rewrite: drop those conditions (they are true).
//     ip-notation                      0.0.0.0/0 is every IPv4 address, but the oracle's mask
//                                      (-1 << 32, which is -1 in JavaScript) matches only 0.0.0.0;
//                                      and under NotIpAddress it never matches an IPv6 request
//                                      against an IPv4 address written without a prefix.
//                                      Rewrite: 0.0.0.0/1 + 128.0.0.0/1, and the /32 (/128)
//                                      prefix IAM documents as the default.

import { anonymousPrincipal, runSimulation, type Simulation } from '@cloud-copilot/iam-simulate'
import {
  type ContextValue,
  type Evaluation,
  evaluateIdentityPolicies,
  evaluateResourcePolicy,
  type PolicyDocument,
  type PolicyStatement,
  type Request
} from '../../src/iam-policy/evaluate.js'
import {
  generateIdentityCases,
  generateTrustCases,
  type Quirk,
  TRUSTING_ROLE
} from '../../harness/policy-generator.js'

// Fixed, so that every run decides the same cases; override to fuzz further, e.g.
// POLICY_DIFFERENTIAL_SEED=7 POLICY_DIFFERENTIAL_CASES=20000 npx jest policy-evaluator.differential
const SEED = Number(process.env.POLICY_DIFFERENTIAL_SEED ?? 20240611)
const TRUST_CASES = Number(process.env.POLICY_DIFFERENTIAL_CASES ?? 600)
const IDENTITY_CASES = Math.ceil(TRUST_CASES / 2)

/** Words our `reason` uses for each refusal, so that a refusal is tied to the planted quirk. */
const REFUSALS: Partial<Record<Quirk, RegExp>> = {
  'unknown-operator': /unknown condition operator/,
  'unresolved-variable': /policy variable .* has no value/,
  'multivalued-single-operator': /multivalued key .* needs ForAnyValue/,
  'partial-not-principal': /NotPrincipal names only part of the caller/,
  'session-of-role': /names one session of the role/
}
const ORACLE_DEVIATIONS = ['for-any-value-if-exists-missing', 'ip-notation'] as const

type Verdict = 'allowed' | 'denied'

/** One generated case, decided by us and (optionally with the deviations rewritten) by the oracle. */
interface Subject {
  kind: 'trust' | 'identity'
  id: number
  quirks: Set<Quirk>
  features: Set<string>
  detail: unknown
  ours: () => Evaluation
  theirs: (rewrite: boolean) => Promise<Verdict>
}

interface Outcome {
  subject: Subject
  ours: Evaluation
  theirs: Verdict
  /** 'agree', a documented difference, or undefined when unexplained. */
  explanation?: string
}

async function oracle(simulation: Simulation): Promise<Verdict> {
  const result = await runSimulation(simulation, {})
  if (result.resultType !== 'single') {
    throw new Error(`iam-simulate rejected the case: ${JSON.stringify(result).slice(0, 500)}`)
  }
  const ignored = result.result.ignoredContextKeys ?? []
  if (ignored.length > 0) throw new Error(`iam-simulate ignored context keys ${ignored.join(', ')}`)
  return result.overallResult === 'Allowed' ? 'allowed' : 'denied'
}

function simulatedRequest(request: Request, resource: string, account: string) {
  const principal = request.principal
  return {
    principal: !principal
      ? anonymousPrincipal
      : 'AWS' in principal
        ? principal.AWS
        : 'Service' in principal
          ? principal.Service
          : principal.Federated,
    action: request.action,
    resource: { resource, accountId: account },
    contextVariables: Object.fromEntries(
      Object.entries(request.context ?? {}).map(([key, value]) => [key, text(value)])
    )
  }
}

function text(value: ContextValue): string | string[] {
  return Array.isArray(value) ? value.map(String) : String(value)
}

/** An IP condition value in the CIDR notation the oracle handles; IAM's meaning is unchanged. */
function cidrs(value: string): string[] {
  if (value === '0.0.0.0/0') return ['0.0.0.0/1', '128.0.0.0/1']
  if (value.includes('/')) return [value]
  return [value.includes(':') ? `${value}/128` : `${value}/32`]
}

/** The policy rewritten so that the oracle's two known deviations (see above) do not apply. */
function withoutOracleDeviations(policy: PolicyDocument, request: Request): PolicyDocument {
  const present = new Set(Object.keys(request.context ?? {}).map(key => key.toLowerCase()))
  const rewrite = (operator: string, keys: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(keys)
        // ForAnyValue:...IfExists on a missing key is true: the condition can go.
        .filter(
          ([key]) => !/^ForAnyValue:.*IfExists$/.test(operator) || present.has(key.toLowerCase())
        )
        .map(([key, values]) => [
          key,
          /IpAddress/.test(operator) ? [values].flat().flatMap(v => cidrs(String(v))) : values
        ])
    )
  const statements = [policy.Statement].flat().map((statement): PolicyStatement => {
    if (!statement.Condition) return statement
    const condition = Object.fromEntries(
      Object.entries(statement.Condition).map(([operator, keys]) => [
        operator,
        rewrite(operator, keys)
      ])
    )
    return { ...statement, Condition: condition as PolicyStatement['Condition'] }
  })
  return { ...policy, Statement: statements }
}

function trustSubjects(): Subject[] {
  return generateTrustCases(SEED, TRUST_CASES).map(testCase => {
    const { policy, request } = testCase
    return {
      kind: 'trust',
      id: testCase.id,
      quirks: testCase.quirks,
      features: testCase.features,
      detail: { policy, request },
      ours: () => evaluateResourcePolicy(policy, request),
      theirs: rewrite =>
        oracle({
          request: simulatedRequest(request, TRUSTING_ROLE.arn, TRUSTING_ROLE.account),
          // The caller's own permissions allow the call, so the trust policy alone decides.
          identityPolicies:
            request.principal && 'AWS' in request.principal
              ? [{ name: 'caller', policy: allow('sts:*') }]
              : [],
          serviceControlPolicies: [],
          resourceControlPolicies: [],
          resourcePolicy: rewrite ? withoutOracleDeviations(policy, request) : policy
        })
    }
  })
}

function identitySubjects(): Subject[] {
  return generateIdentityCases(SEED, IDENTITY_CASES).map(testCase => {
    const { policies, boundary, request } = testCase
    const account = request.resource!.split(':')[4]!
    return {
      kind: 'identity',
      id: testCase.id,
      quirks: testCase.quirks,
      features: testCase.features,
      detail: { policies, boundary, request },
      ours: () => evaluateIdentityPolicies({ policies, boundary }, request),
      theirs: rewrite => {
        const fix = (policy: PolicyDocument) =>
          rewrite ? withoutOracleDeviations(policy, request) : policy
        return oracle({
          request: simulatedRequest(request, request.resource!, account),
          identityPolicies: policies.map((policy, i) => ({ name: `p${i}`, policy: fix(policy) })),
          ...(boundary
            ? { permissionBoundaryPolicies: [{ name: 'b', policy: fix(boundary) }] }
            : {}),
          serviceControlPolicies: [],
          resourceControlPolicies: []
        })
      }
    }
  })
}

function allow(action: string): PolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] }
}

async function decide(subject: Subject): Promise<Outcome> {
  const ours = subject.ours()
  const theirs = await subject.theirs(false)
  if (ours.decision === 'cannot-evaluate') {
    const quirk = [...subject.quirks].find(q => REFUSALS[q]?.test(ours.reason))
    return { subject, ours, theirs, explanation: quirk && `cannot-evaluate: ${quirk}` }
  }
  const verdict: Verdict = ours.decision === 'allowed' ? 'allowed' : 'denied'
  if (verdict === theirs) return { subject, ours, theirs, explanation: 'agree' }
  const deviations = ORACLE_DEVIATIONS.filter(q => subject.quirks.has(q))
  if (deviations.length > 0 && (await subject.theirs(true)) === verdict) {
    return { subject, ours, theirs, explanation: `oracle deviation: ${deviations.join(' + ')}` }
  }
  return { subject, ours, theirs }
}

function summary(kind: string, outcomes: Outcome[]): string {
  const count = (predicate: (o: Outcome) => boolean) => outcomes.filter(predicate).length
  const classes = new Map<string, number>()
  for (const { explanation } of outcomes) {
    if (explanation && explanation !== 'agree') {
      classes.set(explanation, (classes.get(explanation) ?? 0) + 1)
    }
  }
  const explained = [...classes].map(([name, n]) => `${name} ×${n}`).join(', ')
  return (
    `${kind}: ${outcomes.length} cases, ${count(o => o.theirs === 'allowed')} allowed by ` +
    `iam-simulate, ${count(o => o.explanation !== 'agree')} disagreements, ` +
    `${count(o => o.explanation === undefined)} unexplained${explained ? ` (${explained})` : ''}`
  )
}

describe('policy evaluator vs @cloud-copilot/iam-simulate', () => {
  const outcomes = { trust: [] as Outcome[], identity: [] as Outcome[] }

  beforeAll(async () => {
    for (const subject of [...trustSubjects(), ...identitySubjects()]) {
      outcomes[subject.kind].push(await decide(subject))
    }
    console.log(
      `policy-evaluator differential (seed ${SEED}): ${summary('trust', outcomes.trust)}; ` +
        summary('identity', outcomes.identity)
    )
  })

  it.each(['trust', 'identity'] as const)(
    '%s policies: every case agrees, or differs in a documented way',
    kind => {
      const unexplained = outcomes[kind].filter(o => o.explanation === undefined)
      const report = unexplained.slice(0, 3).map(o => ({
        id: o.subject.id,
        ours: o.ours,
        theirs: o.theirs,
        quirks: [...o.subject.quirks],
        ...(o.subject.detail as object)
      }))
      expect(report).toEqual([])
      expect(outcomes[kind].length).toBeGreaterThanOrEqual(kind === 'trust' ? 300 : 150)
    }
  )

  it.each(['trust', 'identity'] as const)(
    '%s policies: a meaningful comparison, both verdicts common, few refusals',
    kind => {
      const all = outcomes[kind]
      const share = (predicate: (o: Outcome) => boolean) =>
        all.filter(predicate).length / all.length
      expect(share(o => o.theirs === 'allowed')).toBeGreaterThan(0.15)
      expect(share(o => o.theirs === 'denied')).toBeGreaterThan(0.15)
      expect(share(o => o.ours.decision === 'explicit-deny')).toBeGreaterThan(0.05)
      expect(share(o => o.ours.decision === 'cannot-evaluate')).toBeLessThan(0.2)
    }
  )

  it('covers the rules: principals, NotPrincipal, wildcards, Deny, operators, IfExists, set operators, missing keys, resources, boundary', () => {
    const seen = (kind: 'trust' | 'identity') => {
      const counts = new Map<string, number>()
      for (const { subject } of outcomes[kind]) {
        for (const feature of subject.features) counts.set(feature, (counts.get(feature) ?? 0) + 1)
      }
      return counts
    }
    const rare = (counts: Map<string, number>, required: string[]) =>
      required.filter(feature => (counts.get(feature) ?? 0) < 5)
    const operators = [
      'StringEquals',
      'StringNotEquals',
      'StringEqualsIgnoreCase',
      'StringNotEqualsIgnoreCase',
      'StringLike',
      'StringNotLike',
      'NumericEquals',
      'NumericNotEquals',
      'NumericLessThan',
      'NumericGreaterThanEquals',
      'DateEquals',
      'DateNotEquals',
      'DateLessThan',
      'DateGreaterThan',
      'Bool',
      'IpAddress',
      'NotIpAddress',
      'ArnEquals',
      'ArnLike',
      'ArnNotEquals',
      'ArnNotLike'
    ].map(op => `op:${op}`)
    expect(
      rare(seen('trust'), [
        'caller:aws',
        'caller:session',
        'caller:anonymous',
        'caller:service',
        'Principal',
        'NotPrincipal',
        'Action',
        'NotAction',
        'action-wildcard',
        'effect:Deny',
        'multiple-values',
        'missing-key',
        'IfExists:present',
        'IfExists:missing',
        'ForAnyValue:present',
        'ForAnyValue:missing',
        'ForAllValues:present',
        'ForAllValues:missing',
        'Null',
        'policy-variable',
        'unknown-operator',
        ...operators
      ])
    ).toEqual([])
    expect(
      rare(seen('identity'), [
        'boundary',
        'Resource',
        'NotResource',
        'effect:Deny',
        'policy-variable'
      ])
    ).toEqual([])
  })
})
