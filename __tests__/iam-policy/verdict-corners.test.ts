// The corners of issue 19: names the analysis invents are fresh for the policy at hand, a `*`
// that ends an ARN segment is read both ways, `"*"` pinned to IBM's role by aws:PrincipalArn is
// IBM's role alone, and keys IAM documents are known (trust: IBM's direct call; invoke: region,
// tags), plus the function's own policy.
import type { PolicyDocument, PolicyStatement } from '../../src/iam-policy/evaluate.js'
import { freshName, policyStrings } from '../../src/iam-policy/fresh-names.js'
import { decideInvoke } from '../../src/iam-policy/invoke-decision.js'
import { sessionTagsPossible } from '../../src/iam-policy/session-tags.js'
import { trustVerdict, whoCanAssume } from '../../src/iam-policy/who-can-assume.js'
import {
  API_CONNECT,
  DOCUMENTED,
  NOW,
  ORG_ID,
  OWN_ACCOUNT,
  OWN_ROLE,
  TARGET_ROLE
} from '../../harness/trust-policy-generator.js'

const analyse = (...Statement: PolicyStatement[]) =>
  whoCanAssume(
    { Version: '2012-10-17', Statement },
    { principalArn: TARGET_ROLE, externalId: ORG_ID },
    { roleArn: OWN_ROLE, now: NOW }
  )
const verdict = (...statements: PolicyStatement[]) => trustVerdict(analyse(...statements)).verdict
const OPS = `arn:aws:iam::${OWN_ACCOUNT}:role/ops`
const session = (role: string, name: string) =>
  role.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/') + `/${name}`

describe('fresh names: the analysis never tries a name the policy can single out', () => {
  it('freshName avoids every string and pattern of the policy', () => {
    expect(freshName('s', [])).toBe('s')
    expect(freshName('s', ['arn:x:s'])).toBe('s-2')
    expect(freshName('s', ['a/S-2', 's', 'x:s-*'])).toBe('q'.repeat(12))
    expect(freshName('svc', ['svc.amazonaws.com'], '.amazonaws.com')).toBe('svc-2.amazonaws.com')
    expect(policyStrings({ A: ['b', { C: 'd' }] })).toEqual(['A', 'b', 'C', 'd'])
  })

  it("a Deny on the analysis' own session name does not hide ops' other sessions", () => {
    const analysis = analyse(
      API_CONNECT,
      { Effect: 'Allow', Principal: { AWS: OPS }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Deny',
        Principal: { AWS: session(OPS, 'apic-lambda-deploy-analysis') },
        Action: 'sts:AssumeRole'
      }
    )
    expect(trustVerdict(analysis).verdict).toBe('fail')
    expect(analysis.waysIn.map(w => w.principal)).toContain(OPS)
  })

  it("a Deny on IBM's session of that name with another org's ID does not hide IBM's others", () => {
    const open: PolicyStatement = { ...API_CONNECT, Sid: 'Open', Condition: undefined }
    const analysis = analyse(open, {
      Effect: 'Deny',
      Principal: { AWS: session(TARGET_ROLE, 'apic-lambda-deploy-analysis') },
      Action: 'sts:AssumeRole',
      Condition: { StringNotEquals: { 'sts:ExternalId': ORG_ID } }
    })
    expect(trustVerdict(analysis).verdict).toBe('fail')
    expect(analysis.waysIn.some(w => w.ibmOtherExternalId)).toBe(true)
  })

  it('a Deny on the fresh service name does not hide the other services', () => {
    const analysis = analyse(
      API_CONNECT,
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { Null: { 'aws:PrincipalServiceName': 'false' } }
      },
      {
        Effect: 'Deny',
        Principal: { Service: 'fresh-service.amazonaws.com' },
        Action: 'sts:AssumeRole'
      }
    )
    expect(trustVerdict(analysis).verdict).toBe('fail')
    expect(analysis.waysIn.flatMap(w => w.kinds)).toContain('service')
  })
})

