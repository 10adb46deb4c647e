// Differential test of the trust analysis (src/iam-policy/who-can-assume.ts) against brute force:
// generated trust policies (harness/trust-policy-generator.ts) are put, for every
// caller of a fixed universe of principals and actions and many values of the unknown keys, to
// @cloud-copilot/iam-simulate (AGPL: a devDependency, tests only). Its engine is called directly
// (`authorize`), skipping the context-key validation that would drop provider claim keys and
// costs ~0.5 ms a request.
//
// Asserted:
// - missed: the analysis says "nobody else" while brute force finds someone — must be zero; and
//   every caller brute force lets in must appear among the analysis's ways in (same kind and
//   action; IBM's role flagged as IBM with another external ID) unless the analysis is undecided;
// - every way in the analysis reports comes with a concrete request, which the oracle must
//   allow: a way in that brute force did not find is then explained as beyond its universe;
// - the target (IBM's role, this org's ID): allowed or denied must match brute force on every
//   context it tried; cannot-evaluate must be confirmed by the oracle (an allowed and a
//   not-allowed request from the analysis), or be brute force's own mixed answer;
// - an undecided part must come from a planted quirk (unknown operator, partial NotPrincipal);
// - one oracle deviation is documented and checked by rewriting it away (federatedDeviation).

import { loadPolicy } from '@cloud-copilot/iam-policy'
import { anonymousPrincipal } from '@cloud-copilot/iam-simulate'
import { authorize } from '../../node_modules/@cloud-copilot/iam-simulate/dist/esm/core_engine/CoreSimulatorEngine.js'
import { DiscoveryContextKeyConstraints } from '../../node_modules/@cloud-copilot/iam-simulate/dist/esm/context_keys/discoveryContextKeyConstraints.js'
import { AwsRequestImpl } from '../../node_modules/@cloud-copilot/iam-simulate/dist/esm/request/request.js'
import { RequestContextImpl } from '../../node_modules/@cloud-copilot/iam-simulate/dist/esm/requestContext.js'
import type { ContextValue, Request } from '../../src/iam-policy/evaluate.js'
import { type TrustAnalysis, whoCanAssume } from '../../src/iam-policy/who-can-assume.js'
import { prng } from '../../harness/policy-generator.js'
import {
  ALWAYS,
  BRUTE_CALLERS,
  type BruteCaller,
  generateTrustPolicies,
  IBM_CALL,
  NOW,
  ORG_ID,
  OWN_ACCOUNT,
  OWN_ROLE,
  TARGET_ROLE,
  type TrustPolicyCase,
  UNKNOWN_VALUES
} from '../../harness/trust-policy-generator.js'

const SEED = Number(process.env.TRUST_DIFFERENTIAL_SEED ?? 20261126)
const CASES = Number(process.env.TRUST_DIFFERENTIAL_CASES ?? 2000)
/** Contexts tried per caller and action: all combinations up to this many, else a sample. */
const CONTEXTS = Number(process.env.TRUST_DIFFERENTIAL_CONTEXTS ?? 3)

const CALLER_POLICY = [
  loadPolicy(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }] },
    { name: 'caller' }
  )
]

type Loaded = ReturnType<typeof loadPolicy>
let oracleRequests = 0

/** iam-simulate's answer for one request: allowed or not. */
function oracle(policy: Loaded, request: Request, asAccount = false): boolean {
  const principal = request.principal
  const name = !principal
    ? anonymousPrincipal
    : 'AWS' in principal
      ? principal.AWS
      : 'Service' in principal
        ? principal.Service
        : principal.Federated
  const context = Object.fromEntries(
    Object.entries(request.context ?? {}).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.map(String) : String(v)
    ])
  )
  const awsRequest = new AwsRequestImpl(
    name,
    { resource: OWN_ROLE, accountId: OWN_ACCOUNT },
    request.action,
    new RequestContextImpl(context)
  )
  const result = authorize({
    request: awsRequest,
    sessionPolicy: undefined,
    // The caller's own permissions allow the call, so the trust policy alone decides.
    identityPolicies: principal && ('AWS' in principal || asAccount) ? CALLER_POLICY : [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: policy,
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: {
      simulationMode: 'Strict',
      discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([])
    }
  } as unknown as Parameters<typeof authorize>[0])
  oracleRequests++
  return result.result === 'Allowed'
}

interface Tried {
  caller: BruteCaller
  action: string
  context: Record<string, ContextValue>
  allowed: boolean
  target: boolean
}

