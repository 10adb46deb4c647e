import type { PolicyStatement } from '../../src/iam-policy/evaluate.js'
import {
  describeTarget,
  describeWayIn,
  WAY_IN_TABLE_HEADER,
  wayInRow
} from '../../src/iam-policy/way-in-wording.js'
import {
  type TrustAnalysis,
  type TrustAnalysisOptions,
  trustVerdict,
  type WayIn,
  whoCanAssume
} from '../../src/iam-policy/who-can-assume.js'
import {
  API_CONNECT,
  NOW,
  ORG_ID,
  OWN_ROLE,
  TARGET_ROLE
} from '../../harness/trust-policy-generator.js'

const IBM_ACCOUNT = '623947394061'
const IBM = TARGET_ROLE
const IBM_EU = `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-eu-west-a`
const ORG = ORG_ID
const PREVIOUS_ORG = '5f3c9a21-e4b0-41b2-8c3d-4e5f60718293'
const OWN = '444455556666'
const ROLE = OWN_ROLE
const OTHER = '111122223333'
const OTHER_ROLE = `arn:aws:iam::${OTHER}:role/deployer`
const GITHUB = `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com`
const OKTA = `arn:aws:iam::${OWN}:saml-provider/okta`
const apiConnect = API_CONNECT

function analyse(
  statements: PolicyStatement[],
  options: Partial<TrustAnalysisOptions> = {}
): TrustAnalysis {
  return whoCanAssume(
    { Version: '2012-10-17', Statement: statements },
    { principalArn: IBM, externalId: ORG },
    { roleArn: ROLE, now: NOW, ...options }
  )
}

const verdict = (analysis: TrustAnalysis) => trustVerdict(analysis).verdict
const kinds = (ways: WayIn[]) => [...new Set(ways.flatMap(w => w.kinds))].sort()
const ibmWays = (analysis: TrustAnalysis) => analysis.waysIn.filter(w => w.ibmOtherExternalId)

describe('whoCanAssume: the correct trust policy', () => {
  it('passes: IBM with this org ID is allowed, nobody else gets in, nothing undecided', () => {
    const analysis = analyse([apiConnect])
    expect(analysis.target).toMatchObject({ decision: 'allowed', statements: ['ApiConnect'] })
    expect(analysis.waysIn).toEqual([])
    expect(analysis.undecided).toEqual([])
    expect(verdict(analysis)).toBe('pass')
  })

  it('fails when nothing lets IBM in, naming why', () => {
    const analysis = analyse([{ ...apiConnect, Principal: { AWS: IBM_EU } }])
    expect(analysis.target.decision).toBe('denied')
    expect(analysis.target.reason).toMatch(/ApiConnect/)
    expect(verdict(analysis)).toBe('fail')
  })
})

