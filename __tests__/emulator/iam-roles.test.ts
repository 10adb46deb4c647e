// IAM roles through the real client: documents come back URL-encoded, IAM's validation and error
// answers, and the propagation window after CreateRole.
import {
  CreatePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  ListRoleTagsCommand,
  PutRolePermissionsBoundaryCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  waitUntilRoleExists
} from '@aws-sdk/client-iam'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import {
  ACCOUNT,
  IBM_US_EAST,
  LAMBDA_TRUST,
  apiConnectTrust,
  clients,
  rejectionOf
} from './helpers.js'

const PARTNER = 'arn:aws:iam::111122223333:role/partner'

let emulator: Emulator
let iam: ReturnType<typeof clients>['iam']

beforeAll(async () => {
  emulator = await startEmulator({ externalPrincipals: [PARTNER] })
  iam = clients(emulator.url).iam
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

function createRole(name: string, trust = apiConnectTrust(), extra: object = {}) {
  return iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust, ...extra })
  )
}

function trustFor(principal: object) {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }]
  })
}

describe('CreateRole and GetRole', () => {
  test('store the document as sent and return it RFC 3986 URL-encoded', async () => {
    // Pretty-printed, with characters encodeURIComponent leaves alone but IAM encodes.
    const trust = JSON.stringify(JSON.parse(apiConnectTrust()), null, 2).replace(
      'ApiConnect',
      "Api(Connect)!*'"
    )
    const created = await createRole('apic-invoke', trust, {
      Path: '/apic/',
      Description: 'API Connect invokes Lambda',
      MaxSessionDuration: 7200,
      Tags: [{ Key: 'team', Value: 'integration' }]
    })
    const encoded = created.Role!.AssumeRolePolicyDocument!
    expect(encoded).not.toMatch(/[{}":\s!*'()]/)
    expect(encoded).toContain('%28Connect%29%21%2A%27')
    expect(decodeURIComponent(encoded)).toBe(trust)

    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'apic-invoke' }))
    expect(Role).toMatchObject({
      RoleName: 'apic-invoke',
      Path: '/apic/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/apic/apic-invoke`,
      Description: 'API Connect invokes Lambda',
      MaxSessionDuration: 7200,
      Tags: [{ Key: 'team', Value: 'integration' }],
      AssumeRolePolicyDocument: encoded,
      RoleId: created.Role!.RoleId
    })
    expect(Role!.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/)
    expect(Role!.CreateDate).toBeInstanceOf(Date)
    expect(Math.abs(Role!.CreateDate!.getTime() - Date.now())).toBeLessThan(5000)
    expect(Role!.PermissionsBoundary).toBeUndefined()
  })

  test('role names are unique regardless of case', async () => {
    await createRole('apic-invoke')
    const error = await rejectionOf(createRole('APIC-Invoke'))
    expect(error.name).toBe('EntityAlreadyExistsException')
    expect(error.message).toBe('Role with name APIC-Invoke already exists.')
    expect(error.$metadata.httpStatusCode).toBe(409)
    await expect(iam.send(new GetRoleCommand({ RoleName: 'APIC-INVOKE' }))).resolves.toBeDefined()
  })

  test('a missing role is NoSuchEntity (404)', async () => {
    const error = await rejectionOf(iam.send(new GetRoleCommand({ RoleName: 'nope' })))
    expect(error.name).toBe('NoSuchEntityException')
    expect(error.message).toBe('The role with name nope cannot be found.')
    expect(error.$metadata.httpStatusCode).toBe(404)
  })

  test.each([
    [
      'a name with a space',
      { RoleName: 'bad name' },
      "Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
    ],
    [
      'a name over 64 characters',
      { RoleName: 'r'.repeat(65) },
      'Member must have length less than or equal to 64'
    ],
    [
      'a path without slashes',
      { RoleName: 'ok', Path: 'apic' },
      "Value 'apic' at 'path' failed to satisfy constraint"
    ],
    [
      'a session duration over 12 hours',
      { RoleName: 'ok', MaxSessionDuration: 50000 },
      'Member must have value between 3600 and 43200'
    ]
  ])('%s is a ValidationError', async (_label, input, message) => {
    const error = await rejectionOf(
      iam.send(new CreateRoleCommand({ AssumeRolePolicyDocument: apiConnectTrust(), ...input }))
    )
    expect(error.name).toBe('ValidationError')
    expect(error.message).toContain(message)
    expect(error.$metadata.httpStatusCode).toBe(400)
  })

  const statement = { Effect: 'Allow', Principal: { AWS: IBM_US_EAST }, Action: 'sts:AssumeRole' }
  test.each([
    ['invalid JSON', '{"Version": "2012-10-17", ', 'This policy contains invalid Json'],
    ['no Version', JSON.stringify({ Statement: [statement] }), 'Syntax errors in policy.'],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), 'Syntax errors in policy.'],
    [
      'an unknown Version',
      JSON.stringify({ Version: '2020-01-01', Statement: [statement] }),
      'The policy failed legacy parsing'
    ],
    [
      'a bad Effect',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ ...statement, Effect: 'Permit' }] }),
      'Syntax errors in policy.'
    ],
    [
      'no Action',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ ...statement, Action: undefined }] }),
      'Policy statement must contain actions.'
    ],
    [
      'no Principal',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ ...statement, Principal: undefined }]
      }),
      'Missing required field Principal.'
    ],
    [
      'a Resource',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ ...statement, Resource: '*' }] }),
      'Has prohibited field Resource.'
    ]
  ])('a trust policy with %s is MalformedPolicyDocument', async (_label, document, message) => {
    const error = await rejectionOf(createRole('apic-invoke', document))
    expect(error.name).toBe('MalformedPolicyDocumentException')
    expect(error.message).toBe(message)
    expect(error.$metadata.httpStatusCode).toBe(400)
  })

  test('a principal IAM does not know is rejected, naming it', async () => {
    const unknown = 'arn:aws:iam::623947394061:role/ibm-apiconnect-ap-south-a'
    const error = await rejectionOf(createRole('apic-invoke', apiConnectTrust(unknown)))
    expect(error.name).toBe('MalformedPolicyDocumentException')
    expect(error.message).toBe(`Invalid principal in policy: "AWS":"${unknown}"`)
    const service = await rejectionOf(createRole('x', trustFor({ Service: 'lambda.example.com' })))
    expect(service.message).toBe('Invalid principal in policy: "SERVICE":"lambda.example.com"')
  })

  test.each([
    ['IBM us-east-a', { AWS: IBM_US_EAST }],
    ['IBM eu-central-a', { AWS: 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-central-a' }],
    ['IBM eu-west-a', { AWS: 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a' }],
    ['an added external principal', { AWS: PARTNER }],
    ['the caller user', { AWS: `arn:aws:iam::${ACCOUNT}:user/ci-deployer` }],
    ['an account root', { AWS: 'arn:aws:iam::999999999999:root' }],
    ['an account id', { AWS: '999999999999' }],
    ['everyone', { AWS: '*' }],
    ['a service', { Service: ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] }]
  ])('%s is a principal IAM accepts', async (_label, principal) => {
    await expect(createRole('apic-invoke', trustFor(principal))).resolves.toBeDefined()
  })

  test('a role of the emulator (once created) is a valid principal', async () => {
    const other = `arn:aws:iam::${ACCOUNT}:role/other`
    await expect(createRole('a', trustFor({ AWS: other }))).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException'
    })
    await createRole('other', LAMBDA_TRUST)
    await expect(createRole('a', trustFor({ AWS: other }))).resolves.toBeDefined()
  })
})

