// The STS dry run's decisions (src/verify/checks.ts): how the trust analysis and the invoke decision
// become checks that pass, fail or stay undecided. The analysis itself: __tests__/iam-policy/.
import {
  checkFrom,
  verdictOf,
  withStatus,
  invokeCheckName,
  localInvokeChecks,
  roleUnreadChecks,
  trustChecks,
  CAN_ASSUME,
  NOBODY_ELSE,
  ONLY_INVOKE,
  ONLY_INVOKE_EXPECTED,
  type Check
} from '../../src/verify/checks.js'
import type { PolicyDocument, PolicyStatement } from '../../src/iam-policy/types.js'

const IBM = 'arn:aws:iam::623947394061:role/ibm-apiconnect-us-east-a'
const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'
const FN = 'arn:aws:lambda:us-east-1:123456789012:function:orders'
const ALIAS = `${FN}:live`
const METHOD = 'local evaluation of the trust policy as IAM stores it'

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

const ROLE = 'arn:aws:iam::123456789012:role/apic-invoke-orders'
const NOW = new Date('2026-11-26T00:00:00Z')
const question = (accepted: string[] = []) => ({
  principalArn: IBM,
  externalId: ORG,
  roleArn: ROLE,
  accepted,
  now: NOW
})
const check = (trust: PolicyDocument, accepted: string[] = []) =>
  trustChecks(trust, question(accepted), METHOD)
/** The status of both trust checks, by name. */
const statuses = (trust: PolicyDocument): Record<string, Check['status']> =>
  Object.fromEntries(check(trust).map(c => [c.name, c.status]))

describe('trustChecks', () => {
  it('passes both checks for the statement the action writes', () => {
    expect(check(policy(ours))).toEqual([
      { name: CAN_ASSUME, expected: 'allowed', actual: 'allowed', status: 'pass', method: METHOD },
      {
        name: NOBODY_ELSE,
        expected: 'no other way in',
        actual: 'no other way in',
        status: 'pass',
        method: METHOD
      }
    ])
  })

  it('fails "nobody else" next to the Lambda service, naming statement, principal and what to do', () => {
    const lambda: PolicyStatement = {
      Sid: 'Lambda',
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole'
    }
    const [assume, nobody] = check(policy(lambda, ours))
    expect(assume.status).toBe('pass')
    expect(nobody.status).toBe('fail')
    expect(nobody.actual).toMatch(
      /statement "Lambda" lets lambda\.amazonaws\.com.* in through sts:AssumeRole/
    )
    expect(nobody.actual).toMatch(
      /list the principals the role trusts on purpose in accepted-principals/
    )
    expect(nobody.waysIn?.map(w => [w.statement, w.principal, w.accepted])).toEqual([
      ['Lambda', 'lambda.amazonaws.com', false]
    ])
  })

  it('a declared principal is reported, not failed', () => {
    const ops: PolicyStatement = {
      Sid: 'Ops',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:role/ops' },
      Action: 'sts:AssumeRole'
    }
    const [, nobody] = check(policy(ours, ops), ['arn:aws:iam::111122223333:role/ops'])
    expect(nobody.status).toBe('pass')
    expect(nobody.actual).toMatch(
      /^no other way in; declared in accepted-principals: statement "Ops" lets arn:aws:iam::111122223333:role\/ops/
    )
  })

  it('fails "API Connect can assume the role" when the trust names another principal', () => {
    const other = {
      ...ours,
      Principal: { AWS: 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a' }
    }
    // London's principal with this org's ID is API Connect for this org: nobody else.
    expect(statuses(policy(other))).toEqual({ [CAN_ASSUME]: 'fail', [NOBODY_ELSE]: 'pass' })
  })

  describe('same org, several regions', () => {
    const LONDON = 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a'
    const FRANKFURT = 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-central-a'
    const region = (Sid: string, arn: string, Condition: PolicyStatement['Condition']) => ({
      ...ours,
      Sid,
      Principal: { AWS: arn },
      Condition
    })
    const exactly = { StringEquals: { 'sts:ExternalId': ORG } }

    it("another published region with exactly this org's ID passes, and each region is listed", () => {
      const [assume, nobody] = check(
        policy(ours, region('London', LONDON, exactly), region('Frankfurt', FRANKFURT, exactly))
      )
      expect(assume.status).toBe('pass')
      expect(assume.actual).toBe(
        "allowed; API Connect regions that can assume the role with this org's external ID: us-east-a (N. Virginia) (this run's), eu-west-a (London), eu-central-a (Frankfurt)"
      )
      expect(nobody.status).toBe('pass')
      expect(nobody.waysIn?.map(w => [w.statement, w.apiConnect])).toEqual([
        ['London', true],
        ['Frankfurt', true]
      ])
    })

    it.each([
      ['no external ID', undefined],
      [
        'another org',
        { StringEquals: { 'sts:ExternalId': '0d1c6f3e-5b7a-4c2e-9f80-123456789abc' } }
      ],
      ['this org or another', { StringEquals: { 'sts:ExternalId': [ORG, 'other'] } }],
      ['a pattern', { StringLike: { 'sts:ExternalId': 'ac51909e-*' } }],
      ['IfExists', { StringEqualsIfExists: { 'sts:ExternalId': ORG } }]
    ])('another region with %s is IBM let in wrongly: fail', (_, condition) => {
      const [assume, nobody] = check(policy(ours, region('London', LONDON, condition)))
      expect(assume.actual).toBe('allowed')
      expect(nobody.status).toBe('fail')
      expect(nobody.waysIn?.every(w => w.ibmOtherExternalId && !w.apiConnect)).toBe(true)
    })

    it("IBM's account, or an unpublished role in it, with this org's ID is somebody else", () => {
      for (const arn of [
        '623947394061',
        'arn:aws:iam::623947394061:role/ibm-apiconnect-ap-south-a'
      ]) {
        const [, nobody] = check(policy(ours, region('Other', arn, exactly)))
        expect(nobody.status).toBe('fail')
      }
    })
  })

  it('the confused deputy (no condition) fails "nobody else", and the advice says why', () => {
    const [assume, nobody] = check(policy({ ...ours, Condition: undefined }))
    expect(assume.status).toBe('pass')
    expect(nobody.status).toBe('fail')
    expect(nobody.waysIn?.some(w => w.ibmOtherExternalId)).toBe(true)
    expect(nobody.actual).toMatch(/a role trusts one provider org per API Connect principal/)
  })

  it('an external ID pattern or IfExists lets IBM in with other IDs: fail', () => {
    const like = { ...ours, Condition: { StringLike: { 'sts:ExternalId': 'ac51909e-*' } } }
    expect(statuses(policy(like))[NOBODY_ELSE]).toBe('fail')
    const ifExists = { ...ours, Condition: { StringEqualsIfExists: { 'sts:ExternalId': ORG } } }
    expect(statuses(policy(ifExists))[NOBODY_ELSE]).toBe('fail')
  })

  it('"*" as principal fails "nobody else" even with the org ID pinned', () => {
    expect(statuses(policy({ ...ours, Principal: '*' }))).toEqual({
      [CAN_ASSUME]: 'pass',
      [NOBODY_ELSE]: 'fail'
    })
  })

  it('fails "API Connect can assume the role" when a Deny overrides the Allow', () => {
    const deny: PolicyStatement = {
      Sid: 'NoOne',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'sts:*'
    }
    const [assume, nobody] = check(policy(ours, deny))
    expect(assume).toMatchObject({ status: 'fail', expected: 'allowed' })
    expect(assume.actual).toMatch(/^denied/)
    expect(nobody.status).toBe('pass')
  })

  it('an unknown condition operator is undecided, never a pass', () => {
    const odd = { ...ours, Condition: { StringEqualsMaybe: { 'sts:ExternalId': ORG } } }
    const [assume, nobody] = check(policy(odd))
    expect(assume.status).toBe('undecided')
    expect(assume.actual).toMatch(/^cannot-evaluate/)
    expect(nobody.status).not.toBe('pass')
  })

  it('a Deny on a key the runner cannot know (aws:SourceIp) makes API Connect undecided', () => {
    const deny: PolicyStatement = {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }
    }
    expect(statuses(policy(ours, deny))[CAN_ASSUME]).toBe('undecided')
  })

  it('carries the method given, for the summary', () => {
    const checks = trustChecks(policy(ours), question(), 'something else')
    expect(new Set(checks.map(c => c.method))).toEqual(new Set(['something else']))
  })
})