describe('whoCanAssume: another way in next to the correct statement', () => {
  it("another account's root: every principal of that account", () => {
    const analysis = analyse([
      apiConnect,
      { Effect: 'Allow', Principal: { AWS: OTHER }, Action: 'sts:AssumeRole' }
    ])
    expect(verdict(analysis)).toBe('fail')
    expect(kinds(analysis.waysIn)).toEqual(['account-root', 'role', 'user'])
    for (const way of analysis.waysIn) {
      expect(way).toMatchObject({ statement: 'Statement[1]', principal: OTHER, externalId: 'any' })
      expect(way.examples[0]).toContain(`::${OTHER}:`)
    }
  })

  it("another account's role", () => {
    const analysis = analyse([
      apiConnect,
      { Effect: 'Allow', Principal: { AWS: OTHER_ROLE }, Action: 'sts:AssumeRole' }
    ])
    expect(analysis.waysIn).toEqual([
      expect.objectContaining({
        principal: OTHER_ROLE,
        kind: 'role',
        examples: [OTHER_ROLE],
        actions: ['sts:AssumeRole']
      })
    ])
  })

  it("the own account's root lets every role and user of the account in", () => {
    const root = `arn:aws:iam::${OWN}:root`
    const analysis = analyse([
      apiConnect,
      { Effect: 'Allow', Principal: { AWS: root }, Action: 'sts:AssumeRole' }
    ])
    expect(verdict(analysis)).toBe('fail')
    expect(kinds(analysis.waysIn)).toEqual(['account-root', 'role', 'user'])
    expect(analysis.waysIn.every(w => w.principal === root)).toBe(true)
  })

  it('Principal "*" narrowed only by aws:PrincipalAccount: every principal of that account', () => {
    const analysis = analyse([
      apiConnect,
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalAccount': OWN } }
      }
    ])
    const aws = analysis.waysIn.filter(w => ['account-root', 'role', 'user'].includes(w.kind))
    expect(kinds(aws)).toEqual(['account-root', 'role', 'user'])
    // aws:PrincipalAccount is set by IAM: only the own account's principals, unconditionally.
    for (const way of aws) {
      expect(way.examples.every(e => e.includes(`::${OWN}:`))).toBe(true)
      expect(way.condition).toBeUndefined()
      expect(way.principal).toBe('*')
    }
    expect(verdict(analysis)).toBe('fail')
  })

  it('Principal "*" narrowed only by aws:PrincipalOrgID: anyone in the org, which the runner cannot know', () => {
    const analysis = analyse([
      apiConnect,
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }
      }
    ])
    const fresh = analysis.waysIn.find(
      w =>
        w.kind === 'account-root' &&
        w.examples.some(e => !e.includes(OWN) && !e.includes(IBM_ACCOUNT))
    )
    expect(fresh).toMatchObject({
      condition: 'when aws:PrincipalOrgID StringEquals "o-abc123"',
      dependsOn: ['aws:PrincipalOrgID']
    })
    // IBM's own role gets in with any external ID too; an anonymous caller has no org.
    expect(ibmWays(analysis)).toEqual([expect.objectContaining({ externalId: 'any' })])
    expect(analysis.waysIn.some(w => w.kind === 'anonymous')).toBe(false)
  })

  it('a GitHub OIDC provider through sts:AssumeRoleWithWebIdentity', () => {
    const analysis = analyse([
      apiConnect,
      {
        Effect: 'Allow',
        Principal: { Federated: GITHUB },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:me/*' } }
      }
    ])
    expect(analysis.waysIn).toEqual([
      expect.objectContaining({
        principal: GITHUB,
        kind: 'web-identity',
        actions: ['sts:AssumeRoleWithWebIdentity'],
        externalId: 'not-applicable',
        condition: 'when token.actions.githubusercontent.com:sub StringLike "repo:me/*"'
      })
    ])
  })

  it('a SAML provider through sts:AssumeRoleWithSAML', () => {
    const analysis = analyse([
      apiConnect,
      { Effect: 'Allow', Principal: { Federated: OKTA }, Action: 'sts:AssumeRoleWithSAML' }
    ])
    expect(analysis.waysIn).toEqual([
      expect.objectContaining({
        principal: OKTA,
        kind: 'saml',
        actions: ['sts:AssumeRoleWithSAML']
      })
    ])
  })

  it.each(['sts:*', 'sts:Assume*', '*'])('%s for someone else', action => {
    const analysis = analyse([
      apiConnect,
      { Effect: 'Allow', Principal: { AWS: OTHER_ROLE }, Action: action }
    ])
    expect(analysis.waysIn).toEqual([
      expect.objectContaining({ principal: OTHER_ROLE, actions: ['sts:AssumeRole'] })
    ])
  })

  it('sts:Assume* for a SAML provider, and NotAction that leaves AssumeRole in', () => {
    const saml = analyse([
      apiConnect,
      { Effect: 'Allow', Principal: { Federated: OKTA }, Action: 'sts:Assume*' }
    ])
    expect(saml.waysIn.map(w => w.actions)).toEqual([['sts:AssumeRoleWithSAML']])
    const notAction = analyse([
      apiConnect,
      { Effect: 'Allow', Principal: { AWS: OTHER_ROLE }, NotAction: 's3:*' }
    ])
    expect(notAction.waysIn.map(w => w.principal)).toEqual([OTHER_ROLE])
  })

  it('lambda.amazonaws.com copied from an execution role', () => {
    const analysis = analyse([
      apiConnect,
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }
    ])
    expect(analysis.waysIn).toEqual([
      expect.objectContaining({
        principal: 'lambda.amazonaws.com',
        kind: 'service',
        externalId: 'any'
      })
    ])
  })

  it("IBM's role for another API Connect region", () => {
    const analysis = analyse([apiConnect, { ...apiConnect, Sid: 'EU', Principal: { AWS: IBM_EU } }])
    expect(analysis.waysIn).toEqual([
      expect.objectContaining({
        statement: 'EU',
        principal: IBM_EU,
        kind: 'role',
        externalId: 'this-org',
        ibmOtherExternalId: false
      })
    ])
  })

  it('a principal list [IBM, someone else]: the other gets in with this org ID', () => {
    const analysis = analyse([{ ...apiConnect, Principal: { AWS: [IBM, OTHER_ROLE] } }])
    expect(analysis.target.decision).toBe('allowed')
    expect(analysis.waysIn).toEqual([
      expect.objectContaining({ principal: OTHER_ROLE, externalId: 'this-org', externalIds: [ORG] })
    ])
  })
})

describe("whoCanAssume: IBM's principal with another external ID", () => {
  it('a second, Sid-less statement for a previous org', () => {
    const analysis = analyse([
      apiConnect,
      {
        ...apiConnect,
        Sid: undefined,
        Condition: { StringEquals: { 'sts:ExternalId': PREVIOUS_ORG } }
      }
    ])
    expect(ibmWays(analysis)).toEqual([
      expect.objectContaining({
        statement: 'Statement[1]',
        externalId: 'another',
        externalIds: [PREVIOUS_ORG]
      })
    ])
    expect(verdict(analysis)).toBe('fail')
  })

  it('StringLike with a `*` pattern lets in every ID with that prefix', () => {
    const analysis = analyse([
      { ...apiConnect, Condition: { StringLike: { 'sts:ExternalId': 'ac51909e-*' } } }
    ])
    expect(analysis.target.decision).toBe('allowed')
    const [way] = ibmWays(analysis)
    expect(way).toMatchObject({ externalId: 'another' })
    expect(way!.externalIds.every(id => id.startsWith('ac51909e-') && id !== ORG)).toBe(true)
  })

  it('StringLike with a `?` lets in the IDs that differ in that character', () => {
    const pattern = `${ORG.slice(0, -1)}?`
    const [way] = ibmWays(
      analyse([{ ...apiConnect, Condition: { StringLike: { 'sts:ExternalId': pattern } } }])
    )
    expect(way!.externalIds).toHaveLength(1)
    expect(way!.externalIds[0]).toMatch(new RegExp(`^${ORG.slice(0, -1)}.$`))
    expect(way!.externalIds[0]).not.toBe(ORG)
  })

  it.each(['StringEquals', 'ForAnyValue:StringEquals'])('%s with a list of IDs', operator => {
    const analysis = analyse([
      { ...apiConnect, Condition: { [operator]: { 'sts:ExternalId': [ORG, PREVIOUS_ORG] } } }
    ])
    expect(analysis.target.decision).toBe('allowed')
    expect(ibmWays(analysis)).toEqual([expect.objectContaining({ externalIds: [PREVIOUS_ORG] })])
  })

  it('IfExists lets IBM in without any external ID', () => {
    const analysis = analyse([
      { ...apiConnect, Condition: { StringEqualsIfExists: { 'sts:ExternalId': ORG } } }
    ])
    expect(ibmWays(analysis)).toEqual([
      expect.objectContaining({ externalId: 'none', externalIds: ['(none)'] })
    ])
  })

  it.each([IBM_ACCOUNT, `arn:aws:iam::${IBM_ACCOUNT}:root`])(
    'IBM given as %s lets every role of IBM account in',
    principal => {
      const analysis = analyse([{ ...apiConnect, Principal: { AWS: principal } }])
      expect(analysis.target.decision).toBe('allowed')
      expect(analysis.waysIn).toEqual([
        expect.objectContaining({
          principal,
          externalId: 'this-org',
          kinds: ['account-root', 'role', 'user']
        })
      ])
      const roles = analysis.waysIn[0]!.examples.filter(e => e.includes(':role/'))
      expect(roles).toHaveLength(1)
      expect(roles[0]).toMatch(new RegExp(`^arn:aws:iam::${IBM_ACCOUNT}:role/`))
      expect(roles[0]).not.toBe(IBM)
      expect(verdict(analysis)).toBe('fail')
    }
  )
})

describe('whoCanAssume: the request as IAM builds it', () => {
  const deny = (Condition: PolicyStatement['Condition']): PolicyStatement => ({
    Effect: 'Deny',
    Principal: '*',
    Action: 'sts:*',
    Condition
  })

  it.each([
    [
      'aws:CurrentTime in the past',
      { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }
    ],
    ['aws:EpochTime in the past', { NumericGreaterThan: { 'aws:EpochTime': '1577836800' } }],
    ['aws:PrincipalType = AssumedRole', { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } }]
  ])('a Deny on %s denies IBM', (_, condition) => {
    const analysis = analyse([apiConnect, deny(condition)])
    expect(analysis.target.decision).toBe('denied')
    expect(analysis.target.reason).toMatch(/explicitly denied/)
    expect(verdict(analysis)).toBe('fail')
  })

  it('a Deny on aws:SourceIp 0.0.0.0/0 cannot be evaluated: the runner does not know the address', () => {
    const analysis = analyse([apiConnect, deny({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } })])
    expect(analysis.target).toMatchObject({
      decision: 'cannot-evaluate',
      dependsOn: ['aws:SourceIp']
    })
    expect(verdict(analysis)).toBe('cannot-evaluate')
  })

  it.each([
    ['Bool aws:SecureTransport true', { Bool: { 'aws:SecureTransport': 'true' } }],
    [
      'DateLessThan aws:CurrentTime 2099',
      { DateLessThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' } }
    ],
    ['NumericLessThan aws:EpochTime 2099', { NumericLessThan: { 'aws:EpochTime': '4070908800' } }],
    [
      'aws:PrincipalArn, aws:PrincipalAccount and aws:PrincipalType',
      {
        ArnEquals: { 'aws:PrincipalArn': IBM },
        StringEquals: {
          'sts:ExternalId': ORG,
          'aws:PrincipalAccount': IBM_ACCOUNT,
          'aws:PrincipalType': 'AssumedRole'
        }
      }
    ]
  ])('an Allow that also requires %s passes', (_, extra) => {
    const analysis = analyse([{ ...apiConnect, Condition: { ...apiConnect.Condition, ...extra } }])
    expect(analysis.target.decision).toBe('allowed')
    expect(analysis.waysIn).toEqual([])
    expect(verdict(analysis)).toBe('pass')
  })

  it('an Allow valid only from 2099 denies IBM now', () => {
    const analysis = analyse([
      {
        ...apiConnect,
        Condition: {
          ...apiConnect.Condition,
          DateGreaterThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' }
        }
      }
    ])
    expect(analysis.target.decision).toBe('denied')
  })

  it('Principal "*" narrowed by aws:PrincipalArn to IBM (an ARN pattern) lets in whatever matches it', () => {
    const analysis = analyse([
      {
        ...apiConnect,
        Principal: '*',
        Condition: {
          ...apiConnect.Condition,
          ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ibm-apiconnect-*' }
        }
      }
    ])
    expect(analysis.target.decision).toBe('allowed')
    const aws = analysis.waysIn.filter(w => ['account-root', 'role', 'user'].includes(w.kind))
    expect(aws.length).toBeGreaterThan(0)
    expect(aws.every(w => w.kind === 'role')).toBe(true)
    expect(aws.flatMap(w => w.examples).every(e => /:role\/ibm-apiconnect-/.test(e))).toBe(true)
    expect(aws.flatMap(w => w.examples)).toContainEqual(
      expect.stringMatching(/^arn:aws:iam::(?!623947394061)\d{12}:role\/ibm-apiconnect-/)
    )
  })
})

describe('whoCanAssume: declared extra principals', () => {
  const extra: PolicyStatement = {
    Sid: 'BreakGlass',
    Effect: 'Allow',
    Principal: { AWS: OTHER },
    Action: 'sts:AssumeRole'
  }

  it('accepts the ways in of a declared principal (an account ID is its root ARN)', () => {
    for (const accepted of [[OTHER], [`arn:aws:iam::${OTHER}:root`]]) {
      const analysis = analyse([apiConnect, extra], { accepted })
      expect(analysis.waysIn.length).toBeGreaterThan(0)
      expect(analysis.waysIn.every(w => w.accepted)).toBe(true)
      expect(verdict(analysis)).toBe('pass')
    }
  })

  it('never accepts "*", nor IBM with another external ID', () => {
    const star = analyse([apiConnect, { ...extra, Principal: '*' }], { accepted: ['*'] })
    expect(star.waysIn.some(w => w.accepted)).toBe(false)
    const previous = analyse(
      [
        apiConnect,
        {
          ...apiConnect,
          Sid: 'Old',
          Condition: { StringEquals: { 'sts:ExternalId': PREVIOUS_ORG } }
        }
      ],
      { accepted: [IBM] }
    )
    expect(ibmWays(previous)).toEqual([expect.objectContaining({ accepted: false })])
    expect(verdict(previous)).toBe('fail')
  })

  it('still fails on a way in that was not declared', () => {
    const analysis = analyse(
      [
        apiConnect,
        extra,
        { ...extra, Sid: 'Ci', Principal: { AWS: OTHER_ROLE.replace(OTHER, '999988887777') } }
      ],
      { accepted: [OTHER] }
    )
    expect(trustVerdict(analysis).failing.map(w => w.statement)).toEqual(['Ci'])
  })
})

describe('whoCanAssume: what it cannot decide is never a pass', () => {
  it('an operator IAM does not have', () => {
    const analysis = analyse([
      { ...apiConnect, Condition: { StringMatchesRegex: { 'sts:ExternalId': '.*' } } }
    ])
    expect(analysis.target.decision).toBe('cannot-evaluate')
    expect(analysis.undecided.join()).toMatch(/unknown condition operator/)
    expect(verdict(analysis)).toBe('cannot-evaluate')
  })

  it('a policy variable in a condition that matters', () => {
    const analysis = analyse([
      apiConnect,
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': '${aws:PrincipalAccount}' } }
      }
    ])
    expect(analysis.undecided.join()).toMatch(/policy variable/)
    expect(verdict(analysis)).not.toBe('pass')
  })

  it('a budget too small for the request space', () => {
    const deny: PolicyStatement = {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:*',
      Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }
    }
    const analysis = analyse([apiConnect, deny], { budget: 0 })
    expect([analysis.target.reason, ...analysis.undecided].join()).toMatch(/budget/)
    expect(verdict(analysis)).toBe('cannot-evaluate')
  })

  it('a Principal naming one session of IBM role: it depends on the session name', () => {
    const session = `arn:aws:sts::${IBM_ACCOUNT}:assumed-role/ibm-apiconnect-us-east-a/gateway`
    const analysis = analyse([{ ...apiConnect, Principal: { AWS: session } }])
    expect(analysis.target).toMatchObject({
      decision: 'cannot-evaluate',
      dependsOn: ['the role session name']
    })
  })

  it('a trust policy without statements', () => {
    const analysis = whoCanAssume(
      { Statement: 'nope' } as never,
      { principalArn: IBM, externalId: ORG },
      { roleArn: ROLE, now: NOW }
    )
    expect(verdict(analysis)).toBe('cannot-evaluate')
  })
})

describe('way-in wording', () => {
  const analysis = analyse([
    apiConnect,
    {
      Sid: 'Old|Org',
      Effect: 'Allow',
      Principal: { AWS: IBM },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': PREVIOUS_ORG } }
    },
    {
      Effect: 'Allow',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }
    }
  ])

  it('says in one line which statement lets whom in, how, and under which condition', () => {
    const lines = analysis.waysIn.map(describeWayIn)
    expect(lines).toContain(
      `statement "Old|Org" lets IBM's API Connect role (${IBM}) in through sts:AssumeRole with another external ID ("${PREVIOUS_ORG}")`
    )
    expect(lines.find(l => l.includes('Statement[2]'))).toMatch(
      /^statement "Statement\[2\]" lets an account's root, a role, an IAM user, an AWS service, an anonymous caller \(\*, e\.g\. arn:aws:iam::\d{12}:root\) in through sts:AssumeRole with any external ID or none when aws:SourceIp IpAddress "10\.0\.0\.0\/8"$/
    )
  })

  it('makes a table row per way in, one cell per column (the summary escapes them)', () => {
    const row = wayInRow(analysis.waysIn.find(w => w.statement === 'Old|Org')!)
    expect(row).toHaveLength(WAY_IN_TABLE_HEADER.length)
    expect(row[0]).toBe('Old|Org')
    expect(row.slice(4)).toEqual(['always', 'no'])
  })

  it('describes the target decision', () => {
    expect(describeTarget(analysis.target)).toMatch(
      /^IBM's principal with this org's external ID: allowed \(allowed by "ApiConnect"/
    )
  })
})
