import {
  type Decision,
  evaluateIdentityPolicies,
  evaluateResourcePolicy,
  parsePolicyDocument,
  type PolicyDocument,
  type PolicyStatement,
  type Request
} from '../../src/iam-policy/index.js'

const IBM_ROLE = 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a'
const IBM_SESSION = 'arn:aws:sts::623947394061:assumed-role/ibm-apiconnect-eu-west-a/gateway'
const OTHER_ROLE = 'arn:aws:iam::111122223333:role/someone-else'
const ORG_ID = '5f3c9a21e4b0a1b2c3d4e5f6'

const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement
})

/** The trust statement the action writes: IBM's regional role, with the org id as external id. */
const apiConnectTrust: PolicyStatement = {
  Sid: 'ApiConnect',
  Effect: 'Allow',
  Principal: { AWS: IBM_ROLE },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': ORG_ID } }
}

const assume = (overrides: Partial<Request> = {}): Request => ({
  principal: { AWS: IBM_ROLE },
  action: 'sts:AssumeRole',
  context: { 'sts:ExternalId': ORG_ID },
  ...overrides
})

const trust = (document: PolicyDocument, request: Request = assume()): Decision =>
  evaluateResourcePolicy(document, request).decision

/** A trust policy that allows everyone, restricted by one condition block. */
const withCondition = (
  Condition: PolicyStatement['Condition'],
  context: Request['context'] = {}
): Decision =>
  trust(
    policy({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition }),
    assume({ context })
  )

describe('the API Connect trust check', () => {
  const document = policy(apiConnectTrust)

  it('allows IBM role with the right external id, naming the statement that allowed it', () => {
    expect(evaluateResourcePolicy(document, assume())).toEqual({
      decision: 'allowed',
      statements: ['ApiConnect'],
      reason: 'allowed by "ApiConnect"'
    })
  })

  it.each([
    ['no external id', assume({ context: {} })],
    ['a wrong external id', assume({ context: { 'sts:ExternalId': 'not-the-org' } })],
    ['another account role', assume({ principal: { AWS: OTHER_ROLE } })],
    ['an anonymous caller', assume({ principal: undefined })],
    ['another action', assume({ action: 'sts:AssumeRoleWithWebIdentity' })]
  ])('denies %s', (_, request) => {
    const evaluation = evaluateResourcePolicy(document, request)
    expect(evaluation.decision).toBe('implicit-deny')
    expect(evaluation.reason).toContain('no statement')
  })
})

describe('decision logic', () => {
  const allowAll: PolicyStatement = { Effect: 'Allow', Principal: '*', Action: '*' }

  it('an explicit Deny beats an Allow', () => {
    const deny: PolicyStatement = { Sid: 'NoOne', Effect: 'Deny', Principal: '*', Action: 'sts:*' }
    const evaluation = evaluateResourcePolicy(policy(allowAll, deny), assume())
    expect(evaluation).toMatchObject({ decision: 'explicit-deny', statements: ['NoOne'] })
    expect(trust(policy(allowAll))).toBe('allowed')
  })

  it('denies implicitly when nothing allows, including an empty policy', () => {
    expect(trust(policy())).toBe('implicit-deny')
    expect(trust(policy({ Effect: 'Deny', Principal: '*', Action: 's3:*' }))).toBe('implicit-deny')
  })

  it('accepts a single statement object and labels unnamed statements by index', () => {
    const single = { Version: '2012-10-17', Statement: allowAll }
    expect(evaluateResourcePolicy(single, assume()).statements).toEqual(['Statement[0]'])
  })

  it('an Allow that cannot be evaluated gives cannot-evaluate, never allowed', () => {
    const odd: PolicyStatement = {
      ...allowAll,
      Condition: { StringMatchesRegex: { 'sts:ExternalId': '.*' } }
    }
    const evaluation = evaluateResourcePolicy(policy(odd), assume())
    expect(evaluation.decision).toBe('cannot-evaluate')
    expect(evaluation.reason).toContain('unknown condition operator StringMatchesRegex')
  })

  it('a Deny that cannot be evaluated blocks an allow, but not a denial', () => {
    const odd: PolicyStatement = {
      Effect: 'Deny',
      Principal: '*',
      Action: '*',
      Condition: { StringMatchesRegex: { 'sts:ExternalId': '.*' } }
    }
    expect(trust(policy(allowAll, odd))).toBe('cannot-evaluate')
    const denied = evaluateResourcePolicy(policy(odd), assume())
    expect(denied.decision).toBe('implicit-deny')
    expect(denied.reason).toContain('a Deny could not be evaluated')
  })

  it('an unknown part does not matter next to one that is false', () => {
    const odd: PolicyStatement = {
      ...allowAll,
      Condition: {
        StringMatchesRegex: { 'sts:ExternalId': '.*' },
        StringEquals: { 'sts:ExternalId': 'something-else' }
      }
    }
    expect(trust(policy(odd))).toBe('implicit-deny')
    expect(trust(policy(odd, allowAll))).toBe('allowed')
  })

  it.each<[string, unknown]>([
    ['an Effect that is neither Allow nor Deny', { Effect: 'Permit', Principal: '*', Action: '*' }],
    ['no Action or NotAction', { Effect: 'Allow', Principal: '*' }],
    [
      'both Action and NotAction',
      { Effect: 'Allow', Principal: '*', Action: '*', NotAction: 's3:*' }
    ],
    ['no Principal in a resource policy', { Effect: 'Allow', Action: '*' }],
    ['an Action that is not a string', { Effect: 'Allow', Principal: '*', Action: [42] }],
    ['a statement that is not an object', 'Allow everything']
  ])('a statement with %s cannot be evaluated', (_, statement) => {
    const document = { Version: '2012-10-17', Statement: [statement] } as unknown as PolicyDocument
    expect(trust(document)).toBe('cannot-evaluate')
  })

  it('a document without Statement cannot be evaluated', () => {
    expect(trust({ Version: '2012-10-17' } as unknown as PolicyDocument)).toBe('cannot-evaluate')
  })
})