/** The brute force: every caller and action, with all (or a sample of) the contexts. */
function bruteForce(testCase: TrustPolicyCase, policy: Loaded): Tried[] {
  const random = prng(SEED + testCase.id)
  const text = JSON.stringify(testCase.policy).toLowerCase()
  const mentioned = Object.keys(UNKNOWN_VALUES).filter(k => text.includes(`"${k.toLowerCase()}"`))
  const tried: Tried[] = []
  for (const caller of BRUTE_CALLERS) {
    for (const action of caller.actions) {
      // Only AssumeRole takes an external ID; an anonymous caller has no principal keys.
      // Keys IAM documents for the caller are set (its context) or left out (absent).
      const keys = mentioned.filter(
        k =>
          (k !== 'sts:ExternalId' || action === 'sts:AssumeRole') &&
          (caller.kind !== 'anonymous' || !k.startsWith('aws:Principal')) &&
          !(k in caller.context) &&
          !caller.absent?.includes(k)
      )
      const dimensions = keys.map(k => UNKNOWN_VALUES[k]!)
      // Without an external-ID condition every ID is alike: this org's, and none for IBM's role.
      if (action === 'sts:AssumeRole' && !keys.includes('sts:ExternalId')) {
        keys.push('sts:ExternalId')
        dimensions.push(caller.target ? [ORG_ID, undefined] : [ORG_ID])
      }
      for (const values of contexts(dimensions, random)) {
        const context: Record<string, ContextValue> = { ...ALWAYS, ...caller.context }
        keys.forEach((k, i) => values[i] !== undefined && (context[k] = values[i]!))
        const request = { principal: caller.principal, action, context }
        const target =
          !!caller.target && action === 'sts:AssumeRole' && context['sts:ExternalId'] === ORG_ID
        tried.push({ caller, action, context, allowed: oracle(policy, request), target })
      }
    }
  }
  return tried
}

function contexts(
  dimensions: (ContextValue | undefined)[][],
  random: () => number
): (ContextValue | undefined)[][] {
  const total = dimensions.reduce((n, d) => n * d.length, 1)
  const all: (ContextValue | undefined)[][] = []
  if (total <= CONTEXTS) {
    const walk = (i: number, acc: (ContextValue | undefined)[]) => {
      if (i === dimensions.length) return void all.push(acc)
      for (const v of dimensions[i]!) walk(i + 1, [...acc, v])
    }
    walk(0, [])
    return all
  }
  for (let n = 0; n < CONTEXTS; n++) {
    all.push(dimensions.map(d => d[Math.floor(random() * d.length)]))
  }
  return all
}

type Category =
  | 'agree: nobody else'
  | 'agree: someone else'
  | 'someone else beyond the brute-force universe (oracle confirms)'
  | 'undecided: planted quirk'
  | 'oracle deviation: a federated caller against AWS entries'
  | 'MISSED: analysis says nobody else, brute force finds someone'
  | 'UNCOVERED: a caller brute force lets in is not among the ways in'
  | 'FALSE WAY IN: the oracle denies the analysis witness'
  | 'FALSE WAY IN: a request IAM documents cannot be made'
  | 'UNEXPLAINED undecided'

type TargetCategory =
  | 'agree'
  | 'cannot-evaluate: brute force also mixed'
  | 'cannot-evaluate: oracle confirms both witnesses'
  | 'cannot-evaluate: planted quirk'
  | 'DISAGREE'

interface Outcome {
  testCase: TrustPolicyCase
  analysis: TrustAnalysis
  category: Category
  target: TargetCategory
  detail?: unknown
}

const QUIRK_WORDS = {
  'unknown-operator': /unknown condition operator/,
  'partial-not-principal': /NotPrincipal names only part of the caller/
}

function explainedUndecided(testCase: TrustPolicyCase, reasons: string[]): boolean {
  return reasons.every(reason =>
    [...testCase.quirks].some(quirk => QUIRK_WORDS[quirk].test(reason))
  )
}

/**
 * iam-simulate's deviation for federated callers: it does not count {"AWS": "*"} as everyone
 * (IAM documents it as the same as "*"), and it reads a SAML or OIDC provider ARN as a principal
 * of the account in its ARN, so NotPrincipal naming that account excludes it. A witness the
 * oracle refuses is explained when the oracle allows it once both are rewritten away: "*" for
 * {"AWS": "*"}, and the provider moved to an account the policy does not name.
 */
function federatedDeviation(testCase: TrustPolicyCase, witness: Request): boolean {
  const principal = witness.principal
  if (!principal || !('Federated' in principal)) return false
  const rewritten = JSON.parse(
    JSON.stringify(testCase.policy).replace(/\{"AWS":"\*"\}/g, '"*"')
  ) as TrustPolicyCase['policy']
  const moved = principal.Federated.replace(/^(arn:aws:iam::)\d{12}/, '$1000011112222')
  // In another account, the oracle wants the caller's own permissions too.
  return oracle(
    loadPolicy(rewritten, { name: 'trust' }),
    { ...witness, principal: { Federated: moved } },
    true
  )
}