describe('checkFrom', () => {
  it.each([
    ['allowed', 'allowed', 'pass'],
    ['allowed', 'implicit-deny', 'fail'],
    ['allowed', 'explicit-deny', 'fail'],
    ['allowed', 'cannot-evaluate', 'undecided'],
    ['denied', 'implicit-deny', 'pass'],
    ['denied', 'explicit-deny', 'pass'],
    ['denied', 'allowed', 'fail'],
    ['denied', 'cannot-evaluate', 'undecided']
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
      METHOD_LOCAL,
      NOW
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

describe('roleUnreadChecks', () => {
  it('gives every check that needs the role the reason, failed or undecided as asked', () => {
    const checks = roleUnreadChecks([FN, ALIAS], 'role apic-invoke-orders does not exist', 'fail')
    expect(checks.map(c => [c.name, c.expected, c.status])).toEqual([
      [CAN_ASSUME, 'allowed', 'fail'],
      [NOBODY_ELSE, 'no other way in', 'fail'],
      [`Role may invoke ${FN}`, 'allowed', 'fail'],
      [`Role may invoke ${ALIAS}`, 'allowed', 'fail'],
      [ONLY_INVOKE, ONLY_INVOKE_EXPECTED, 'fail']
    ])
    expect(new Set(checks.map(c => c.actual))).toEqual(
      new Set(['role apic-invoke-orders does not exist'])
    )
    expect(new Set(checks.map(c => c.method))).toEqual(new Set(['GetRole']))
    expect(
      new Set(roleUnreadChecks([FN], 'GetRole failed', 'undecided').map(c => c.status))
    ).toEqual(new Set(['undecided']))
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