describe('Principal', () => {
  const allowing = (Principal: PolicyStatement['Principal'], request: Request = assume()) =>
    trust(policy({ Effect: 'Allow', Principal, Action: 'sts:AssumeRole' }), request)

  it('matches an exact role ARN, string or in an array', () => {
    expect(allowing({ AWS: IBM_ROLE })).toBe('allowed')
    expect(allowing({ AWS: [OTHER_ROLE, IBM_ROLE] })).toBe('allowed')
    expect(allowing({ AWS: OTHER_ROLE })).toBe('implicit-deny')
  })

  it('a role ARN also matches its assumed-role sessions, whatever the role path', () => {
    expect(allowing({ AWS: IBM_ROLE }, assume({ principal: { AWS: IBM_SESSION } }))).toBe('allowed')
    const withPath = 'arn:aws:iam::623947394061:role/apic/ibm-apiconnect-eu-west-a'
    expect(allowing({ AWS: withPath }, assume({ principal: { AWS: IBM_SESSION } }))).toBe('allowed')
    const otherRole = 'arn:aws:sts::623947394061:assumed-role/another-role/gateway'
    expect(allowing({ AWS: IBM_ROLE }, assume({ principal: { AWS: otherRole } }))).toBe(
      'implicit-deny'
    )
  })

  it('a session ARN matches that session only; for a role caller the session is unknown', () => {
    expect(allowing({ AWS: IBM_SESSION }, assume({ principal: { AWS: IBM_SESSION } }))).toBe(
      'allowed'
    )
    const otherSession = IBM_SESSION.replace('gateway', 'other')
    expect(allowing({ AWS: otherSession }, assume({ principal: { AWS: IBM_SESSION } }))).toBe(
      'implicit-deny'
    )
    expect(allowing({ AWS: IBM_SESSION })).toBe('cannot-evaluate')
  })

  it('an account id or account root ARN means any principal of that account', () => {
    expect(allowing({ AWS: '623947394061' })).toBe('allowed')
    expect(allowing({ AWS: 'arn:aws:iam::623947394061:root' })).toBe('allowed')
    expect(
      allowing(
        { AWS: 'arn:aws:iam::623947394061:root' },
        assume({ principal: { AWS: IBM_SESSION } })
      )
    ).toBe('allowed')
    expect(allowing({ AWS: '111122223333' })).toBe('implicit-deny')
    expect(allowing({ AWS: 'arn:aws-cn:iam::623947394061:root' })).toBe('implicit-deny')
  })

  it('"*" and {"AWS": "*"} mean everyone, anonymous callers included', () => {
    for (const everyone of ['*', { AWS: '*' }] as const) {
      expect(allowing(everyone)).toBe('allowed')
      expect(allowing(everyone, assume({ principal: undefined }))).toBe('allowed')
      expect(allowing(everyone, assume({ principal: { Service: 'lambda.amazonaws.com' } }))).toBe(
        'allowed'
      )
    }
  })

  it('an anonymous caller matches nothing but "*"', () => {
    expect(allowing({ AWS: IBM_ROLE }, assume({ principal: undefined }))).toBe('implicit-deny')
    expect(allowing({ AWS: '623947394061' }, assume({ principal: undefined }))).toBe(
      'implicit-deny'
    )
  })

  it('matches Service and Federated principals by name and kind', () => {
    const lambda = assume({ principal: { Service: 'lambda.amazonaws.com' } })
    expect(allowing({ Service: 'lambda.amazonaws.com' }, lambda)).toBe('allowed')
    expect(allowing({ Service: ['ec2.amazonaws.com'] }, lambda)).toBe('implicit-deny')
    expect(allowing({ AWS: 'lambda.amazonaws.com' }, lambda)).toBe('implicit-deny')
    const github = assume({
      principal: {
        Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
      }
    })
    expect(
      allowing(
        {
          Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
        },
        github
      )
    ).toBe('allowed')
    expect(allowing({ Service: 'token.actions.githubusercontent.com' }, github)).toBe(
      'implicit-deny'
    )
  })

  it('a unique id (left by a deleted principal) matches no one', () => {
    expect(allowing({ AWS: 'AROA1234567890EXAMPLE' })).toBe('implicit-deny')
  })

  it('names differing only in letter case, or a wildcard in an ARN, cannot be evaluated', () => {
    expect(allowing({ AWS: IBM_ROLE.replace('role/ibm', 'role/IBM') })).toBe('cannot-evaluate')
    expect(allowing({ AWS: 'arn:aws:iam::623947394061:role/ibm-*' })).toBe('cannot-evaluate')
    expect(allowing({ Group: 'admins' } as never)).toBe('cannot-evaluate')
  })

  it('a request principal that is not an ARN cannot be evaluated', () => {
    expect(allowing('*', assume({ principal: { AWS: 'ibm' } }))).toBe('cannot-evaluate')
  })
})

describe('NotPrincipal', () => {
  const allowAll: PolicyStatement = { Effect: 'Allow', Principal: '*', Action: '*' }
  const denyAllBut = (...names: string[]) =>
    policy(allowAll, { Effect: 'Deny', NotPrincipal: { AWS: names }, Action: '*' })

  it('Deny with NotPrincipal spares a caller whose whole chain is named', () => {
    const account = 'arn:aws:iam::623947394061:root'
    expect(
      trust(denyAllBut(account, IBM_ROLE, IBM_SESSION), assume({ principal: { AWS: IBM_SESSION } }))
    ).toBe('allowed')
    expect(
      trust(
        denyAllBut('arn:aws:iam::623947394061:root'),
        assume({ principal: { AWS: 'arn:aws:iam::623947394061:root' } })
      )
    ).toBe('allowed')
  })

  it('Deny with NotPrincipal denies a caller it does not name at all', () => {
    expect(trust(denyAllBut(OTHER_ROLE, 'arn:aws:iam::111122223333:root'))).toBe('explicit-deny')
    expect(trust(denyAllBut(OTHER_ROLE), assume({ principal: undefined }))).toBe('explicit-deny')
  })

  it('naming only part of the chain cannot be evaluated (IAM may check the account first)', () => {
    expect(trust(denyAllBut(IBM_ROLE))).toBe('cannot-evaluate')
    expect(
      trust(denyAllBut('623947394061', IBM_ROLE), assume({ principal: { AWS: IBM_SESSION } }))
    ).toBe('cannot-evaluate')
  })

  it('Allow with NotPrincipal allows everyone else, anonymous callers included', () => {
    const document = policy({ Effect: 'Allow', NotPrincipal: { AWS: OTHER_ROLE }, Action: '*' })
    expect(trust(document, assume({ principal: undefined }))).toBe('allowed')
    expect(trust(document, assume({ principal: { AWS: 'arn:aws:iam::111122223333:root' } }))).toBe(
      'allowed'
    )
    const session = 'arn:aws:sts::111122223333:assumed-role/someone-else/job'
    expect(trust(document, assume({ principal: { AWS: session } }))).toBe('cannot-evaluate')
    expect(trust(policy({ Effect: 'Allow', NotPrincipal: '*', Action: '*' }))).toBe('implicit-deny')
  })
})