const IAM_PRINCIPAL_ARN =
  /^arn:[^:]*:(iam::[^:]*:(role\/[^:]*|user\/[^:]*|root)|sts::[^:]*:[^:]*)$/i
const TARGET_SESSION = /^arn:aws:sts::623947394061:assumed-role\/([^/]+)\//

/**
 * Why a request cannot be made, as IAM documents the keys (global condition context keys): a
 * service or provider never carries an IAM principal's ARN as aws:PrincipalArn; IBM's own call
 * carries the keys of IBM_CALL; IAM role names are unique regardless of case. An analysis
 * witness of that kind is a false way in: the oracle evaluates whatever context it is given.
 */
function impossibleRequest(request: Request, policyText: string): string | undefined {
  const context = new Map(
    Object.entries(request.context ?? {}).map(([k, v]) => [k.toLowerCase(), v])
  )
  const principal = request.principal
  const arn = context.get('aws:principalarn')
  if (principal && !('AWS' in principal) && typeof arn === 'string' && IAM_PRINCIPAL_ARN.test(arn))
    return 'a service or provider with an IAM principal ARN'
  const session = principal && 'AWS' in principal ? TARGET_SESSION.exec(principal.AWS) : null
  if (!session) return undefined
  const name = session[1]!
  if (name !== 'ibm-apiconnect-us-east-a' && name.toLowerCase() === 'ibm-apiconnect-us-east-a')
    return "a role named like IBM's in another case"
  if (name !== 'ibm-apiconnect-us-east-a' || request.action !== 'sts:AssumeRole') return undefined
  // Only keys the policy tests matter (a witness need not spell out the others).
  for (const [key, value] of Object.entries(IBM_CALL.context)) {
    const tested = policyText.includes(`"${key.toLowerCase()}"`)
    if (tested && context.get(key.toLowerCase()) !== value)
      return `IBM's call with ${key} other than ${value}`
  }
  const present = IBM_CALL.absent.find(k => context.has(k.toLowerCase()))
  return present ? `IBM's call with ${present}` : undefined
}

function judge(testCase: TrustPolicyCase): Outcome {
  const policy = loadPolicy(testCase.policy, { name: 'trust' })
  const analysis = whoCanAssume(
    testCase.policy,
    { principalArn: TARGET_ROLE, externalId: ORG_ID },
    { roleArn: OWN_ROLE, now: NOW }
  )
  const tried = bruteForce(testCase, policy)
  const someone = tried.filter(t => t.allowed && !t.target)
  const outcome = (category: Category, detail?: unknown): Outcome => ({
    testCase,
    analysis,
    category,
    target: judgeTarget(testCase, analysis, tried, policy),
    detail
  })

  const text = JSON.stringify(testCase.policy).toLowerCase()
  const impossible = analysis.waysIn.find(w => impossibleRequest(w.witness, text))
  if (impossible) {
    return outcome('FALSE WAY IN: a request IAM documents cannot be made', {
      witness: impossible.witness,
      why: impossibleRequest(impossible.witness, text)
    })
  }
  const refused = analysis.waysIn.filter(w => !oracle(policy, w.witness))
  const falseWayIn = refused.find(w => !federatedDeviation(testCase, w.witness))
  if (falseWayIn) return outcome('FALSE WAY IN: the oracle denies the analysis witness', falseWayIn)
  const undecided = analysis.undecided.length > 0
  if (!undecided && analysis.waysIn.length === 0 && someone.length > 0) {
    return outcome('MISSED: analysis says nobody else, brute force finds someone', someone[0])
  }
  if (!undecided) {
    const uncovered = someone.find(
      t =>
        !analysis.waysIn.some(
          w =>
            w.kinds.includes(t.caller.kind) &&
            w.actions.includes(t.action) &&
            (!t.caller.target || w.ibmOtherExternalId)
        )
    )
    if (uncovered)
      return outcome('UNCOVERED: a caller brute force lets in is not among the ways in', uncovered)
  }
  if (undecided && analysis.waysIn.length === 0) {
    return explainedUndecided(testCase, analysis.undecided)
      ? outcome('undecided: planted quirk')
      : outcome('UNEXPLAINED undecided', analysis.undecided)
  }
  if (analysis.waysIn.length === 0) return outcome('agree: nobody else')
  if (refused.length > 0) return outcome('oracle deviation: a federated caller against AWS entries')
  return someone.length > 0
    ? outcome('agree: someone else')
    : outcome('someone else beyond the brute-force universe (oracle confirms)')
}

