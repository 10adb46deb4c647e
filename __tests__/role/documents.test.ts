import { createHash } from 'node:crypto'
import { API_CONNECT_REGIONS } from '../../src/inputs/api-connect-regions.js'
import type { PolicyDocument, PolicyStatement } from '../../src/iam-policy/types.js'
import {
  apiConnectStatement,
  canonicalPolicy,
  grantPolicy,
  grantPolicyName,
  LEGACY_TRUST_SID,
  mergeTrustPolicy,
  policiesEqual,
  policySize,
  statementsOf,
  trustPolicy,
  trustSid,
  trustsWithoutExternalId
} from '../../src/role/documents.js'

const IBM = 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a'
const IBM_FRANKFURT = 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-central-a'
const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'
const OTHER_ORG = '0d1c6f3e-5b7a-4c2e-9f80-123456789abc'
const target = { principalArn: IBM, externalId: ORG }
const ours = apiConnectStatement(target)
const SID = `ApiConnect${createHash('sha256').update(IBM).digest('hex').slice(0, 8)}`

const lambdaTrust: PolicyStatement = {
  Effect: 'Allow',
  Principal: { Service: 'lambda.amazonaws.com' },
  Action: 'sts:AssumeRole'
}
const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement
})

describe('the API Connect trust statement', () => {
  test('allows sts:AssumeRole for the principal only with the external id, under its own Sid', () => {
    expect(ours).toEqual({
      Sid: SID,
      Effect: 'Allow',
      Principal: { AWS: IBM },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': ORG } }
    })
    expect(trustPolicy(target)).toEqual({ Version: '2012-10-17', Statement: [ours] })
  })

  test('the Sid follows the principal, not the org, within IAM’s rule for a Sid', () => {
    expect(trustSid(IBM)).toMatch(/^ApiConnect[0-9a-f]{8}$/) // IAM allows [A-Za-z0-9] only
    expect(apiConnectStatement({ principalArn: IBM, externalId: OTHER_ORG }).Sid).toBe(SID)
    const published = API_CONNECT_REGIONS.flatMap(r => (r.roleArn ? [r.roleArn] : []))
    expect(published.length).toBeGreaterThanOrEqual(3)
    expect(new Set(published.map(trustSid)).size).toBe(published.length)
    expect(published.map(trustSid)).not.toContain(LEGACY_TRUST_SID)
  })
})

describe('the invoke grant', () => {
  const arn = 'arn:aws:lambda:eu-central-1:111122223333:function:orders'

  test('allows only lambda:InvokeFunction on the function and its qualified ARNs', () => {
    const [statement, ...rest] = statementsOf(grantPolicy(arn))
    expect(rest).toEqual([])
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      Resource: [arn, `${arn}:*`]
    })
    expect(Object.keys(statement).sort()).toEqual(['Action', 'Effect', 'Resource', 'Sid'])
  })

  test('its name is per function and region, within IAM’s rules for inline policy names', () => {
    expect(grantPolicyName('orders', 'eu-central-1')).toBe('invoke-orders@eu-central-1')
    expect(grantPolicyName('orders', 'eu-central-1')).not.toBe(
      grantPolicyName('orders', 'us-east-1')
    )
    expect(grantPolicyName('payments', 'eu-central-1')).not.toBe(
      grantPolicyName('orders', 'eu-central-1')
    )
    const longest = grantPolicyName('f'.repeat(64), 'ap-southeast-3')
    expect(longest.length).toBeLessThanOrEqual(128)
    expect(longest).toMatch(/^[\w+=,.@-]+$/)
  })
})