describe('Action and NotAction', () => {
  const actions = (Action: string | string[], action = 'sts:AssumeRole') =>
    trust(policy({ Effect: 'Allow', Principal: '*', Action }), assume({ action }))

  it.each([
    ['*', true],
    ['sts:*', true],
    ['sts:Assume*', true],
    ['sts:AssumeRol?', true],
    ['STS:assumerole', true],
    [['s3:GetObject', 'sts:AssumeRole'], true],
    ['sts:AssumeRole?', false],
    ['sts:AssumeRoleWith*', false],
    ['s3:*', false],
    ['st?:AssumeRole', true]
  ])('Action %j matches sts:AssumeRole: %s', (pattern, matches) => {
    expect(actions(pattern)).toBe(matches ? 'allowed' : 'implicit-deny')
  })

  it('an action without a service prefix cannot be evaluated', () => {
    expect(actions('AssumeRole')).toBe('cannot-evaluate')
  })

  it('NotAction applies to every action it does not list', () => {
    const except = (NotAction: string | string[]) =>
      trust(policy({ Effect: 'Allow', Principal: '*', NotAction }))
    expect(except('s3:*')).toBe('allowed')
    expect(except(['s3:*', 'sts:Assume*'])).toBe('implicit-deny')
    const denyOthers = policy(
      { Effect: 'Allow', Principal: '*', Action: '*' },
      { Effect: 'Deny', Principal: '*', NotAction: 'sts:AssumeRole' }
    )
    expect(trust(denyOthers)).toBe('allowed')
    expect(trust(denyOthers, assume({ action: 'sts:TagSession' }))).toBe('explicit-deny')
  })
})

describe('identity policies and permissions boundary', () => {
  const ROLE = 'arn:aws:iam::111122223333:role/apic-invoke'
  const FUNCTION = 'arn:aws:lambda:eu-central-1:111122223333:function:orders'
  const invoke = (resource: string = FUNCTION): Request => ({
    principal: { AWS: ROLE },
    action: 'lambda:InvokeFunction',
    resource
  })
  const grant = (Resource: string | string[], Effect: 'Allow' | 'Deny' = 'Allow') =>
    policy({ Effect, Action: 'lambda:InvokeFunction', Resource })
  const decide = (
    policies: PolicyDocument[],
    boundary?: PolicyDocument,
    request: Request = invoke()
  ) => evaluateIdentityPolicies({ policies, boundary }, request).decision

  it('allows what an identity policy allows when there is no boundary', () => {
    expect(decide([grant(FUNCTION)])).toBe('allowed')
    expect(decide([grant('arn:aws:lambda:eu-central-1:111122223333:function:other')])).toBe(
      'implicit-deny'
    )
    expect(decide([])).toBe('implicit-deny')
  })

  it('needs the boundary to allow too', () => {
    const lambdaOnly = policy({ Effect: 'Allow', Action: 'lambda:*', Resource: '*' })
    const s3Only = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })
    expect(decide([grant(FUNCTION)], lambdaOnly)).toBe('allowed')
    const denied = evaluateIdentityPolicies(
      { policies: [grant(FUNCTION)], boundary: s3Only },
      invoke()
    )
    expect(denied.decision).toBe('implicit-deny')
    expect(denied.reason).toContain('the permissions boundary')
    // The boundary alone grants nothing.
    expect(decide([], lambdaOnly)).toBe('implicit-deny')
  })

  it('an explicit Deny in any policy or in the boundary wins', () => {
    expect(decide([grant(FUNCTION), grant(FUNCTION, 'Deny')])).toBe('explicit-deny')
    const boundary = policy(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'lambda:Invoke*', Resource: '*' }
    )
    expect(decide([grant(FUNCTION)], boundary)).toBe('explicit-deny')
  })

  it('names the policies that decided', () => {
    const evaluation = evaluateIdentityPolicies(
      {
        policies: [
          { name: 'apic-invoke-orders', document: grant(FUNCTION) },
          { name: 'arn:aws:iam::aws:policy/ReadOnlyAccess', document: grant('*', 'Allow') }
        ],
        boundary: {
          name: 'Boundary',
          document: policy({ Effect: 'Allow', Action: '*', Resource: '*' })
        }
      },
      invoke()
    )
    expect(evaluation).toMatchObject({
      decision: 'allowed',
      statements: [
        'apic-invoke-orders: Statement[0]',
        'arn:aws:iam::aws:policy/ReadOnlyAccess: Statement[0]',
        'Boundary: Statement[0]'
      ]
    })
  })

  it('an identity statement needs Resource and has no Principal', () => {
    expect(decide([policy({ Effect: 'Allow', Action: '*' })])).toBe('cannot-evaluate')
    expect(decide([policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })])).toBe(
      'cannot-evaluate'
    )
  })
})

describe('Resource and NotResource', () => {
  const FUNCTION = 'arn:aws:lambda:eu-central-1:111122223333:function:orders'
  const on = (Resource: string | string[], resource: string = FUNCTION) =>
    evaluateIdentityPolicies(
      { policies: [policy({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource })] },
      {
        principal: { AWS: 'arn:aws:iam::111122223333:role/r' },
        action: 'lambda:InvokeFunction',
        resource
      }
    ).decision

  it.each([
    ['*', FUNCTION, true],
    [FUNCTION, FUNCTION, true],
    ['arn:aws:lambda:*:111122223333:function:orders', FUNCTION, true],
    ['arn:aws:lambda:eu-central-?:111122223333:function:ord*', FUNCTION, true],
    [`${FUNCTION}:*`, `${FUNCTION}:live`, true],
    [FUNCTION, `${FUNCTION}:live`, false],
    [`${FUNCTION}:*`, FUNCTION, false],
    ['arn:aws:lambda:eu-central-1:111122223333:function:Orders', FUNCTION, false],
    ['arn:aws:lambda:eu-*:111122223333:function:orders', FUNCTION, true],
    // A wildcard inside a component stays in it: `eu-*` cannot swallow the account.
    ['arn:aws:lambda:eu-*1:function:orders', FUNCTION, false],
    // A short pattern ending in `*` expands beyond the colons.
    ['arn:aws:lambda:*', FUNCTION, true],

    ['arn:aws:s3:::bucket/*', FUNCTION, false]
  ])('Resource %s matches %s: %s', (pattern, resource, matches) => {
    expect(on(pattern, resource)).toBe(matches ? 'allowed' : 'implicit-deny')
  })

  it('a short pattern without a trailing * is not an ARN: cannot be evaluated', () => {
    expect(on('arn:aws:lambda')).toBe('cannot-evaluate')
  })

  it('NotResource applies to every resource it does not list', () => {
    const except = (NotResource: string) =>
      evaluateIdentityPolicies(
        { policies: [policy({ Effect: 'Allow', Action: '*', NotResource })] },
        { action: 'lambda:InvokeFunction', resource: FUNCTION }
      ).decision
    expect(except('arn:aws:s3:::*')).toBe('allowed')
    expect(except('arn:aws:lambda:*:*:function:*')).toBe('implicit-deny')
  })

  it('substitutes policy variables in the resource, and cannot evaluate a missing one', () => {
    const byTag = 'arn:aws:lambda:eu-central-1:111122223333:function:${aws:PrincipalTag/app}'
    const request = (context: Request['context']): Request => ({
      action: 'lambda:InvokeFunction',
      resource: FUNCTION,
      context
    })
    const decide = (context: Request['context']) =>
      evaluateIdentityPolicies(
        { policies: [policy({ Effect: 'Allow', Action: '*', Resource: byTag })] },
        request(context)
      ).decision
    expect(decide({ 'aws:PrincipalTag/app': 'orders' })).toBe('allowed')
    expect(decide({ 'aws:PrincipalTag/app': 'billing' })).toBe('implicit-deny')
    expect(decide({})).toBe('cannot-evaluate')
  })

  it('a trust statement has no Resource; a Resource the request does not name cannot be evaluated', () => {
    expect(trust(policy({ Effect: 'Allow', Principal: '*', Action: '*' }))).toBe('allowed')
    const roleArn = 'arn:aws:iam::111122223333:role/apic'
    const scoped = policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: roleArn })
    expect(trust(scoped)).toBe('cannot-evaluate')
    expect(trust(scoped, assume({ resource: roleArn }))).toBe('allowed')
  })
})

