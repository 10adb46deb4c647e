// The STS dry run's decisions (src/verify/checks.ts): which requests are put to the trust policy, and how
// each evaluation becomes a check that passes or fails.
import {
  checkFrom,
  verdictOf,
  withStatus,
  invokeCheckName,
  localInvokeChecks,
  missingRoleChecks,
  OTHER_EXTERNAL_ID,
  OTHER_PRINCIPAL,
  trustChecks,
  trustProbes,
  type Check
} from '../../src/verify/checks.js'
import type { PolicyDocument, PolicyStatement } from '../../src/iam-policy/types.js'

const IBM = 'arn:aws:iam::623947394061:role/ibm-apiconnect-us-east-a'
const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'
const FN = 'arn:aws:lambda:us-east-1:123456789012:function:orders'
const ALIAS = `${FN}:live`
const METHOD = 'local evaluation of the trust policy as IAM stores it'

const CAN_ASSUME = 'API Connect can assume the role'
const NO_EXTERNAL_ID = 'No external ID is refused'
const OTHER_ORG = "Another org's external ID is refused"
const OTHER_CALLER = 'Another principal is refused'
const ANONYMOUS = 'Anonymous callers are refused'
const PROBES = [CAN_ASSUME, NO_EXTERNAL_ID, OTHER_ORG, OTHER_CALLER, ANONYMOUS]

const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement
})
const ours: PolicyStatement = {
  Sid: 'ApiConnectAssumeRole',
  Effect: 'Allow',
  Principal: { AWS: IBM },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': ORG } }
}
const grant: PolicyStatement = {
  Sid: 'ApiConnectInvokeFunction',
  Effect: 'Allow',
  Action: 'lambda:InvokeFunction',
  Resource: [FN, `${FN}:*`]
}

/** The status of each trust probe, by name. */
const statuses = (trust: PolicyDocument): Record<string, Check['status']> =>
  Object.fromEntries(trustChecks(trust, IBM, ORG, METHOD).map(c => [c.name, c.status]))
const allPass = Object.fromEntries(PROBES.map(name => [name, 'pass']))
const only = (failing: string[]) =>
  Object.fromEntries(PROBES.map(name => [name, failing.includes(name) ? 'fail' : 'pass']))

describe('trustProbes', () => {
  it('asks for API Connect with the org id, and for the four callers that must be refused', () => {
    const probes = trustProbes(IBM, ORG)
    expect(probes.map(p => [p.name, p.mustBe])).toEqual([
      [CAN_ASSUME, 'allowed'],
      [NO_EXTERNAL_ID, 'denied'],
      [OTHER_ORG, 'denied'],
      [OTHER_CALLER, 'denied'],
      [ANONYMOUS, 'denied']
    ])
    expect(probes.map(p => p.request)).toEqual([
      { principal: { AWS: IBM }, action: 'sts:AssumeRole', context: { 'sts:ExternalId': ORG } },
      { principal: { AWS: IBM }, action: 'sts:AssumeRole', context: {} },
      {
        principal: { AWS: IBM },
        action: 'sts:AssumeRole',
        context: { 'sts:ExternalId': OTHER_EXTERNAL_ID }
      },
      // Only the principal differs: the org id is right, so only the principal can refuse it.
      {
        principal: { AWS: OTHER_PRINCIPAL },
        action: 'sts:AssumeRole',
        context: { 'sts:ExternalId': ORG }
      },
      { action: 'sts:AssumeRole', context: { 'sts:ExternalId': ORG } }
    ])
  })

  it('uses values no real caller has', () => {
    expect(OTHER_EXTERNAL_ID).not.toBe(ORG)
    expect(OTHER_PRINCIPAL).not.toContain('623947394061')
  })
})