describe('"*" pinned to IBM\'s role by aws:PrincipalArn is IBM\'s role alone', () => {
  const pinned = (Condition: PolicyStatement['Condition']): PolicyStatement => ({
    Sid: 'Pinned',
    Effect: 'Allow',
    Principal: '*',
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': ORG_ID }, ...Condition }
  })
  const ibmCaseVariant = TARGET_ROLE.replace('role/ibm', 'role/IBM')
  it.each([
    [
      'StringEquals',
      { StringEquals: { 'sts:ExternalId': ORG_ID, 'aws:PrincipalArn': TARGET_ROLE } }
    ],
    ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'aws:PrincipalArn': ibmCaseVariant } }],
    [
      'ArnLike, any partition',
      { ArnLike: { 'aws:PrincipalArn': TARGET_ROLE.replace('arn:aws:', 'arn:*:') } }
    ],
    ['ArnEquals', { ArnEquals: { 'aws:PrincipalArn': TARGET_ROLE } }]
  ])('passes with %s', (_, condition) => {
    const analysis = analyse(pinned(condition as PolicyStatement['Condition']))
    expect(analysis.waysIn).toEqual([])
    expect(analysis.undecided).toEqual([])
    expect(trustVerdict(analysis).verdict).toBe('pass')
  })

  it('passes with a Deny-unless form', () => {
    expect(
      verdict(pinned({}), {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { StringNotEquals: { 'aws:PrincipalArn': TARGET_ROLE } }
      })
    ).toBe('pass')
  })

  it('still fails when the pin is to a pattern that lets other roles in', () => {
    const wide = pinned({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::623947394061:role/*' } })
    expect(verdict(wide)).toBe('fail')
  })
})

describe("keys IAM documents for IBM's direct sts:AssumeRole", () => {
  it.each(DOCUMENTED)(
    '%s %s = %s on the API Connect statement is known, not undecided',
    (op, key, value) => {
      const analysis = analyse({
        ...API_CONNECT,
        Condition: { ...API_CONNECT.Condition, [op]: { [key]: value } }
      })
      expect(analysis.target.decision).toBe('allowed')
      expect(trustVerdict(analysis).verdict).toBe('pass')
    }
  )

  it('a key the runner cannot know stays unknown', () => {
    const analysis = analyse({
      ...API_CONNECT,
      Condition: { ...API_CONNECT.Condition, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }
    })
    expect(analysis.target.decision).toBe('cannot-evaluate')
  })
})

const FUNCTION = `arn:aws:lambda:us-east-1:${OWN_ACCOUNT}:function:echo`
const invoke = (
  input: Parameters<typeof decideInvoke>[0],
  question: Partial<Parameters<typeof decideInvoke>[1]> = {}
) => decideInvoke(input, { roleArn: OWN_ROLE, resource: FUNCTION, now: NOW, ...question })
const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement
})
const allowAll: PolicyStatement = {
  Effect: 'Allow',
  Action: 'lambda:InvokeFunction',
  Resource: '*'
}

describe('a * at the end of an ARN segment can expand beyond colons', () => {
  it.each([
    'arn:aws:lambda:*:function:echo',
    `arn:aws:lambda:us-east-1:*:echo`,
    'arn:aws:lambda:us-*:*:echo'
  ])('a Deny on %s makes the invoke undecided, never allowed', resource => {
    const decision = invoke({
      policies: [doc(allowAll, { Effect: 'Deny', Action: '*', Resource: resource })]
    })
    expect(decision.decision).toBe('cannot-evaluate')
    expect(decision.reason).toMatch(/expand beyond colons/)
  })

  it('a grant with NotResource of that shape is undecided', () => {
    const grant = {
      Effect: 'Allow' as const,
      Action: 'lambda:InvokeFunction',
      NotResource: 'arn:aws:lambda:*:function:echo'
    }
    expect(invoke({ policies: [doc(grant)] }).decision).toBe('cannot-evaluate')
  })

  it('where both readings agree the answer stands', () => {
    const deny = {
      Effect: 'Deny' as const,
      Action: '*',
      Resource: 'arn:aws:lambda:eu-*:function:echo'
    }
    expect(invoke({ policies: [doc(allowAll, deny)] }).decision).toBe('allowed')
    const scoped = { ...allowAll, Resource: `arn:aws:lambda:us-east-1:${OWN_ACCOUNT}:function:*` }
    expect(invoke({ policies: [doc(scoped)] }).decision).toBe('allowed')
  })
})

describe('invoke: keys IAM documents are known', () => {
  const when = (Condition: PolicyStatement['Condition']) => ({
    policies: [doc({ ...allowAll, Condition })]
  })
  it('aws:RequestedRegion is the function region', () => {
    const byRegion = when({ StringEquals: { 'aws:RequestedRegion': 'us-east-1' } })
    expect(invoke(byRegion).decision).toBe('cannot-evaluate')
    expect(invoke(byRegion, { region: 'us-east-1' }).decision).toBe('allowed')
    expect(invoke(byRegion, { region: 'eu-west-2' }).decision).toBe('implicit-deny')
  })

  it("aws:ResourceTag/* are the function's tags, aws:PrincipalTag/* the role's", () => {
    const tagged = when({
      StringEquals: { 'aws:ResourceTag/team': 'api', 'aws:PrincipalTag/owner': 'apic' }
    })
    expect(invoke(tagged).decision).toBe('cannot-evaluate')
    const known = { resourceTags: { team: 'api' }, principalTags: { owner: 'apic' } }
    expect(invoke(tagged, known).decision).toBe('allowed')
    expect(invoke(tagged, { ...known, resourceTags: {} }).decision).toBe('implicit-deny')
    // A tag that differs only in letter case stays unknown.
    expect(invoke(tagged, { ...known, resourceTags: { Team: 'api' } }).decision).toBe(
      'cannot-evaluate'
    )
  })
})

describe("invoke: the function's own policy", () => {
  const grant = (Principal: PolicyStatement['Principal'], extra: Partial<PolicyStatement> = {}) =>
    doc({
      Effect: 'Allow',
      Principal,
      Action: 'lambda:InvokeFunction',
      Resource: FUNCTION,
      ...extra
    })
  const boundaryAll = doc(allowAll)
  const boundaryNone = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })

  it('grants the role with no identity policy', () => {
    expect(invoke({ policies: [], functionPolicy: grant({ AWS: OWN_ROLE }) }).decision).toBe(
      'allowed'
    )
    expect(invoke({ policies: [] }).decision).toBe('implicit-deny')
  })

  it('is limited by the permissions boundary', () => {
    const functionPolicy = grant({ AWS: OWN_ROLE })
    expect(invoke({ policies: [], boundary: boundaryAll, functionPolicy }).decision).toBe('allowed')
    expect(invoke({ policies: [], boundary: boundaryNone, functionPolicy }).decision).toBe(
      'implicit-deny'
    )
  })

  it('naming the account alone grants nothing (it delegates to identity policies)', () => {
    const functionPolicy = grant({ AWS: `arn:aws:iam::${OWN_ACCOUNT}:root` })
    expect(invoke({ policies: [], functionPolicy }).decision).toBe('implicit-deny')
  })

  it('a service grant does not reach the role', () => {
    const functionPolicy = grant({ Service: 'apigateway.amazonaws.com' })
    expect(invoke({ policies: [], functionPolicy }).decision).toBe('implicit-deny')
  })

  it('denies when it denies, whatever the identity policies allow', () => {
    const functionPolicy = grant({ AWS: OWN_ROLE }, { Effect: 'Deny' })
    expect(invoke({ policies: [doc(allowAll)], functionPolicy }).decision).toBe('explicit-deny')
  })

  it('a Deny with NotPrincipal denies a role that has a boundary', () => {
    const functionPolicy = doc({
      Effect: 'Deny',
      NotPrincipal: { AWS: OWN_ROLE },
      Action: '*',
      Resource: '*'
    })
    expect(
      invoke({ policies: [doc(allowAll)], boundary: boundaryAll, functionPolicy }).decision
    ).toBe('explicit-deny')
  })

  it('a grant to one session of the role is undecided (IBM picks the session name)', () => {
    const functionPolicy = grant({ AWS: session(OWN_ROLE, 'x') })
    expect(invoke({ policies: [], functionPolicy }).decision).toBe('cannot-evaluate')
  })
})

describe("the role's tags are the session's only when IBM cannot pass session tags", () => {
  const trust = (action: string | string[]) =>
    doc({ ...API_CONNECT, Action: action } as PolicyStatement)
  it.each([
    ['sts:AssumeRole', false],
    [['sts:AssumeRole', 'sts:TagSession'], true],
    ['sts:*', true]
  ])('trust Action %j: session tags possible = %s', (action, possible) => {
    expect(sessionTagsPossible(trust(action), TARGET_ROLE)).toBe(possible)
  })

  it('a TagSession grant to someone else does not count', () => {
    const other = { Effect: 'Allow' as const, Principal: { AWS: OPS }, Action: 'sts:TagSession' }
    expect(sessionTagsPossible(doc(API_CONNECT, other), TARGET_ROLE)).toBe(false)
  })
})
