// STS through the real client: who the caller is, and AssumeRole gated by the trust policy.
import { CreateRoleCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { ACCOUNT, IBM_US_EAST, ORG_ID, apiConnectTrust, clients, rejectionOf } from './helpers.js'

const IBM_KEY = 'AKIAIBMEXAMPLE'
const IBM_SESSION = `arn:aws:sts::623947394061:assumed-role/ibm-apiconnect-us-east-a/${IBM_KEY}`
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/apic-invoke`

let emulator: Emulator
let ci: ReturnType<typeof clients>
let ibm: ReturnType<typeof clients>

beforeAll(async () => {
  emulator = await startEmulator({ identities: { [IBM_KEY]: IBM_US_EAST } })
  ci = clients(emulator.url)
  ibm = clients(emulator.url, { credentials: { accessKeyId: IBM_KEY, secretAccessKey: 'x' } })
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

async function createRole(trust: string | object, name = 'apic-invoke') {
  const document = typeof trust === 'string' ? trust : JSON.stringify(trust)
  await ci.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: document }))
}

/** `null`: no external id at all. */
function assume(client = ibm, externalId: string | null = ORG_ID) {
  return client.sts.send(
    new AssumeRoleCommand({
      RoleArn: ROLE_ARN,
      RoleSessionName: 'apic',
      ExternalId: externalId ?? undefined
    })
  )
}

describe('GetCallerIdentity', () => {
  test('the default access key is the configured CI user', async () => {
    const identity = await ci.sts.send(new GetCallerIdentityCommand({}))
    expect(identity.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/ci-deployer`)
    expect(identity.Account).toBe(ACCOUNT)
    expect(identity.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/)
    expect(emulator.log.at(-1)).toMatchObject({
      service: 'sts',
      operation: 'GetCallerIdentity',
      status: 200,
      accessKeyId: 'AKIAEXAMPLE'
    })
  })

  test('the caller ARN can change while the emulator runs', async () => {
    emulator.configure({ callerArn: `arn:aws:iam::${ACCOUNT}:user/someone-else` })
    try {
      const identity = await ci.sts.send(new GetCallerIdentityCommand({}))
      expect(identity.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/someone-else`)
    } finally {
      emulator.configure({ callerArn: `arn:aws:iam::${ACCOUNT}:user/ci-deployer` })
    }
  })

  test('a key configured as a role acts as a session of that role', async () => {
    const identity = await ibm.sts.send(new GetCallerIdentityCommand({}))
    expect(identity.Arn).toBe(IBM_SESSION)
    expect(identity.Account).toBe('623947394061')
  })
})

describe('AssumeRole', () => {
  test('IBM with the provider org id gets session credentials that identify the session', async () => {
    await createRole(apiConnectTrust())
    const { Credentials, AssumedRoleUser } = await assume()
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(Credentials?.SecretAccessKey).toBeTruthy()
    expect(Credentials?.SessionToken).toBeTruthy()
    expect(Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now() + 3500 * 1000)
    expect(AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/apic-invoke/apic`)
    expect(AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:apic$/)

    const session = clients(emulator.url, {
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken
      }
    })
    const identity = await session.sts.send(new GetCallerIdentityCommand({}))
    expect(identity.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/apic-invoke/apic`)
    expect(identity.UserId).toBe(AssumedRoleUser?.AssumedRoleId)
    expect(emulator.log.at(-1)?.accessKeyId).toBe(Credentials?.AccessKeyId)
  })

  test.each([
    ['a wrong external id', 'not-the-org-id'],
    ['no external id', null]
  ])('IBM with %s is denied', async (_label, externalId) => {
    await createRole(apiConnectTrust())
    const error = await rejectionOf(assume(ibm, externalId))
    expect(error.name).toBe('AccessDenied')
    expect(error.message).toBe(
      `User: ${IBM_SESSION} is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`
    )
    expect(error.$metadata.httpStatusCode).toBe(403)
  })

  test('a principal the trust policy does not name is denied', async () => {
    await createRole(apiConnectTrust())
    const error = await rejectionOf(assume(ci))
    expect(error.name).toBe('AccessDenied')
    expect(error.message).toContain(
      `User: arn:aws:iam::${ACCOUNT}:user/ci-deployer is not authorized`
    )
  })

  test('an account principal (root ARN or bare id) trusts every identity of the account', async () => {
    for (const principal of [`arn:aws:iam::${ACCOUNT}:root`, ACCOUNT]) {
      emulator.reset()
      await createRole({
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }
      })
      const { AssumedRoleUser } = await assume(ci, null)
      expect(AssumedRoleUser?.Arn).toContain('assumed-role/apic-invoke/apic')
      await expect(assume(ibm, null)).rejects.toMatchObject({ name: 'AccessDenied' })
    }
  })

  test('an explicit Deny wins over an Allow', async () => {
    await createRole({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
        {
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'sts:*',
          Condition: { Null: { 'sts:ExternalId': 'true' } }
        }
      ]
    })
    await expect(assume(ci, null)).rejects.toMatchObject({ name: 'AccessDenied' })
    await expect(assume(ci, 'anything')).resolves.toBeDefined()
  })

  test('StringLike matches wildcards; Bool on a key the request lacks does not match', async () => {
    await createRole({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: IBM_US_EAST },
          Action: 'sts:AssumeRole',
          Condition: { StringLike: { 'sts:externalid': 'ac51909e-*' } }
        },
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/ci-deployer` },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }
        }
      ]
    })
    await expect(assume(ibm, ORG_ID)).resolves.toBeDefined()
    await expect(assume(ibm, 'bc51909e')).rejects.toMatchObject({ name: 'AccessDenied' })
    await expect(assume(ci, ORG_ID)).rejects.toMatchObject({ name: 'AccessDenied' })
  })

  test('an operator the evaluator does not know never allows, and always denies', async () => {
    const unknownAllow = {
      Effect: 'Allow',
      Principal: { AWS: IBM_US_EAST },
      Action: 'sts:AssumeRole',
      Condition: { BinaryEquals: { 'sts:ExternalId': 'NQ==' } }
    }
    await createRole({ Version: '2012-10-17', Statement: [unknownAllow] })
    await expect(assume()).rejects.toMatchObject({ name: 'AccessDenied' })

    emulator.reset()
    const unknownDeny = { ...unknownAllow, Effect: 'Deny' }
    const allow = JSON.parse(apiConnectTrust()).Statement[0]
    await createRole({ Version: '2012-10-17', Statement: [allow, unknownDeny] })
    await expect(assume()).rejects.toMatchObject({ name: 'AccessDenied' })
  })

  test('a role that does not exist is denied like one that does not trust the caller', async () => {
    const error = await rejectionOf(assume())
    expect(error.name).toBe('AccessDenied')
    expect(error.message).toContain(`on resource: ${ROLE_ARN}`)
  })

  test('a new role cannot be assumed until IAM has propagated it', async () => {
    emulator.configure({ iamPropagationMs: 150 })
    try {
      await createRole(apiConnectTrust())
      await expect(assume()).rejects.toMatchObject({ name: 'AccessDenied' })
      const deadline = Date.now() + 2000
      let assumed = false
      while (!assumed && Date.now() < deadline) {
        assumed = await assume().then(
          () => true,
          () => false
        )
      }
      expect(assumed).toBe(true)
    } finally {
      emulator.configure({ iamPropagationMs: 0 })
    }
  })

  test('a bad session name is a ValidationError', async () => {
    await createRole(apiConnectTrust())
    const error = await rejectionOf(
      ibm.sts.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'has space' }))
    )
    expect(error.name).toBe('ValidationError')
    expect(error.message).toContain(
      "Value 'has space' at 'roleSessionName' failed to satisfy constraint"
    )
  })
})