describe('trustChecks', () => {
  it('passes every probe for the statement the action writes', () => {
    const checks = trustChecks(policy(ours), IBM, ORG, METHOD)
    expect(statuses(policy(ours))).toEqual(allPass)
    expect(checks[0]).toEqual({
      name: CAN_ASSUME,
      expected: 'allowed',
      actual: 'allowed: allowed by "ApiConnectAssumeRole"',
      status: 'pass',
      method: METHOD
    })
    expect(checks.slice(1).map(c => c.expected)).toEqual(['denied', 'denied', 'denied', 'denied'])
    expect(checks.slice(1).map(c => c.actual)).toEqual(
      Array(4).fill(expect.stringMatching(/^implicit-deny: no statement/))
    )
  })

  it('passes next to unrelated statements (the Lambda service, another account with its own id)', () => {
    const lambda: PolicyStatement = {
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole'
    }
    expect(statuses(policy(lambda, ours))).toEqual(allPass)
  })

  it('fails "API Connect can assume the role" when the trust names another principal', () => {
    const other = {
      ...ours,
      Principal: { AWS: 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a' }
    }
    expect(statuses(policy(other))).toEqual(only([CAN_ASSUME]))
  })

  it('fails "API Connect can assume the role" when the trust requires another org id', () => {
    const other = { ...ours, Condition: { StringEquals: { 'sts:ExternalId': OTHER_EXTERNAL_ID } } }
    const checks = trustChecks(policy(other), IBM, ORG, METHOD)
    expect(checks[0]).toMatchObject({ status: 'fail', expected: 'allowed' })
    expect(checks[0].actual).toMatch(/^implicit-deny/)
  })

  it('fails "No external ID is refused" when the statement has no condition (the confused deputy)', () => {
    const open = { ...ours, Condition: undefined }
    expect(statuses(policy(open))).toEqual(only([NO_EXTERNAL_ID, OTHER_ORG]))
  })

  it('fails the external-id probes when the condition accepts any id', () => {
    const any = { ...ours, Condition: { StringLike: { 'sts:ExternalId': '*' } } }
    expect(statuses(policy(any))).toEqual(only([OTHER_ORG]))
    const ifExists = { ...ours, Condition: { StringEqualsIfExists: { 'sts:ExternalId': ORG } } }
    expect(statuses(policy(ifExists))).toEqual(only([NO_EXTERNAL_ID]))
  })

  it('fails "Another principal is refused" when another account is trusted with the org id', () => {
    const also = { ...ours, Principal: { AWS: [IBM, OTHER_PRINCIPAL] } }
    expect(statuses(policy(also))).toEqual(only([OTHER_CALLER]))
  })

  it('fails both principal probes when the statement trusts "*"', () => {
    const everyone = { ...ours, Principal: '*' as const }
    expect(statuses(policy(everyone))).toEqual(only([OTHER_CALLER, ANONYMOUS]))
  })

  it('fails "API Connect can assume the role" when a Deny overrides the Allow, and says so', () => {
    const deny: PolicyStatement = {
      Sid: 'NoOne',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'sts:*'
    }
    const checks = trustChecks(policy(ours, deny), IBM, ORG, METHOD)
    expect(checks[0]).toMatchObject({ status: 'fail', expected: 'allowed' })
    expect(checks[0].actual).toBe('explicit-deny: explicitly denied by "NoOne"')
    // The refusals still pass: an explicit deny is a denial.
    expect(checks.slice(1).map(c => c.status)).toEqual(['pass', 'pass', 'pass', 'pass'])
  })

  it('fails every probe, never passes one, when a condition operator is unknown', () => {
    const odd = { ...ours, Condition: { StringEqualsMaybe: { 'sts:ExternalId': ORG } } }
    const checks = trustChecks(policy(odd), IBM, ORG, METHOD)
    const [assume, ...refusals] = checks
    expect(assume.status).toBe('fail')
    expect(assume.actual).toMatch(/^cannot-evaluate/)
    // The probes whose principal the statement names cannot be decided either, so they fail.
    expect(refusals.slice(0, 2).map(c => [c.status, c.actual.split(':')[0]])).toEqual([
      ['fail', 'cannot-evaluate'],
      ['fail', 'cannot-evaluate']
    ])
  })

  it('carries the method given, for the summary', () => {
    const checks = trustChecks(policy(ours), IBM, ORG, 'something else')
    expect(new Set(checks.map(c => c.method))).toEqual(new Set(['something else']))
  })
})

describe('checkFrom', () => {
  it.each([
    ['allowed', 'allowed', 'pass'],
    ['allowed', 'implicit-deny', 'fail'],
    ['allowed', 'explicit-deny', 'fail'],
    ['allowed', 'cannot-evaluate', 'fail'],
    ['denied', 'implicit-deny', 'pass'],
    ['denied', 'explicit-deny', 'pass'],
    ['denied', 'allowed', 'fail'],
    ['denied', 'cannot-evaluate', 'fail']
  ] as const)('must be %s, got %s: %s', (mustBe, decision, status) => {
    expect(checkFrom('c', mustBe, decision, 'm')).toEqual({
      name: 'c',
      expected: mustBe,
      actual: decision,
      status,
      method: 'm'
    })
  })

  it('appends the reason to the decision', () => {
    expect(checkFrom('c', 'allowed', 'implicit-deny', 'm', 'no statement').actual).toBe(
      'implicit-deny: no statement'
    )
  })
})

describe('localInvokeChecks', () => {
  const METHOD_LOCAL = 'local evaluation of inline, attached and boundary policies'
  const BOUNDARY = 'arn:aws:iam::123456789012:policy/boundary'
  const invoke = (
    policies: PolicyDocument[],
    boundary?: PolicyDocument,
    resources: string[] = [FN, ALIAS]
  ) =>
    localInvokeChecks(
      'arn:aws:iam::123456789012:role/apic-invoke-orders',
      policies.map((document, i) => ({ name: `policy-${i}`, document })),
      boundary && { name: BOUNDARY, document: boundary },
      resources,
      METHOD_LOCAL
    )

  it('passes for the grant the action writes, on the function and its alias', () => {
    const checks = invoke([policy(grant)])
    expect(checks).toEqual([
      {
        name: `Role may invoke ${FN}`,
        expected: 'allowed',
        actual: 'allowed: allowed by "policy-0: ApiConnectInvokeFunction"',
        status: 'pass',
        method: METHOD_LOCAL
      },
      {
        name: `Role may invoke ${ALIAS}`,
        expected: 'allowed',
        actual: 'allowed: allowed by "policy-0: ApiConnectInvokeFunction"',
        status: 'pass',
        method: METHOD_LOCAL
      }
    ])
  })

  it('fails for a grant on another function', () => {
    const other = { ...grant, Resource: 'arn:aws:lambda:us-east-1:123456789012:function:billing*' }
    const checks = invoke([policy(other)])
    expect(checks.map(c => c.status)).toEqual(['fail', 'fail'])
    expect(checks[0].actual).toMatch(/^implicit-deny: no statement/)
  })

  it('fails the alias only when the grant names the unqualified function alone', () => {
    const bare = { ...grant, Resource: FN }
    expect(invoke([policy(bare)]).map(c => c.status)).toEqual(['pass', 'fail'])
  })

  it('fails with no policies at all', () => {
    expect(invoke([]).map(c => c.status)).toEqual(['fail', 'fail'])
  })

  it('fails when another policy explicitly denies', () => {
    const deny: PolicyStatement = {
      Sid: 'Freeze',
      Effect: 'Deny',
      Action: 'lambda:*',
      Resource: '*'
    }
    const checks = invoke([policy(grant), policy(deny)])
    expect(checks.map(c => c.status)).toEqual(['fail', 'fail'])
    expect(checks[0].actual).toBe('explicit-deny: explicitly denied by "policy-1: Freeze"')
  })

  it('passes when the permissions boundary allows the action too', () => {
    const boundary = policy({ Effect: 'Allow', Action: 'lambda:Invoke*', Resource: '*' })
    expect(invoke([policy(grant)], boundary).map(c => c.status)).toEqual(['pass', 'pass'])
  })

  it('fails when the permissions boundary does not allow the action', () => {
    const boundary = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })
    const checks = invoke([policy(grant)], boundary)
    expect(checks.map(c => c.status)).toEqual(['fail', 'fail'])
    expect(checks[0].actual).toMatch(/^implicit-deny: .*permissions boundary/)
  })

  it('fails when the permissions boundary denies the action explicitly', () => {
    const boundary = policy(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'NoInvoke', Effect: 'Deny', Action: 'lambda:InvokeFunction', Resource: '*' }
    )
    const checks = invoke([policy(grant)], boundary)
    expect(checks.map(c => c.actual)).toEqual([
      `explicit-deny: explicitly denied by "${BOUNDARY}: NoInvoke"`,
      `explicit-deny: explicitly denied by "${BOUNDARY}: NoInvoke"`
    ])
  })

  it('names each check after its resource', () => {
    expect(invokeCheckName(ALIAS)).toBe(`Role may invoke ${ALIAS}`)
    expect(invoke([policy(grant)], undefined, [FN]).map(c => c.name)).toEqual([
      `Role may invoke ${FN}`
    ])
  })
})