describe('policiesEqual', () => {
  const a = doc(ours, lambdaTrust)

  test('ignores key order, whitespace, single values versus arrays, order and action case', () => {
    const b = JSON.parse(`{
      "Statement": [
        { "Action": ["STS:AssumeRole"], "Principal": { "Service": ["lambda.amazonaws.com"] }, "Effect": "Allow" },
        {
          "Condition": { "StringEquals": { "sts:externalid": ["${ORG}"] } },
          "Action": "sts:assumerole",
          "Principal": { "AWS": ["${IBM}", "${IBM}"] },
          "Effect": "Allow",
          "Sid": "${SID}"
        }
      ],
      "Version": "2012-10-17"
    }`) as PolicyDocument
    expect(policiesEqual(a, b)).toBe(true)
    expect(policiesEqual(doc(ours), { Version: '2012-10-17', Statement: ours })).toBe(true)
  })

  test('a lone Statement object equals a one-element list', () => {
    expect(canonicalPolicy({ Version: '2012-10-17', Statement: ours })).toBe(
      canonicalPolicy(doc(ours))
    )
  })

  test('sees every difference that matters', () => {
    const differs = (change: Partial<PolicyStatement>) =>
      expect(policiesEqual(doc(ours), doc({ ...ours, ...change }))).toBe(false)
    differs({ Condition: { StringEquals: { 'sts:ExternalId': ORG.toUpperCase() } } })
    differs({ Condition: { StringEqualsIfExists: { 'sts:ExternalId': ORG } } })
    differs({ Condition: undefined })
    differs({ Principal: { AWS: IBM.replace('eu-west-a', 'us-east-a') } })
    differs({ Principal: { AWS: [IBM, 'arn:aws:iam::111122223333:root'] } })
    differs({ Action: ['sts:AssumeRole', 'sts:TagSession'] })
    differs({ Effect: 'Deny' })
    differs({ Sid: 'Other' })
    expect(policiesEqual(doc(ours), doc(ours, lambdaTrust))).toBe(false)
    expect(policiesEqual(doc(ours), { ...doc(ours), Version: '2008-10-17' })).toBe(false)
  })

  test('a missing Version means 2008-10-17, as IAM reads it', () => {
    expect(policiesEqual({ Statement: [ours] }, { ...doc(ours), Version: '2008-10-17' })).toBe(true)
  })
})