// The request context IAM builds for AssumeRole (IAM User Guide, "AWS global condition context
// keys"): transport, time and the principal's type, ARN and account, besides sts:ExternalId.
describe('AssumeRole evaluates the trust policy with the request context IAM builds', () => {
  /** IBM's statement with the org id, plus `condition` on the same statement. */
  function ibmTrustWith(condition: Record<string, Record<string, unknown>>) {
    const [statement] = JSON.parse(apiConnectTrust()).Statement
    return {
      Version: '2012-10-17',
      Statement: [{ ...statement, Condition: { ...statement.Condition, ...condition } }]
    }
  }

  test('an Allow that also requires Bool aws:SecureTransport true lets the right caller in', async () => {
    await createRole(ibmTrustWith({ Bool: { 'aws:SecureTransport': 'true' } }))
    await expect(assume()).resolves.toMatchObject({
      AssumedRoleUser: { Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/apic-invoke/apic` }
    })
    await expect(assume(ibm, 'not-the-org-id')).rejects.toMatchObject({ name: 'AccessDenied' })
    await expect(assume(ci)).rejects.toMatchObject({ name: 'AccessDenied' })

    // The key is there and true, not merely present: requiring false shuts everyone out.
    emulator.reset()
    await createRole(ibmTrustWith({ Bool: { 'aws:SecureTransport': 'false' } }))
    await expect(assume()).rejects.toMatchObject({ name: 'AccessDenied' })
  })

  test('a Deny on aws:PrincipalType AssumedRole refuses a role session, not a user', async () => {
    await createRole({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: [IBM_US_EAST, `arn:aws:iam::${ACCOUNT}:user/ci-deployer`] },
          Action: 'sts:AssumeRole'
        },
        {
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } }
        }
      ]
    })
    const error = await rejectionOf(assume())
    expect(error.name).toBe('AccessDenied')
    expect(error.message).toContain(`User: ${IBM_SESSION} is not authorized`)
    await expect(assume(ci, null)).resolves.toBeDefined()
  })

  test('aws:PrincipalType is User for an IAM user and AssumedRole for a session', async () => {
    await createRole({
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalType': 'User' } }
      }
    })
    await expect(assume(ci, null)).resolves.toBeDefined()
    await expect(assume(ibm)).rejects.toMatchObject({ name: 'AccessDenied' })
  })

  test("a session's aws:PrincipalArn is its role's ARN, and aws:PrincipalAccount its account", async () => {
    await createRole(
      ibmTrustWith({
        ArnEquals: { 'aws:PrincipalArn': IBM_US_EAST },
        StringEquals: { 'sts:ExternalId': ORG_ID, 'aws:PrincipalAccount': '623947394061' }
      })
    )
    await expect(assume()).resolves.toBeDefined()
    emulator.reset()
    await createRole(ibmTrustWith({ ArnEquals: { 'aws:PrincipalArn': IBM_SESSION } }))
    await expect(assume()).rejects.toMatchObject({ name: 'AccessDenied' })
  })

  test.each([
    [
      'DateLessThan aws:CurrentTime',
      'DateLessThan',
      'aws:CurrentTime',
      '2099-01-01T00:00:00Z',
      '2020-01-01T00:00:00Z'
    ],
    ['NumericLessThan aws:EpochTime', 'NumericLessThan', 'aws:EpochTime', 4070908800, 1577836800]
  ])(
    '%s: valid until 2099 allows, until 2020 denies',
    async (_label, operator, key, future, past) => {
      await createRole(ibmTrustWith({ [operator]: { [key]: future } }))
      await expect(assume()).resolves.toBeDefined()

      emulator.reset()
      await createRole(ibmTrustWith({ [operator]: { [key]: past } }))
      await expect(assume()).rejects.toMatchObject({ name: 'AccessDenied' })
    }
  )

  test('a Deny on a time in the past refuses even the right caller', async () => {
    const allow = JSON.parse(apiConnectTrust()).Statement[0]
    await createRole({
      Version: '2012-10-17',
      Statement: [
        allow,
        {
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'sts:AssumeRole',
          Condition: { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }
        }
      ]
    })
    await expect(assume()).rejects.toMatchObject({ name: 'AccessDenied' })
  })
})