describe('missingRoleChecks', () => {
  it('fails every trust probe and every invoke check, with the reason', () => {
    const checks = missingRoleChecks(
      IBM,
      ORG,
      [FN, ALIAS],
      'role apic-invoke-orders does not exist'
    )
    expect(checks.map(c => [c.name, c.expected, c.status])).toEqual([
      [CAN_ASSUME, 'allowed', 'fail'],
      [NO_EXTERNAL_ID, 'denied', 'fail'],
      [OTHER_ORG, 'denied', 'fail'],
      [OTHER_CALLER, 'denied', 'fail'],
      [ANONYMOUS, 'denied', 'fail'],
      [`Role may invoke ${FN}`, 'allowed', 'fail'],
      [`Role may invoke ${ALIAS}`, 'allowed', 'fail']
    ])
    expect(new Set(checks.map(c => c.actual))).toEqual(
      new Set(['role apic-invoke-orders does not exist'])
    )
    expect(new Set(checks.map(c => c.method))).toEqual(new Set(['GetRole']))
  })
})

describe('verdictOf', () => {
  const check = (status: Check['status']): Check => ({
    name: status,
    expected: 'x',
    actual: 'y',
    status,
    method: 'm'
  })
  const verdict = (...statuses: Check['status'][]) => verdictOf(statuses.map(check))

  it('is true only when every check ran and passed', () => {
    expect(verdict('pass', 'pass')).toBe('true')
    expect(verdict()).toBe('true')
  })

  it('a failure wins over everything; an undecided core check over an extra not run', () => {
    expect(verdict('pass', 'not-checked', 'undecided', 'fail')).toBe('false')
    expect(verdict('pass', 'not-checked', 'undecided')).toBe('undecided')
    expect(verdict('pass', 'not-checked')).toBe('incomplete')
  })

  it('withStatus keeps the checks of one status', () => {
    const checks = ['pass', 'fail', 'not-checked', 'fail'].map(s => check(s as Check['status']))
    expect(withStatus(checks, 'fail')).toHaveLength(2)
    expect(withStatus(checks, 'undecided')).toEqual([])
  })
})
