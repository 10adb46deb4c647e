// Differential test of the invoke decision (src/iam-policy/invoke-decision.ts) against brute force
// with @cloud-copilot/iam-simulate (AGPL: a devDependency, tests only): generated identity
// policies, boundaries and function policies (__tests__/support/invoke-policy-generator.ts) are
// put to the oracle as IBM's session invoking the function, with the keys the verdict knows set
// as IAM sets them (region, the function's and the role's tags) and every combination of the
// keys it cannot know.
//
// A `*` that ends an ARN segment "can expand to match beyond colon boundaries" (IAM User Guide,
// Resource element). iam-simulate matches segment by segment, so the oracle is asked under both
// readings: as written (segment by segment), and with each such Resource/NotResource pattern
// replaced by "*" or by an ARN that matches nothing, as an independent backtracking matcher of
// the expanding reading decides for the resource asked.
//
// Asserted: 0 missed (the analysis says allowed where some reading and context is not allowed)
// and 0 false denies (the analysis says denied where some reading and context is allowed).

import { runSimulation } from '@cloud-copilot/iam-simulate'
import type { PolicyDocument, PolicyStatement } from '../../src/iam-policy/evaluate.js'
import { decideInvoke } from '../../src/iam-policy/invoke-decision.js'
import {
  ACCOUNT,
  FUNCTION_TAGS,
  generateInvokeCases,
  type InvokeCase,
  KNOWN_CONTEXT,
  NOW,
  REGION,
  ROLE,
  ROLE_TAGS,
  SESSION,
  UNKNOWN
} from '../support/invoke-policy-generator.js'

const SEED = Number(process.env.INVOKE_DIFFERENTIAL_SEED ?? 20261206)
const CASES = Number(process.env.INVOKE_DIFFERENTIAL_CASES ?? 400)
const NOWHERE = 'arn:aws:s3:::no-such-bucket-anywhere'

type Reading = 'segment' | 'expanding'

/** Whether `pattern` matches `arn` when a `*` ending one of the first five segments spans colons. */
export function expandingMatch(pattern: string, arn: string): boolean {
  const go = (i: number, j: number, segment: number): boolean => {
    if (i === pattern.length) return j === arn.length
    const c = pattern[i]!
    if (c === '*') {
      const spans = segment >= 5 || pattern[i + 1] === ':' || i + 1 === pattern.length
      for (let k = j; k <= arn.length; k++) {
        if (go(i + 1, k, segment)) return true
        if (k < arn.length && arn[k] === ':' && !spans) return false
      }
      return false
    }
    if (j === arn.length) return false
    if (c === '?') return (segment >= 5 || arn[j] !== ':') && go(i + 1, j + 1, segment)
    return c === arn[j] && go(i + 1, j + 1, c === ':' ? segment + 1 : segment)
  }
  return go(0, 0, 0)
}

const readingsDiffer = (pattern: string) => /\*:/.test(pattern.split(':').slice(0, 6).join(':'))

function underReading(policy: PolicyDocument, reading: Reading, resource: string): PolicyDocument {
  if (reading === 'segment') return policy
  const rewrite = (patterns: string | string[]) =>
    [patterns]
      .flat()
      .map(p => (!readingsDiffer(p) ? p : expandingMatch(p, resource) ? '*' : NOWHERE))
  const statements = [policy.Statement].flat().map((s): PolicyStatement => {
    const out = { ...s }
    if (s.Resource !== undefined) out.Resource = rewrite(s.Resource)
    if (s.NotResource !== undefined) out.NotResource = rewrite(s.NotResource)
    return out
  })
  return { ...policy, Statement: statements }
}

function contexts(): Record<string, string>[] {
  let all: Record<string, string>[] = [{ ...KNOWN_CONTEXT }]
  for (const [key, values] of Object.entries(UNKNOWN)) {
    all = all.flatMap(c =>
      values.map(v => (v === undefined ? { ...c } : { ...c, [key]: String(v) }))
    )
  }
  return all
}

let simulations = 0
async function oracle(testCase: InvokeCase, reading: Reading, context: Record<string, string>) {
  const fix = (p: PolicyDocument) => underReading(p, reading, testCase.resource)
  const result = await runSimulation(
    {
      request: {
        principal: SESSION,
        action: 'lambda:InvokeFunction',
        resource: { resource: testCase.resource, accountId: ACCOUNT },
        contextVariables: context
      },
      identityPolicies: testCase.policies.map((policy, i) => ({
        name: `p${i}`,
        policy: fix(policy)
      })),
      ...(testCase.boundary
        ? { permissionBoundaryPolicies: [{ name: 'b', policy: fix(testCase.boundary) }] }
        : {}),
      ...(testCase.functionPolicy ? { resourcePolicy: fix(testCase.functionPolicy) } : {}),
      serviceControlPolicies: [],
      resourceControlPolicies: []
    },
    {}
  )
  simulations++
  if (result.resultType !== 'single') {
    throw new Error(`iam-simulate rejected the case: ${JSON.stringify(result).slice(0, 400)}`)
  }
  return result.overallResult === 'Allowed'
}