describe('condition operators', () => {
  it.each<[string, PolicyStatement['Condition'], Request['context'], boolean]>([
    [
      'StringEquals',
      { StringEquals: { 'sts:ExternalId': 'abc' } },
      { 'sts:ExternalId': 'abc' },
      true
    ],
    [
      'StringEquals is case-sensitive',
      { StringEquals: { 'sts:ExternalId': 'ABC' } },
      { 'sts:ExternalId': 'abc' },
      false
    ],
    [
      'StringNotEquals',
      { StringNotEquals: { 'sts:ExternalId': 'abc' } },
      { 'sts:ExternalId': 'xyz' },
      true
    ],
    [
      'StringNotEquals, equal',
      { StringNotEquals: { 'sts:ExternalId': 'abc' } },
      { 'sts:ExternalId': 'abc' },
      false
    ],
    [
      'StringEqualsIgnoreCase',
      { StringEqualsIgnoreCase: { 'sts:ExternalId': 'ABC' } },
      { 'sts:ExternalId': 'abc' },
      true
    ],
    [
      'StringEqualsIgnoreCase, other',
      { StringEqualsIgnoreCase: { 'sts:ExternalId': 'ABD' } },
      { 'sts:ExternalId': 'abc' },
      false
    ],
    [
      'StringNotEqualsIgnoreCase',
      { StringNotEqualsIgnoreCase: { 'sts:ExternalId': 'ABC' } },
      { 'sts:ExternalId': 'abc' },
      false
    ],
    [
      'StringNotEqualsIgnoreCase, other',
      { StringNotEqualsIgnoreCase: { 'sts:ExternalId': 'ABD' } },
      { 'sts:ExternalId': 'abc' },
      true
    ],
    [
      'StringLike *',
      { StringLike: { 'sts:RoleSessionName': 'apic-*' } },
      { 'sts:RoleSessionName': 'apic-eu' },
      true
    ],
    [
      'StringLike ?',
      { StringLike: { 'sts:RoleSessionName': 'apic-e?' } },
      { 'sts:RoleSessionName': 'apic-eu' },
      true
    ],
    [
      'StringLike, no match',
      { StringLike: { 'sts:RoleSessionName': 'apic-?' } },
      { 'sts:RoleSessionName': 'apic-eu' },
      false
    ],
    [
      'StringLike is case-sensitive',
      { StringLike: { 'sts:RoleSessionName': 'APIC-*' } },
      { 'sts:RoleSessionName': 'apic-eu' },
      false
    ],
    [
      'StringEquals takes * literally',
      { StringEquals: { 'sts:RoleSessionName': 'apic-*' } },
      { 'sts:RoleSessionName': 'apic-eu' },
      false
    ],
    [
      'StringNotLike',
      { StringNotLike: { 'sts:RoleSessionName': 'admin-*' } },
      { 'sts:RoleSessionName': 'apic-eu' },
      true
    ],
    [
      'StringNotLike, like',
      { StringNotLike: { 'sts:RoleSessionName': 'apic-*' } },
      { 'sts:RoleSessionName': 'apic-eu' },
      false
    ],
    [
      'NumericEquals',
      { NumericEquals: { 'aws:MultiFactorAuthAge': '60' } },
      { 'aws:MultiFactorAuthAge': 60 },
      true
    ],
    [
      'NumericEquals decimals',
      { NumericEquals: { 'aws:MultiFactorAuthAge': '60.0' } },
      { 'aws:MultiFactorAuthAge': '60' },
      true
    ],
    [
      'NumericNotEquals',
      { NumericNotEquals: { 'aws:MultiFactorAuthAge': 60 } },
      { 'aws:MultiFactorAuthAge': '60' },
      false
    ],
    [
      'NumericLessThan',
      { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      { 'aws:MultiFactorAuthAge': '120' },
      true
    ],
    [
      'NumericLessThan, equal',
      { NumericLessThan: { 'aws:MultiFactorAuthAge': '120' } },
      { 'aws:MultiFactorAuthAge': '120' },
      false
    ],
    [
      'NumericLessThanEquals',
      { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '120' } },
      { 'aws:MultiFactorAuthAge': '120' },
      true
    ],
    [
      'NumericGreaterThan',
      { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '120' } },
      { 'aws:MultiFactorAuthAge': '121' },
      true
    ],
    [
      'NumericGreaterThanEquals',
      { NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': '121' } },
      { 'aws:MultiFactorAuthAge': '120' },
      false
    ],
    [
      'DateLessThan ISO',
      { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
      { 'aws:CurrentTime': '2026-05-01T12:00:00Z' },
      true
    ],
    [
      'DateGreaterThan ISO',
      { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
      { 'aws:CurrentTime': '2026-05-01T12:00:00Z' },
      false
    ],
    [
      'DateEquals across zones',
      { DateEquals: { 'aws:CurrentTime': '2026-05-01T14:00:00+02:00' } },
      { 'aws:CurrentTime': '2026-05-01T12:00:00Z' },
      true
    ],
    [
      'DateNotEquals',
      { DateNotEquals: { 'aws:CurrentTime': '2026-05-01' } },
      { 'aws:CurrentTime': '2026-05-01T00:00:00Z' },
      false
    ],
    [
      'DateLessThanEquals epoch',
      { DateLessThanEquals: { 'aws:EpochTime': '1700000000' } },
      { 'aws:EpochTime': 1700000000 },
      true
    ],
    [
      'DateGreaterThanEquals epoch vs ISO',
      { DateGreaterThanEquals: { 'aws:CurrentTime': '1700000000' } },
      { 'aws:CurrentTime': '2023-11-14T22:13:20Z' },
      true
    ],
    ['Bool', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': true }, true],
    [
      'Bool as JSON boolean',
      { Bool: { 'aws:SecureTransport': false } },
      { 'aws:SecureTransport': 'true' },
      false
    ],
    [
      'Bool ignores case',
      { Bool: { 'aws:SecureTransport': 'TRUE' } },
      { 'aws:SecureTransport': 'true' },
      true
    ],
    ['BinaryEquals', { BinaryEquals: { 'x:blob': 'QmluYXJ5' } }, { 'x:blob': 'QmluYXJ5' }, true],
    [
      'BinaryEquals, other',
      { BinaryEquals: { 'x:blob': 'QmluYXJ5' } },
      { 'x:blob': 'QmluYXJ6' },
      false
    ],
    [
      'IpAddress v4 range',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { 'aws:SourceIp': '203.0.113.77' },
      true
    ],
    [
      'IpAddress v4 outside',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { 'aws:SourceIp': '203.0.114.1' },
      false
    ],
    [
      'IpAddress single host',
      { IpAddress: { 'aws:SourceIp': '203.0.113.7' } },
      { 'aws:SourceIp': '203.0.113.7' },
      true
    ],
    [
      'IpAddress v6',
      { IpAddress: { 'aws:SourceIp': '2001:DB8:1234:5678::/64' } },
      { 'aws:SourceIp': '2001:db8:1234:5678:0:0:0:1' },
      true
    ],
    [
      'IpAddress v6 outside',
      { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
      { 'aws:SourceIp': '2001:db9::1' },
      false
    ],
    [
      'IpAddress v4 vs v6',
      { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
      { 'aws:SourceIp': '::1' },
      false
    ],
    [
      'NotIpAddress',
      { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } },
      { 'aws:SourceIp': '203.0.113.1' },
      true
    ],
    [
      'NotIpAddress, inside',
      { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } },
      { 'aws:SourceIp': '10.1.2.3' },
      false
    ],
    [
      'ArnEquals',
      { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::bucket' } },
      { 'aws:SourceArn': 'arn:aws:s3:::bucket' },
      true
    ],
    [
      'ArnLike',
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ibm-*' } },
      { 'aws:PrincipalArn': IBM_ROLE },
      true
    ],
    [
      'ArnEquals behaves as ArnLike',
      { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ibm-*' } },
      { 'aws:PrincipalArn': IBM_ROLE },
      true
    ],
    [
      'ArnLike per component',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:someservice:*:111122223333:finance/*' } },
      {
        'aws:SourceArn':
          'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt'
      },
      false
    ],
    [
      'ArnNotLike',
      { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin-*' } },
      { 'aws:PrincipalArn': IBM_ROLE },
      true
    ],
    [
      'ArnNotEquals, equal',
      { ArnNotEquals: { 'aws:PrincipalArn': IBM_ROLE } },
      { 'aws:PrincipalArn': IBM_ROLE },
      false
    ]
  ])('%s → %s', (_, condition, context, matches) => {
    expect(withCondition(condition, context)).toBe(matches ? 'allowed' : 'implicit-deny')
  })

  it.each<[string, PolicyStatement['Condition'], Request['context']]>([
    [
      'a number that is not one',
      { NumericLessThan: { 'aws:MultiFactorAuthAge': 'soon' } },
      { 'aws:MultiFactorAuthAge': '1' }
    ],
    [
      'a date that is not one',
      { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } },
      { 'aws:CurrentTime': '2026-01-01' }
    ],
    [
      'a four-digit date (year or epoch?)',
      { DateLessThan: { 'aws:CurrentTime': '2030' } },
      { 'aws:CurrentTime': '2026-01-01' }
    ],
    [
      'a boolean that is not one',
      { Bool: { 'aws:SecureTransport': 'yes' } },
      { 'aws:SecureTransport': 'true' }
    ],
    [
      'an IP range that is not one',
      { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } },
      { 'aws:SourceIp': '10.0.0.1' }
    ],
    [
      'an ARN that is not one',
      { ArnLike: { 'aws:SourceArn': 'bucket' } },
      { 'aws:SourceArn': 'arn:aws:s3:::bucket' }
    ],
    [
      'a value that is an object',
      { StringEquals: { 'sts:ExternalId': { a: 1 } as never } },
      { 'sts:ExternalId': 'a' }
    ],
    [
      'an operator with a wrong case',
      { stringequals: { 'sts:ExternalId': 'a' } },
      { 'sts:ExternalId': 'a' }
    ]
  ])('%s cannot be evaluated', (_, condition, context) => {
    expect(withCondition(condition, context)).toBe('cannot-evaluate')
  })

  it('condition keys are case-insensitive, values are not', () => {
    expect(
      withCondition({ StringEquals: { 'STS:EXTERNALID': 'abc' } }, { 'sts:externalId': 'abc' })
    ).toBe('allowed')
    expect(
      withCondition({ StringEquals: { 'sts:ExternalId': 'abc' } }, { 'sts:externalid': 'ABC' })
    ).toBe('implicit-deny')
  })

  it('ORs the values of one key and ANDs keys and operators', () => {
    const condition = {
      StringEquals: { 'sts:ExternalId': ['a', 'b'], 'aws:PrincipalTag/team': 'apic' },
      Bool: { 'aws:SecureTransport': 'true' }
    }
    const all = {
      'sts:ExternalId': 'b',
      'aws:PrincipalTag/team': 'apic',
      'aws:SecureTransport': 'true'
    }
    expect(withCondition(condition, all)).toBe('allowed')
    expect(withCondition(condition, { ...all, 'sts:ExternalId': 'c' })).toBe('implicit-deny')
    expect(withCondition(condition, { ...all, 'aws:PrincipalTag/team': 'ops' })).toBe(
      'implicit-deny'
    )
    expect(withCondition(condition, { ...all, 'aws:SecureTransport': 'false' })).toBe(
      'implicit-deny'
    )
  })

  it('a negated operator with several values matches none of them (NOR)', () => {
    const condition = { StringNotEquals: { 'sts:ExternalId': ['a', 'b'] } }
    expect(withCondition(condition, { 'sts:ExternalId': 'c' })).toBe('allowed')
    expect(withCondition(condition, { 'sts:ExternalId': 'a' })).toBe('implicit-deny')
    expect(withCondition(condition, { 'sts:ExternalId': 'b' })).toBe('implicit-deny')
  })

  it('a missing key fails a positive operator and satisfies a negated one', () => {
    expect(withCondition({ StringEquals: { 'sts:ExternalId': 'a' } })).toBe('implicit-deny')
    expect(withCondition({ StringNotEquals: { 'sts:ExternalId': 'a' } })).toBe('allowed')
    expect(withCondition({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })).toBe('allowed')
    expect(withCondition({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } })).toBe('allowed')
  })

  it('IfExists: a missing key matches; a present one is tested', () => {
    const condition = { StringEqualsIfExists: { 'sts:ExternalId': 'a' } }
    expect(withCondition(condition)).toBe('allowed')
    expect(withCondition(condition, { 'sts:ExternalId': 'a' })).toBe('allowed')
    expect(withCondition(condition, { 'sts:ExternalId': 'b' })).toBe('implicit-deny')
    expect(
      withCondition(
        { NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '60' } },
        { 'aws:MultiFactorAuthAge': '61' }
      )
    ).toBe('implicit-deny')
  })

  it('Null: "true" wants the key absent, "false" wants it present', () => {
    expect(withCondition({ Null: { 'sts:ExternalId': 'true' } })).toBe('allowed')
    expect(withCondition({ Null: { 'sts:ExternalId': 'true' } }, { 'sts:ExternalId': 'a' })).toBe(
      'implicit-deny'
    )
    expect(withCondition({ Null: { 'sts:ExternalId': false } }, { 'sts:ExternalId': 'a' })).toBe(
      'allowed'
    )
    expect(withCondition({ Null: { 'sts:ExternalId': 'false' } })).toBe('implicit-deny')
    expect(withCondition({ NullIfExists: { 'sts:ExternalId': 'true' } })).toBe('cannot-evaluate')
  })

  it('a multivalued key with a single-value operator cannot be evaluated', () => {
    expect(
      withCondition({ StringEquals: { 'aws:TagKeys': 'team' } }, { 'aws:TagKeys': ['team'] })
    ).toBe('cannot-evaluate')
  })
})

describe('set operators', () => {
  const tags = (value: string[] | undefined): Request['context'] =>
    value ? { 'aws:TagKeys': value } : {}

  it('ForAnyValue: some request value matches some policy value; a missing key fails', () => {
    const condition = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } }
    expect(withCondition(condition, tags(['env', 'team']))).toBe('allowed')
    expect(withCondition(condition, tags(['env']))).toBe('implicit-deny')
    expect(withCondition(condition, tags([]))).toBe('implicit-deny')
    expect(withCondition(condition, tags(undefined))).toBe('implicit-deny')
    // A single-valued key is a one-element set.
    expect(
      withCondition(
        { 'ForAnyValue:StringLike': { 'sts:ExternalId': 'a*' } },
        { 'sts:ExternalId': 'abc' }
      )
    ).toBe('allowed')
  })

  it('ForAllValues: every request value matches some policy value; a missing key or empty set holds', () => {
    const condition = { 'ForAllValues:StringLike': { 'aws:TagKeys': ['team', 'cost-*'] } }
    expect(withCondition(condition, tags(['team', 'cost-centre']))).toBe('allowed')
    expect(withCondition(condition, tags(['team', 'env']))).toBe('implicit-deny')
    expect(withCondition(condition, tags([]))).toBe('allowed')
    expect(withCondition(condition, tags(undefined))).toBe('allowed')
  })

  it('negated operators under a set operator test each request value with NOR', () => {
    const forAll = { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['secret', 'admin'] } }
    expect(withCondition(forAll, tags(['team', 'env']))).toBe('allowed')
    expect(withCondition(forAll, tags(['team', 'admin']))).toBe('implicit-deny')
    const forAny = { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['secret', 'admin'] } }
    expect(withCondition(forAny, tags(['admin', 'team']))).toBe('allowed')
    expect(withCondition(forAny, tags(['admin', 'secret']))).toBe('implicit-deny')
    expect(withCondition(forAny, tags(undefined))).toBe('implicit-deny')
  })

  it('IfExists makes a missing key match under ForAnyValue too', () => {
    const condition = { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'team' } }
    expect(withCondition(condition, tags(undefined))).toBe('allowed')
    expect(withCondition(condition, tags(['env']))).toBe('implicit-deny')
  })

  it('an unknown set operator cannot be evaluated', () => {
    expect(
      withCondition({ 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } }, tags(['a']))
    ).toBe('cannot-evaluate')
  })
})

describe('policy variables', () => {
  const external = (value: string, context: Request['context'], Version = '2012-10-17') =>
    trust(
      {
        Version,
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: '*',
            Condition: { StringEquals: { 'sts:ExternalId': value } }
          }
        ]
      },
      assume({ context })
    )

  it('substitutes a context key', () => {
    const context = { 'sts:ExternalId': 'org-apic', 'aws:PrincipalTag/org': 'apic' }
    expect(external('org-${aws:PrincipalTag/org}', context)).toBe('allowed')
    expect(
      external('org-${aws:principaltag/org}', { ...context, 'aws:PrincipalTag/org': 'x' })
    ).toBe('implicit-deny')
  })

  it('uses the default value of an absent key', () => {
    expect(external("org-${aws:PrincipalTag/org, 'apic'}", { 'sts:ExternalId': 'org-apic' })).toBe(
      'allowed'
    )
    expect(external("org-${aws:PrincipalTag/org, 'other'}", { 'sts:ExternalId': 'org-apic' })).toBe(
      'implicit-deny'
    )
  })

  it('${*}, ${?} and ${$} stand for the literal characters', () => {
    expect(external('a${*}b${?}c${$}', { 'sts:ExternalId': 'a*b?c$' })).toBe('allowed')
    expect(
      withCondition({ StringLike: { 'sts:ExternalId': 'a${*}' } }, { 'sts:ExternalId': 'abc' })
    ).toBe('implicit-deny')
  })

  it('a variable without a value, or naming a multivalued key, cannot be evaluated', () => {
    expect(external('${aws:PrincipalTag/org}', { 'sts:ExternalId': 'x' })).toBe('cannot-evaluate')
    expect(external('${aws:TagKeys}', { 'sts:ExternalId': 'x', 'aws:TagKeys': ['a'] })).toBe(
      'cannot-evaluate'
    )
  })

  it('is literal text before policy language version 2012-10-17', () => {
    expect(
      external(
        '${aws:PrincipalTag/org}',
        { 'sts:ExternalId': '${aws:PrincipalTag/org}' },
        '2008-10-17'
      )
    ).toBe('allowed')
  })

  it('fills aws:PrincipalArn and aws:PrincipalAccount from the caller, unless the request sets them', () => {
    expect(withCondition({ ArnEquals: { 'aws:PrincipalArn': IBM_ROLE } })).toBe('allowed')
    expect(withCondition({ StringEquals: { 'aws:PrincipalAccount': '623947394061' } })).toBe(
      'allowed'
    )
    expect(
      withCondition(
        { StringEquals: { 'aws:PrincipalAccount': '623947394061' } },
        { 'aws:principalaccount': '1' }
      )
    ).toBe('implicit-deny')
  })
})

describe('why a request is denied', () => {
  const EU_WEST = 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a'
  const US_EAST = 'arn:aws:iam::623947394061:role/ibm-apiconnect-us-east-a'
  const PROVIDER_ORG = 'ac51909e-5d1c-4d2a-9b7e-3f0a1c2d4e5f'
  const OTHER_ORG = '11111111-2222-4333-8444-555555555555'
  const ours: PolicyStatement = {
    Sid: 'ApiConnectAssumeRole',
    Effect: 'Allow',
    Principal: { AWS: EU_WEST },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': OTHER_ORG } }
  }
  const apiConnect = (overrides: Partial<Request> = {}): Request =>
    assume({
      principal: { AWS: EU_WEST },
      context: { 'sts:ExternalId': PROVIDER_ORG },
      ...overrides
    })
  const HEADLINE = `no statement in the policy allows sts:AssumeRole by ${EU_WEST}`
  /** The reason after the unchanged headline, which existing reports and tests match on. */
  const why = (document: PolicyDocument, request: Request = apiConnect()) => {
    const evaluation = evaluateResourcePolicy(document, request)
    expect(evaluation.decision).toBe('implicit-deny')
    expect(evaluation.reason).not.toContain('\n')
    return evaluation.reason
  }

  describe('a trust policy', () => {
    it('names the condition that does not hold, with the value the request has', () => {
      expect(why(policy(ours))).toBe(
        `${HEADLINE}; statement "ApiConnectAssumeRole" names the principal and the action, but ` +
          `its condition StringEquals sts:ExternalId ["${OTHER_ORG}"] does not hold for the ` +
          `request (sts:ExternalId = "${PROVIDER_ORG}")`
      )
    })

    it('says when the request has no value for the condition key', () => {
      expect(why(policy(ours), apiConnect({ context: {} }))).toMatch(
        /StringEquals sts:ExternalId \[".*"\] does not hold: the request has no sts:ExternalId$/
      )
    })

    it('names the principals a statement allows instead of the caller', () => {
      const usEast = {
        Effect: 'Allow' as const,
        Principal: { AWS: US_EAST },
        Action: 'sts:AssumeRole'
      }
      expect(why(policy(usEast))).toBe(
        `${HEADLINE}; statement "Statement[0]" allows sts:AssumeRole, but for ${US_EAST}, not ` +
          'this principal'
      )
      // NotPrincipal excludes a session only when it names its account, role and session.
      const session = 'arn:aws:sts::623947394061:assumed-role/ibm-apiconnect-eu-west-a/gw'
      const excluded = ['arn:aws:iam::623947394061:root', EU_WEST, session]
      const everyone = policy({ ...usEast, NotPrincipal: { AWS: excluded }, Principal: undefined })
      expect(why(everyone, apiConnect({ principal: { AWS: session } }))).toMatch(
        /statement "Statement\[0\]" allows sts:AssumeRole, but its NotPrincipal excludes this principal$/
      )
    })

    it('names the statement that names the principal but not the action', () => {
      const tagOnly = { ...ours, Action: 'sts:TagSession' }
      expect(why(policy(tagOnly))).toMatch(
        /; statement "ApiConnectAssumeRole" names the principal, but not sts:AssumeRole$/
      )
      const notAssume = { ...ours, Action: undefined, NotAction: 'sts:Assume*' }
      expect(why(policy(notAssume))).toMatch(/but its NotAction excludes sts:AssumeRole$/)
    })

    it('says when no statement names this action or this principal at all', () => {
      const lambda: PolicyStatement = {
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 's3:GetObject'
      }
      expect(why(policy(lambda))).toBe(
        `${HEADLINE}; no statement names this principal or allows sts:AssumeRole`
      )
    })

    it('says when there is no Allow statement', () => {
      expect(why(policy())).toBe(`${HEADLINE}; there is no Allow statement in the policy`)
      const denyOnly: PolicyStatement = { Effect: 'Deny', Principal: '*', Action: 's3:*' }
      expect(why(policy(denyOnly))).toBe(`${HEADLINE}; there is no Allow statement in the policy`)
    })

    it('picks the statement that matches the most, the principal weighing most', () => {
      const otherPrincipal = {
        ...ours,
        Sid: 'UsEast',
        Principal: { AWS: US_EAST },
        Condition: undefined
      }
      const otherAction = { ...ours, Sid: 'Tagging', Action: 'sts:TagSession' }
      // Matching the principal outweighs matching the action and the condition.
      expect(why(policy(otherPrincipal, otherAction))).toMatch(/"Tagging" names the principal/)
      // Then the action: the statement with the right principal and action is closest.
      expect(why(policy(otherPrincipal, otherAction, ours))).toMatch(
        /"ApiConnectAssumeRole" names the principal and the action, but its condition/
      )
      // Equals: the first one in the document.
      const again = { ...otherAction, Sid: 'TaggingAgain' }
      expect(why(policy(otherAction, again))).toMatch(/"Tagging" names/)
    })

    it('never says a statement names what could not be evaluated', () => {
      // Naming one session of the role: whether it names the caller is unknown.
      const session = {
        ...ours,
        Principal: { AWS: 'arn:aws:sts::623947394061:assumed-role/ibm-apiconnect-eu-west-a/gw' }
      }
      expect(why(policy(session))).toMatch(
        /; statement "ApiConnectAssumeRole" names the action, but its condition StringEquals/
      )
    })

    it('shows a few values of a long list, and how many more there are', () => {
      const many = {
        ...ours,
        Condition: { StringEquals: { 'sts:ExternalId': ['a', 'b', 'c', 'd', 'e'] } }
      }
      expect(why(policy(many))).toContain('StringEquals sts:ExternalId ["a", "b", "c" and 2 more]')
      const principals = {
        ...ours,
        Principal: { AWS: ['111122223333', '444455556666', '777788889999', US_EAST] }
      }
      expect(why(policy(principals))).toContain(
        'but for 111122223333, 444455556666, 777788889999 and 1 more, not this principal'
      )
    })

    it('keeps the reason of an explicit deny, and of a Deny that could not be evaluated', () => {
      const lockdown: PolicyStatement = {
        Sid: 'Lockdown',
        Effect: 'Deny',
        Principal: '*',
        Action: '*'
      }
      expect(
        evaluateResourcePolicy(policy({ ...ours, Condition: undefined }, lockdown), apiConnect())
          .reason
      ).toBe('explicitly denied by "Lockdown"')
      const odd = { ...lockdown, Condition: { StringMatchesRegex: { 'sts:ExternalId': '.*' } } }
      expect(why(policy(ours, odd))).toMatch(
        /does not hold for the request \(sts:ExternalId = ".*"\); a Deny could not be evaluated: "Lockdown"/
      )
    })

    it('does not change a decision or an allowed reason', () => {
      expect(
        evaluateResourcePolicy(
          policy(ours),
          apiConnect({ context: { 'sts:ExternalId': OTHER_ORG } })
        )
      ).toEqual({
        decision: 'allowed',
        statements: ['ApiConnectAssumeRole'],
        reason: 'allowed by "ApiConnectAssumeRole"'
      })
    })
  })

  describe('identity policies and a permissions boundary', () => {
    const ROLE = 'arn:aws:iam::123456789012:role/apic-invoke'
    const fn = (name: string) => `arn:aws:lambda:eu-west-2:123456789012:function:${name}`
    const BOUNDARY = 'arn:aws:iam::123456789012:policy/DeveloperBoundary'
    const grant = (Resource: string | string[], extra: Partial<PolicyStatement> = {}) =>
      policy({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource, ...extra })
    const invokeOrders: Request = {
      principal: { AWS: ROLE },
      action: 'lambda:InvokeFunction',
      resource: fn('orders')
    }
    const denial = (input: Parameters<typeof evaluateIdentityPolicies>[0]) => {
      const evaluation = evaluateIdentityPolicies(input, invokeOrders)
      expect(evaluation.decision).toBe('implicit-deny')
      return evaluation.reason
    }
    const IDENTITY_HEADLINE = `no statement in the identity policies allows lambda:InvokeFunction by ${ROLE} on ${fn('orders')}`

    it('names the policy that allows the action on another resource', () => {
      const payments = { name: 'invoke-orders@eu-west-2', document: grant(fn('payments')) }
      expect(denial({ policies: [payments] })).toBe(
        `${IDENTITY_HEADLINE}; policy "invoke-orders@eu-west-2" allows lambda:InvokeFunction on ` +
          `${fn('payments')}, not on ${fn('orders')}`
      )
      const except = {
        name: 'p',
        document: grant(fn('x'), { Resource: undefined, NotResource: fn('ord*') })
      }
      expect(denial({ policies: [except] })).toMatch(
        /; policy "p" allows lambda:InvokeFunction, but its NotResource excludes arn:\S+:function:orders$/
      )
    })

    it('names the statement within a policy of several', () => {
      const document = policy(
        { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        {
          Sid: 'Invoke',
          Effect: 'Allow',
          Action: 'lambda:InvokeFunction',
          Resource: fn('payments')
        }
      )
      expect(denial({ policies: [{ name: 'app', document }] })).toMatch(
        /; policy "app", statement "Invoke" allows lambda:InvokeFunction on /
      )
    })

    it('names the condition of an identity statement that does not hold', () => {
      const secure = {
        name: 'p',
        document: grant(fn('orders'), { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })
      }
      expect(denial({ policies: [secure] })).toMatch(
        /; policy "p" names the action and the resource, but its condition Bool aws:SecureTransport \["true"\] does not hold: the request has no aws:SecureTransport$/
      )
    })

    it('says when no identity policy names the action at all', () => {
      const s3 = {
        name: 'read',
        document: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })
      }
      expect(denial({ policies: [s3] })).toBe(
        `${IDENTITY_HEADLINE}; no identity policy allows lambda:InvokeFunction`
      )
      expect(denial({ policies: [] })).toBe(
        `${IDENTITY_HEADLINE}; there is no Allow statement in the identity policies`
      )
    })

    it('names the permissions boundary that does not allow the action', () => {
      const boundary = {
        name: BOUNDARY,
        document: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })
      }
      const orders = { name: 'invoke-orders', document: grant(fn('orders')) }
      expect(denial({ policies: [orders], boundary })).toBe(
        `no statement in the permissions boundary allows lambda:InvokeFunction by ${ROLE} on ` +
          `${fn('orders')}; the permissions boundary "${BOUNDARY}" does not allow lambda:InvokeFunction`
      )
    })

    it('explains the identity policies and the boundary when neither allows', () => {
      const payments = { name: 'invoke-payments', document: grant(fn('payments')) }
      const boundary = { name: BOUNDARY, document: grant(fn('billing')) }
      expect(denial({ policies: [payments], boundary })).toBe(
        'no statement in the identity policies or the permissions boundary allows ' +
          `lambda:InvokeFunction by ${ROLE} on ${fn('orders')}; policy "invoke-payments" allows ` +
          `lambda:InvokeFunction on ${fn('payments')}, not on ${fn('orders')}; the permissions ` +
          `boundary "${BOUNDARY}" allows lambda:InvokeFunction on ${fn('billing')}, not on ${fn('orders')}`
      )
    })

    it('keeps the reason of an explicit deny', () => {
      const freeze = {
        name: 'freeze',
        document: policy({ Sid: 'Freeze', Effect: 'Deny', Action: 'lambda:*', Resource: '*' })
      }
      const orders = { name: 'invoke-orders', document: grant(fn('orders')) }
      expect(evaluateIdentityPolicies({ policies: [orders, freeze] }, invokeOrders)).toEqual({
        decision: 'explicit-deny',
        statements: ['freeze: Freeze'],
        reason: 'explicitly denied by "freeze: Freeze"'
      })
    })
  })
})

describe('parsePolicyDocument', () => {
  const document = policy(apiConnectTrust)
  const json = JSON.stringify(document, null, 2)

  it('reads raw JSON', () => {
    expect(parsePolicyDocument(json)).toEqual(document)
  })

  it('reads the URL-encoded form IAM returns', () => {
    expect(parsePolicyDocument(encodeURIComponent(json))).toEqual(document)
    // Form encoding writes spaces as "+".
    expect(parsePolicyDocument(encodeURIComponent(json).replace(/%20/g, '+'))).toEqual(document)
  })

  it('keeps a literal "+" that was percent-encoded', () => {
    const plus = policy({
      ...apiConnectTrust,
      Condition: { StringEquals: { 'sts:ExternalId': 'a+b c' } }
    })
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(plus)))).toEqual(plus)
  })

  it.each(['', 'not json', '%7B%22a%22%3A1%7D', '[1,2]', '%E0%A4%A'])('throws on %j', text => {
    expect(() => parsePolicyDocument(text)).toThrow('not an IAM policy document')
  })
})
