import type { PolicyDocument, PolicyStatement } from '../src/policy-types.js'
import {
  apiConnectStatement,
  canonicalPolicy,
  decodePolicyDocument,
  grantPolicy,
  grantPolicyName,
  mergeTrustPolicy,
  policiesEqual,
  policySize,
  statementsOf,
  TRUST_SID,
  trustPolicy,
  trustsWithoutExternalId
} from '../src/trust-policy.js'

const IBM = 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a'
const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'
const target = { principalArn: IBM, externalId: ORG }
const ours = apiConnectStatement(target)

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
  test('allows sts:AssumeRole for the principal only with the external id, under a stable Sid', () => {
    expect(ours).toEqual({
      Sid: 'ApiConnectAssumeRole',
      Effect: 'Allow',
      Principal: { AWS: IBM },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': ORG } }
    })
    expect(TRUST_SID).toMatch(/^[A-Za-z0-9]+$/) // IAM's rule for a Sid
    expect(trustPolicy(target)).toEqual({ Version: '2012-10-17', Statement: [ours] })
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

describe('decodePolicyDocument', () => {
  test('decodes the URL-encoded JSON that IAM returns', () => {
    const encoded = encodeURIComponent(JSON.stringify(trustPolicy(target), null, 2))
    expect(encoded).not.toContain('{')
    expect(decodePolicyDocument(encoded)).toEqual(trustPolicy(target))
  })

  test('takes plain JSON as is, even with a % inside', () => {
    const plain = JSON.stringify(doc({ ...lambdaTrust, Sid: undefined, Action: 'sts:Assume%Role' }))
    expect(statementsOf(decodePolicyDocument(plain))[0].Action).toBe('sts:Assume%Role')
  })

  test('refuses what is not a policy', () => {
    expect(() => decodePolicyDocument('%7B%7D')).toThrow(/no Statement/)
    expect(() => decodePolicyDocument('not json')).toThrow()
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
          "Sid": "${TRUST_SID}"
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

  test('updates our statement in place when the org id or the principal changed', () => {
    const stale = apiConnectStatement({ principalArn: IBM, externalId: 'old-org' })
    const merge = mergeTrustPolicy(doc(stale, lambdaTrust), target)
    expect(merge).toMatchObject({ statement: 'updated', changed: true })
    expect(statementsOf(merge.document)).toEqual([ours, lambdaTrust])
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