describe('mergeTrustPolicy', () => {
  test('adds our statement and keeps every other one as it was', () => {
    const other: PolicyStatement = {
      Sid: 'Partner',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'partner-1' } }
    }
    const live = doc(lambdaTrust, other)
    const merge = mergeTrustPolicy(live, target)
    expect(merge).toMatchObject({ statement: 'added', changed: true, unconditioned: [], open: [] })
    expect(statementsOf(merge.document)).toEqual([lambdaTrust, other, ours])
    expect(live.Statement).toEqual([lambdaTrust, other]) // the input is not modified
  })

  test('leaves a policy that already has the statement unchanged', () => {
    const live = JSON.parse(
      JSON.stringify(doc(lambdaTrust, { ...ours, Action: ['sts:AssumeRole'] }))
    )
    const merge = mergeTrustPolicy(live, target)
    expect(merge).toMatchObject({ statement: 'present', changed: false })
  })

  test('adopts a hand-made equivalent statement (no Sid) instead of adding a second one', () => {
    const handMade = JSON.parse(JSON.stringify({ ...ours, Sid: undefined })) as PolicyStatement
    expect(handMade).not.toHaveProperty('Sid')
    const merge = mergeTrustPolicy(doc(handMade), target)
    expect(merge).toMatchObject({ statement: 'present', changed: false })
    expect(statementsOf(merge.document)).toEqual([handMade])
  })

  test('updates our statement in place when the org id changed, naming the id it replaced', () => {
    const stale = apiConnectStatement({ principalArn: IBM, externalId: OTHER_ORG })
    const merge = mergeTrustPolicy(doc(stale, lambdaTrust), target)
    expect(merge).toMatchObject({
      sid: SID,
      statement: 'updated',
      changed: true,
      replacedExternalIds: [OTHER_ORG],
      unconditioned: []
    })
    expect(statementsOf(merge.document)).toEqual([ours, lambdaTrust])
  })

  test('gives each principal its own statement: two API Connect regions share a role', () => {
    const frankfurt = { principalArn: IBM_FRANKFURT, externalId: ORG }
    const london = mergeTrustPolicy(doc(lambdaTrust), target).document
    const both = mergeTrustPolicy(london, frankfurt)
    expect(both).toMatchObject({ statement: 'added', changed: true, replacedExternalIds: [] })
    expect(statementsOf(both.document)).toEqual([lambdaTrust, ours, apiConnectStatement(frankfurt)])
    // Reruns for either region, in any order, find their statement: no flip-flop.
    for (const t of [target, frankfurt, target])
      expect(mergeTrustPolicy(both.document, t)).toMatchObject({
        statement: 'present',
        changed: false
      })
  })

  test('a changed org for one principal leaves the other principal’s statement alone', () => {
    const frankfurt = apiConnectStatement({ principalArn: IBM_FRANKFURT, externalId: OTHER_ORG })
    const stale = apiConnectStatement({ principalArn: IBM, externalId: OTHER_ORG })
    const merge = mergeTrustPolicy(doc(frankfurt, stale), target)
    expect(merge.replacedExternalIds).toEqual([OTHER_ORG])
    expect(statementsOf(merge.document)).toEqual([frankfurt, ours])
  })

  test('the legacy statement (one Sid for every principal) counts as ours for its principal', () => {
    const legacy = { ...ours, Sid: LEGACY_TRUST_SID }
    // As it was: present, not rewritten, so upgrading the action writes nothing.
    expect(mergeTrustPolicy(doc(legacy, lambdaTrust), target)).toMatchObject({
      statement: 'present',
      changed: false
    })
    // Another org's: replaced in place under the new Sid, the old id no longer trusted.
    const otherOrg = {
      ...apiConnectStatement({ principalArn: IBM, externalId: OTHER_ORG }),
      Sid: LEGACY_TRUST_SID
    }
    const merge = mergeTrustPolicy(doc(otherOrg, lambdaTrust), target)
    expect(merge).toMatchObject({ statement: 'updated', replacedExternalIds: [OTHER_ORG] })
    expect(statementsOf(merge.document)).toEqual([ours, lambdaTrust])
    // Another principal's: kept, it is that region's trust.
    const frankfurt = {
      ...apiConnectStatement({ principalArn: IBM_FRANKFURT, externalId: ORG }),
      Sid: LEGACY_TRUST_SID
    }
    expect(statementsOf(mergeTrustPolicy(doc(frankfurt), target).document)).toEqual([
      frankfurt,
      ours
    ])
  })

  test('a legacy and a new statement for the same principal are folded into one', () => {
    const legacy = {
      ...apiConnectStatement({ principalArn: IBM, externalId: OTHER_ORG }),
      Sid: LEGACY_TRUST_SID
    }
    const merge = mergeTrustPolicy(doc(legacy, lambdaTrust, ours), target)
    expect(merge).toMatchObject({ statement: 'updated', replacedExternalIds: [OTHER_ORG] })
    expect(statementsOf(merge.document)).toEqual([ours, lambdaTrust])
  })

  test('our Sid without the external id is the confused deputy too, and is replaced', () => {
    const open: PolicyStatement = { ...ours, Condition: undefined }
    const merge = mergeTrustPolicy(doc(JSON.parse(JSON.stringify(open))), target)
    expect(merge).toMatchObject({
      statement: 'updated',
      unconditioned: [SID],
      replacedExternalIds: []
    })
    expect(statementsOf(merge.document)).toEqual([ours])
  })

  test('replaces a statement that trusts the principal without the external id', () => {
    const hole: PolicyStatement = {
      Sid: 'ApiConnect',
      Effect: 'Allow',
      Principal: { AWS: IBM },
      Action: 'sts:AssumeRole'
    }
    const merge = mergeTrustPolicy(doc(lambdaTrust, hole), target)
    expect(merge).toMatchObject({
      statement: 'added',
      unconditioned: ['ApiConnect'],
      changed: true
    })
    expect(statementsOf(merge.document)).toEqual([lambdaTrust, ours])
  })

  test('only takes the principal out of a shared unconditioned statement', () => {
    const partner = 'arn:aws:iam::444455556666:role/partner'
    const shared: PolicyStatement = {
      Effect: 'Allow',
      Principal: { AWS: [IBM, partner], Service: 'lambda.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession']
    }
    const merge = mergeTrustPolicy(doc(shared), target)
    expect(merge.unconditioned).toEqual(['Statement[0]'])
    expect(statementsOf(merge.document)).toEqual([
      { ...shared, Principal: { Service: 'lambda.amazonaws.com', AWS: partner } },
      ours
    ])
  })

  test.each<[string, PolicyStatement['Condition']]>([
    ['no condition', undefined],
    ['another key only', { StringEquals: { 'aws:SourceAccount': '623947394061' } }],
    ['IfExists', { StringEqualsIfExists: { 'sts:ExternalId': ORG } }],
    ['ForAllValues', { 'ForAllValues:StringEquals': { 'sts:ExternalId': ORG } }],
    ['a wildcard', { StringLike: { 'sts:ExternalId': '*' } }],
    ['a negation', { StringNotEquals: { 'sts:ExternalId': 'x' } }]
  ])('counts %s as no external id', (_name, Condition) => {
    const statement: PolicyStatement = {
      Effect: 'Allow',
      Principal: { AWS: IBM },
      Action: 'sts:*',
      Condition
    }
    expect(trustsWithoutExternalId(statement, IBM)).toBe(true)
  })

  test.each<[string, PolicyStatement]>([
    [
      'a pinned external id (another org’s)',
      {
        Effect: 'Allow',
        Principal: { AWS: IBM },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'STS:EXTERNALID': 'other-org' } }
      }
    ],
    ['a Deny', { Effect: 'Deny', Principal: { AWS: IBM }, Action: 'sts:AssumeRole' }],
    ['another action', { Effect: 'Allow', Principal: { AWS: IBM }, Action: 'sts:TagSession' }],
    [
      'another principal',
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 'sts:AssumeRole'
      }
    ]
  ])('leaves %s alone', (_name, statement) => {
    expect(trustsWithoutExternalId(statement, IBM)).toBe(false)
    const merge = mergeTrustPolicy(doc(statement), target)
    expect(merge.unconditioned).toEqual([])
    expect(statementsOf(merge.document)).toEqual([statement, ours])
  })

  test('reports, but keeps, a statement that trusts everyone without an external id', () => {
    const open: PolicyStatement = {
      Sid: 'Open',
      Effect: 'Allow',
      Principal: '*',
      Action: 'sts:AssumeRole'
    }
    const merge = mergeTrustPolicy(doc(open), target)
    expect(merge.open).toEqual(['Open'])
    expect(statementsOf(merge.document)).toEqual([open, ours])
  })

  test('a principal someone added to our statement keeps its trust in a statement of its own', () => {
    const ops = 'arn:aws:iam::111122223333:role/ops'
    const widened = { ...ours, Principal: { AWS: [IBM, ops], Service: 'lambda.amazonaws.com' } }
    const merge = mergeTrustPolicy(doc(widened), target)
    expect(merge.kept).toEqual(['lambda.amazonaws.com', ops])
    expect(merge.changed).toBe(true)
    expect(statementsOf(merge.document)).toEqual([
      ours,
      { ...ours, Sid: `${SID}Other`, Principal: { AWS: ops, Service: 'lambda.amazonaws.com' } }
    ])
    // The kept statement is not ours: merging again changes nothing more.
    expect(mergeTrustPolicy(merge.document, target)).toMatchObject({ changed: false, kept: [] })
  })

  test('an org change in our statement keeps the added principal under the old condition', () => {
    const ops = 'arn:aws:iam::111122223333:role/ops'
    const old = apiConnectStatement({ principalArn: IBM, externalId: OTHER_ORG })
    const merge = mergeTrustPolicy(doc({ ...old, Principal: { AWS: [IBM, ops] } }), target)
    expect(merge.replacedExternalIds).toEqual([OTHER_ORG])
    expect(statementsOf(merge.document)).toEqual([
      ours,
      { ...old, Sid: `${SID}Other`, Principal: { AWS: ops } }
    ])
  })

  test('is idempotent: merging the result again changes nothing', () => {
    const hole: PolicyStatement = {
      Effect: 'Allow',
      Principal: { AWS: IBM },
      Action: 'sts:AssumeRole'
    }
    const first = mergeTrustPolicy(doc(lambdaTrust, hole), target)
    const second = mergeTrustPolicy(first.document, target)
    expect(second).toMatchObject({ statement: 'present', changed: false, unconditioned: [] })
  })

  test('concurrent merges from the same live policy converge to one document', () => {
    const live = doc(lambdaTrust)
    const results = Array.from({ length: 8 }, () => mergeTrustPolicy(live, target).document)
    for (const r of results) expect(JSON.stringify(r)).toBe(JSON.stringify(results[0]))
    // …and a job that reads after another one wrote finds nothing to do.
    expect(mergeTrustPolicy(results[0], target).changed).toBe(false)
  })
})

describe('policySize', () => {
  test('counts characters without whitespace', () => {
    const compact = JSON.stringify(doc(ours))
    expect(policySize(doc(ours))).toBe(compact.length)
    const spaced = doc({ ...ours, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a b' } } })
    expect(policySize(spaced)).toBe(JSON.stringify(spaced).length - 1)
    expect(policySize(doc(ours))).toBeLessThan(300)
  })
})