function judgeTarget(
  testCase: TrustPolicyCase,
  analysis: TrustAnalysis,
  tried: Tried[],
  policy: Loaded
): TargetCategory {
  const answers = new Set(tried.filter(t => t.target).map(t => t.allowed))
  const { decision, examples, reason } = analysis.target
  if (decision === 'allowed') return answers.has(false) ? 'DISAGREE' : 'agree'
  if (decision === 'denied') return answers.has(true) ? 'DISAGREE' : 'agree'
  if (answers.size > 1) return 'cannot-evaluate: brute force also mixed'
  const text = JSON.stringify(testCase.policy).toLowerCase()
  const possible = (r?: Request) => r !== undefined && !impossibleRequest(r, text)
  if (possible(examples?.allowed) && possible(examples?.notAllowed)) {
    const confirmed = oracle(policy, examples!.allowed!) && !oracle(policy, examples!.notAllowed!)
    if (confirmed) return 'cannot-evaluate: oracle confirms both witnesses'
  }
  return explainedUndecided(testCase, [reason, ...analysis.undecided])
    ? 'cannot-evaluate: planted quirk'
    : 'DISAGREE'
}

describe('trust analysis vs brute force with @cloud-copilot/iam-simulate', () => {
  const outcomes: Outcome[] = []

  beforeAll(() => {
    const started = Date.now()
    for (const testCase of generateTrustPolicies(SEED, CASES)) outcomes.push(judge(testCase))
    const count = <T extends string>(pick: (o: Outcome) => T) => {
      const counts = new Map<T, number>()
      for (const o of outcomes) counts.set(pick(o), (counts.get(pick(o)) ?? 0) + 1)
      return [...counts].map(([k, n]) => `  ${k}: ${n}`).join('\n')
    }
    console.log(
      `trust analysis differential (seed ${SEED}, ${outcomes.length} policies, ` +
        `${oracleRequests} requests to iam-simulate, up to ${CONTEXTS} contexts per caller and ` +
        `action, ${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
        `ways in:\n${count(o => o.category)}\n` +
        `target:\n${count(o => o.target)}`
    )
  })

  it('never says "nobody else" when brute force finds someone, and covers every caller it finds', () => {
    const bad = outcomes.filter(o => /^(MISSED|UNCOVERED)/.test(o.category))
    expect(bad.slice(0, 2).map(o => ({ policy: o.testCase.policy, detail: o.detail }))).toEqual([])
    expect(outcomes.length).toBeGreaterThanOrEqual(Math.min(CASES, 2000))
  })

  it('reports only ways in the oracle confirms, and is undecided only on planted quirks', () => {
    const bad = outcomes.filter(o => /^(FALSE|UNEXPLAINED)/.test(o.category))
    expect(outcomes.filter(o => o.testCase.features.has('names-invented')).length).toBeGreaterThan(
      50
    )
    expect(
      bad
        .slice(0, 2)
        .map(o => ({ policy: o.testCase.policy, detail: o.detail, category: o.category }))
    ).toEqual([])
  })

  it("decides IBM's own request as brute force does, or explains why it cannot", () => {
    const bad = outcomes.filter(o => o.target === 'DISAGREE')
    expect(
      bad.slice(0, 2).map(o => ({ policy: o.testCase.policy, target: o.analysis.target }))
    ).toEqual([])
  })

  it('is a meaningful comparison: both answers common', () => {
    const share = (category: RegExp) =>
      outcomes.filter(o => category.test(o.category)).length / outcomes.length
    expect(share(/^agree: nobody else/)).toBeGreaterThan(0.1)
    expect(share(/someone else/)).toBeGreaterThan(0.3)
    expect(outcomes.filter(o => o.analysis.target.decision === 'allowed').length).toBeGreaterThan(
      100
    )
  })

  it('covers every principal kind, the sts actions, every string operator and the Denys', () => {
    const counts = new Map<string, number>()
    for (const { testCase } of outcomes) {
      for (const feature of testCase.features) counts.set(feature, (counts.get(feature) ?? 0) + 1)
    }
    const required = [
      'principal:AWS',
      'principal:Service',
      'principal:Federated',
      'principal:*',
      'NotPrincipal',
      'NotAction',
      'action-wildcard',
      'IfExists',
      'ForAnyValue',
      'ForAllValues',
      'list',
      ...[
        'StringEquals',
        'StringNotEquals',
        'StringEqualsIgnoreCase',
        'StringNotEqualsIgnoreCase',
        'StringLike',
        'StringNotLike',
        'Null',
        'Bool',
        'ArnLike',
        'IpAddress',
        'NotIpAddress'
      ].map(op => `op:${op}`),
      ...[
        'aws:CurrentTime',
        'aws:EpochTime',
        'aws:SecureTransport',
        'aws:PrincipalType',
        'aws:SourceIp',
        'aws:PrincipalOrgID'
      ].map(key => `Deny:${key}`)
    ]
    expect(required.filter(feature => (counts.get(feature) ?? 0) < 5)).toEqual([])
  })
})