type Category =
  | 'agree: allowed'
  | 'agree: denied'
  | 'undecided: brute force mixed'
  | 'undecided: brute force uniform'
  | 'MISSED: analysis allowed, brute force denies somewhere'
  | 'FALSE DENY: analysis denied, brute force allows somewhere'

interface Outcome {
  testCase: InvokeCase
  category: Category
  decision: string
  reason: string
}

async function judge(testCase: InvokeCase): Promise<Outcome> {
  const decision = decideInvoke(
    {
      policies: testCase.policies,
      boundary: testCase.boundary,
      functionPolicy: testCase.functionPolicy
    },
    {
      roleArn: ROLE,
      resource: testCase.resource,
      now: NOW,
      region: REGION,
      resourceTags: FUNCTION_TAGS,
      principalTags: ROLE_TAGS
    }
  )
  const answers = new Set<boolean>()
  for (const reading of ['segment', 'expanding'] as const) {
    for (const context of contexts()) answers.add(await oracle(testCase, reading, context))
  }
  const category: Category =
    decision.decision === 'allowed'
      ? answers.has(false)
        ? 'MISSED: analysis allowed, brute force denies somewhere'
        : 'agree: allowed'
      : decision.decision !== 'cannot-evaluate'
        ? answers.has(true)
          ? 'FALSE DENY: analysis denied, brute force allows somewhere'
          : 'agree: denied'
        : answers.size > 1
          ? 'undecided: brute force mixed'
          : 'undecided: brute force uniform'
  return { testCase, category, decision: decision.decision, reason: decision.reason }
}

describe('invoke decision vs brute force with @cloud-copilot/iam-simulate, both wildcard readings', () => {
  const outcomes: Outcome[] = []

  beforeAll(async () => {
    const started = Date.now()
    for (const testCase of generateInvokeCases(SEED, CASES)) outcomes.push(await judge(testCase))
    const counts = new Map<string, number>()
    for (const o of outcomes) counts.set(o.category, (counts.get(o.category) ?? 0) + 1)
    console.log(
      `invoke decision differential (seed ${SEED}, ${outcomes.length} cases, ${simulations} ` +
        `requests to iam-simulate, ${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
        [...counts].map(([k, n]) => `  ${k}: ${n}`).join('\n')
    )
  }, 600_000)

  it('never says allowed where brute force is not allowed under some reading or value', () => {
    const bad = outcomes.filter(o => o.category.startsWith('MISSED'))
    expect(bad.slice(0, 2).map(o => ({ ...o, features: [...o.testCase.features] }))).toEqual([])
  })

  it('never says denied where brute force is allowed under some reading or value', () => {
    const bad = outcomes.filter(o => o.category.startsWith('FALSE'))
    expect(bad.slice(0, 2)).toEqual([])
  })

  it('is a meaningful comparison: allowed and denied both common, every feature present', () => {
    const share = (c: RegExp) => outcomes.filter(o => c.test(o.category)).length
    expect(share(/^agree: allowed/)).toBeGreaterThan(CASES / 20)
    expect(share(/^agree: denied/)).toBeGreaterThan(CASES / 5)
    const features = new Map<string, number>()
    for (const o of outcomes)
      for (const f of o.testCase.features) features.set(f, (features.get(f) ?? 0) + 1)
    const required = [
      'boundary',
      'function-policy',
      'segment-end-wildcard',
      'NotResource',
      'key:aws:RequestedRegion',
      'key:aws:ResourceTag/team',
      'key:aws:PrincipalTag/owner',
      'key:aws:SourceIp'
    ]
    expect(required.filter(f => (features.get(f) ?? 0) < 10)).toEqual([])
  })

  it('the expanding matcher reads a trailing * across colons, others within a segment', () => {
    const fn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:echo`
    expect(expandingMatch('arn:aws:lambda:*:function:echo', fn)).toBe(true)
    expect(expandingMatch('arn:aws:lambda:u*1:function:echo', fn)).toBe(false)
    expect(expandingMatch('arn:aws:lambda:*:*:function:*', fn)).toBe(true)
    expect(expandingMatch('arn:aws:lambda:eu-*:function:echo', fn)).toBe(false)
  })
})