describe('IAM propagation', () => {
  test('a new role is invisible to GetRole for iamPropagationMs; the SDK waiter sees it', async () => {
    emulator.configure({ iamPropagationMs: 200 })
    try {
      await createRole('apic-invoke')
      await expect(iam.send(new GetRoleCommand({ RoleName: 'apic-invoke' }))).rejects.toMatchObject(
        {
          name: 'NoSuchEntityException'
        }
      )
      const result = await waitUntilRoleExists(
        { client: iam, maxWaitTime: 10, minDelay: 1 },
        { RoleName: 'apic-invoke' }
      )
      expect(result.state).toBe('SUCCESS')
      const getRoles = emulator.log.filter(e => e.operation === 'GetRole')
      expect(getRoles[0]).toMatchObject({ status: 404, errorCode: 'NoSuchEntity' })
      expect(getRoles.at(-1)).toMatchObject({ status: 200 })
    } finally {
      emulator.configure({ iamPropagationMs: 0 })
    }
  })
})

describe('updating a role', () => {
  test('UpdateAssumeRolePolicy replaces the trust; an invalid one leaves it unchanged', async () => {
    await createRole('apic-invoke')
    const next = apiConnectTrust(IBM_US_EAST, 'another-org')
    await iam.send(
      new UpdateAssumeRolePolicyCommand({ RoleName: 'apic-invoke', PolicyDocument: next })
    )
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'apic-invoke' }))
    expect(decodeURIComponent(Role!.AssumeRolePolicyDocument!)).toBe(next)

    const error = await rejectionOf(
      iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'apic-invoke', PolicyDocument: '{' }))
    )
    expect(error.name).toBe('MalformedPolicyDocumentException')
    const after = await iam.send(new GetRoleCommand({ RoleName: 'apic-invoke' }))
    expect(decodeURIComponent(after.Role!.AssumeRolePolicyDocument!)).toBe(next)

    await expect(
      iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'missing', PolicyDocument: next }))
    ).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  })

  test('UpdateRole changes description and session duration', async () => {
    await createRole('apic-invoke')
    await iam.send(
      new UpdateRoleCommand({
        RoleName: 'apic-invoke',
        Description: 'new',
        MaxSessionDuration: 3600 * 4
      })
    )
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'apic-invoke' }))
    expect(Role).toMatchObject({ Description: 'new', MaxSessionDuration: 14400 })
  })

  test('TagRole adds and overwrites tags; ListRoleTags lists them', async () => {
    await createRole('apic-invoke', apiConnectTrust(), { Tags: [{ Key: 'a', Value: '1' }] })
    await iam.send(
      new TagRoleCommand({
        RoleName: 'apic-invoke',
        Tags: [
          { Key: 'a', Value: '2' },
          { Key: 'b', Value: '3' }
        ]
      })
    )
    const { Tags, IsTruncated } = await iam.send(
      new ListRoleTagsCommand({ RoleName: 'apic-invoke' })
    )
    expect(Tags).toEqual([
      { Key: 'a', Value: '2' },
      { Key: 'b', Value: '3' }
    ])
    expect(IsTruncated).toBe(false)
    await expect(
      iam.send(new TagRoleCommand({ RoleName: 'missing', Tags: [{ Key: 'a', Value: '1' }] }))
    ).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  })

  test('PutRolePermissionsBoundary needs an existing policy and shows on GetRole', async () => {
    await createRole('apic-invoke')
    const missing = `arn:aws:iam::${ACCOUNT}:policy/boundary`
    const error = await rejectionOf(
      iam.send(
        new PutRolePermissionsBoundaryCommand({
          RoleName: 'apic-invoke',
          PermissionsBoundary: missing
        })
      )
    )
    expect(error.name).toBe('NoSuchEntityException')
    expect(error.message).toBe(`Scope ARN: ${missing} does not exist or is not attachable.`)

    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }]
    })
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'boundary', PolicyDocument: document })
    )
    await iam.send(
      new PutRolePermissionsBoundaryCommand({
        RoleName: 'apic-invoke',
        PermissionsBoundary: Policy!.Arn
      })
    )
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'apic-invoke' }))
    expect(Role!.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: missing
    })
  })
})
