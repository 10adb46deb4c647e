import { captureCoreOutput } from '../support/core-output.js'
import {
  ConcurrentModificationException,
  CreateRoleCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  IAMServiceException,
  LimitExceededException,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  type Role,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand
} from '@aws-sdk/client-iam'
import { mockClient } from 'aws-sdk-client-mock'
import type { RunContext } from '../../src/context.js'
import { testContext } from '../support/context.js'
import { changeRow } from '../../src/report/words.js'
import type { RoleChange } from '../../src/role/changes.js'
import { applyRole, planRole, type RoleOutcome } from '../../src/role/index.js'
import { decideRole, desiredRole, stepsOf } from '../../src/role/plan.js'
import type { LiveRole } from '../../src/role/read.js'
import { readSettings } from '../../src/inputs/read.js'
import type { PolicyDocument, PolicyStatement } from '../../src/iam-policy/types.js'
import {
  apiConnectStatement,
  grantPolicy,
  LEGACY_TRUST_SID,
  statementsOf,
  trustPolicy,
  trustSid
} from '../../src/role/documents.js'

const ACCOUNT = '111122223333'
const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'
const OTHER_ORG = '0d1c6f3e-5b7a-4c2e-9f80-123456789abc'
const IBM = 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a'
const IBM_FRANKFURT = 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-central-a'
const FUNCTION_ARN = `arn:aws:lambda:eu-west-2:${ACCOUNT}:function:orders`
const ROLE = 'apic-invoke-orders'
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`
const GRANT = 'invoke-orders@eu-west-2'
const target = { principalArn: IBM, externalId: ORG }
const lambdaTrust: PolicyStatement = {
  Sid: 'Lambda',
  Effect: 'Allow',
  Principal: { Service: 'lambda.amazonaws.com' },
  Action: 'sts:AssumeRole'
}

// A real client pointed at loopback with fake credentials; aws-sdk-client-mock answers for it.
const iamClient = new IAMClient({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }
})
const iam = mockClient(iamClient)

function context(inputs: Record<string, string> = {}): RunContext {
  const settings = readSettings(
    name => ({ 'function-name': 'orders', 'provider-org-id': ORG, ...inputs })[name] ?? '',
    { AWS_REGION: 'eu-west-2' }
  )
  return testContext({
    settings,
    clients: { iam: iamClient },
    identity: { accountId: ACCOUNT, partition: 'aws', arn: `arn:aws:iam::${ACCOUNT}:user/ci` },
    provenance: { repository: 'acme/orders-api', commit: 'abc123', runUrl: '' },
    functionArn: FUNCTION_ARN,
    roleArn: ROLE_ARN
  })
}

const encode = (doc: PolicyDocument) => encodeURIComponent(JSON.stringify(doc))
// Shaped as the SDK deserializes IAM's answer: the modeled class, plus the wire Code.
const noSuchEntity = (what = 'role') =>
  Object.assign(
    new NoSuchEntityException({ message: `The ${what} cannot be found.`, $metadata: {} }),
    { Code: 'NoSuchEntity' }
  )

function liveRole(role: Partial<Role> = {}, trust: PolicyDocument = trustPolicy(target)) {
  return {
    Role: {
      RoleName: ROLE,
      RoleId: 'AROAEXAMPLE',
      Path: '/',
      Arn: ROLE_ARN,
      CreateDate: new Date(),
      AssumeRolePolicyDocument: encode(trust),
      Tags: [{ Key: 'managed-by', Value: 'apic-lambda-deploy' }],
      ...role
    }
  }
}

const grantAnswer = (doc = grantPolicy(FUNCTION_ARN)) => ({
  RoleName: ROLE,
  PolicyName: GRANT,
  PolicyDocument: encode(doc)
})

/** The IAM operations the code sent, in order. */
const operations = () =>
  iam.calls().map(call => call.args[0].constructor.name.replace(/Command$/, ''))
const writes = () => operations().filter(op => !op.startsWith('Get'))

const output = captureCoreOutput()
beforeEach(() => iam.reset())

async function run(ctx: RunContext): Promise<RoleOutcome> {
  return applyRole(ctx, await planRole(ctx))
}

describe('decideRole (pure)', () => {
  const desired = desiredRole(context())
  const live = (changes: Partial<LiveRole> = {}): LiveRole => ({
    arn: ROLE_ARN,
    path: '/',
    tags: {},
    trustPolicy: trustPolicy(target),
    grant: grantPolicy(FUNCTION_ARN),
    ...changes
  })

  test('a missing role: create it with the trust, then put the grant', () => {
    const plan = decideRole(desired, undefined)
    expect(stepsOf(plan).map(s => s.kind)).toEqual(['role', 'grant'])
    expect(plan.trustPolicy).toEqual(trustPolicy(target))
    expect(rows(plan.changes).map(c => [c.target, c.action])).toEqual([
      [`role ${ROLE}`, 'create'],
      [`role ${ROLE}: policy ${GRANT}`, 'create']
    ])
  })

  test('a role as wanted: nothing to write, both parts reported unchanged', () => {
    const plan = decideRole(desired, live())
    expect(stepsOf(plan)).toEqual([])
    expect(plan.changes.map(c => c.action)).toEqual(['unchanged', 'unchanged'])
    expect(plan.blockers).toEqual([])
  })

  test('a role trusting this principal under the legacy Sid needs no write', () => {
    const legacy = { ...apiConnectStatement(target), Sid: LEGACY_TRUST_SID }
    const plan = decideRole(desired, live({ trustPolicy: { Statement: [legacy] } }))
    expect(stepsOf(plan)).toEqual([])
    expect(plan.warnings).toEqual([])
  })

  test('another org’s external id for this principal is replaced, and the warning says why', () => {
    const otherOrg = trustPolicy({ principalArn: IBM, externalId: OTHER_ORG })
    const plan = decideRole(desired, live({ trustPolicy: otherOrg }))
    expect(stepsOf(plan).map(s => changeRow(s).detail)).toEqual([
      `statement ${trustSid(IBM)} now trusts ${IBM} with sts:ExternalId ${ORG} (was sts:ExternalId ${OTHER_ORG})`
    ])
    expect(statementsOf(plan.trustPolicy)).toEqual([apiConnectStatement(target)])
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `trust statement for ${IBM} \\(${trustSid(IBM)}\\) pins sts:ExternalId ${OTHER_ORG}; replacing it with ${ORG} takes the role away from that provider org\\. ` +
            `.*another org on the same API Connect region .* each run takes the role away from the other\\. Give each org its own role-name`
        )
      )
    ])
  })

  test('a different grant is replaced, a missing one created', () => {
    const wide = grantPolicy('*')
    expect(changeRow(decideRole(desired, live({ grant: wide })).changes[0]!)).toMatchObject({
      action: 'update',
      target: `role ${ROLE}: policy ${GRANT}`
    })
    expect(stepsOf(decideRole(desired, live({ grant: undefined }))).map(s => s.kind)).toEqual([
      'grant'
    ])
  })

  test('the user’s tags are added or updated when they differ; provenance and other tags are left', () => {
    const withTags = desiredRole(context({ 'role-tags': 'team=payments\ncost-center=42' }))
    const plan = decideRole(
      withTags,
      live({ tags: { team: 'payments', 'cost-center': '41', owner: 'someone' } })
    )
    expect(stepsOf(plan)).toEqual([
      expect.objectContaining({ kind: 'tags', tags: { 'cost-center': '42' } })
    ])
  })

  test('more than 50 tags in all blocks the run', () => {
    const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']))
    const plan = decideRole(
      desiredRole(context({ 'role-tags': 'new=1\nnewer=2' })),
      live({ tags: many })
    )
    expect(plan.blockers).toEqual([expect.stringMatching(/51 tags, over IAM's limit of 50/)])
  })

  test('description and boundary change only when the user set them and they differ', () => {
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/boundary`
    const set = desiredRole(
      context({ 'role-description': 'API Connect', 'permissions-boundary': boundary })
    )
    expect(stepsOf(decideRole(set, live())).map(s => s.kind)).toEqual(['description', 'boundary'])
    expect(
      stepsOf(decideRole(set, live({ description: 'API Connect', permissionsBoundary: boundary })))
    ).toEqual([])
    expect(
      stepsOf(decideRole(desired, live({ description: 'whatever', permissionsBoundary: boundary })))
    ).toEqual([])
  })

  test('a role at another path: blocked when the user chose a path, accepted at the default', () => {
    const apic = desiredRole(context({ 'role-path': '/apic/' }))
    expect(decideRole(apic, live({ path: '/teams/' })).blockers).toEqual([
      expect.stringMatching(
        /^role-path: .* exists at path \/teams\/, not \/apic\/.*IAM cannot change/
      )
    ])
    expect(decideRole(desired, live({ path: '/teams/' })).blockers).toEqual([])
  })

  test('a trust policy pushed over the 2,048-character quota blocks the run, with what to do', () => {
    const filler = (i: number): PolicyStatement => ({
      Sid: `Partner${i}`,
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${String(i).padStart(12, '0')}:role/partner-role-${i}` },
      Action: 'sts:AssumeRole'
    })
    // As many statements as fit in 2,048 characters: ours no longer does.
    const statements: PolicyStatement[] = []
    while (JSON.stringify([...statements, filler(statements.length)]).length < 2010)
      statements.push(filler(statements.length))
    const full = { Version: '2012-10-17', Statement: statements }
    expect(JSON.stringify(full).length).toBeLessThanOrEqual(2048)
    const plan = decideRole(desired, live({ trustPolicy: full }))
    expect(plan.blockers).toEqual([
      expect.stringMatching(/would be \d{4} characters .* over IAM's default quota of 2048/)
    ])
    // A live policy already over 2,048 characters means the account has a higher quota.
    const bigger = { ...full, Statement: [...statements, filler(98), filler(99)] }
    expect(decideRole(desired, live({ trustPolicy: bigger })).blockers).toEqual([])
  })
})

describe('planRole and applyRole against a mocked IAM', () => {
  test('first run: reads, creates the role with trust, tags and boundary, waits, puts the grant', async () => {
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/boundary`
    iam.on(GetRoleCommand).rejectsOnce(noSuchEntity()).resolves(liveRole())
    iam.on(GetRolePolicyCommand).rejects(noSuchEntity('policy'))
    iam.on(CreateRoleCommand).resolves(liveRole())
    iam.on(PutRolePolicyCommand).resolves({})

    const outcome = await run(
      context({ 'role-tags': 'team=payments', 'permissions-boundary': boundary })
    )

    expect(operations().sort()).toEqual(
      ['CreateRole', 'GetRole', 'GetRole', 'GetRolePolicy', 'PutRolePolicy'].sort()
    )
    expect(writes()).toEqual(['CreateRole', 'PutRolePolicy'])
    const create = iam.commandCalls(CreateRoleCommand)[0].args[0].input
    expect(JSON.parse(create.AssumeRolePolicyDocument!)).toEqual(trustPolicy(target))
    expect(create).toMatchObject({
      RoleName: ROLE,
      Path: '/',
      PermissionsBoundary: boundary,
      Description: expect.stringContaining(IBM)
    })
    expect(create.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'team', Value: 'payments' },
        { Key: 'managed-by', Value: 'apic-lambda-deploy' },
        { Key: 'github-repository', Value: 'acme/orders-api' }
      ])
    )
    const put = iam.commandCalls(PutRolePolicyCommand)[0].args[0].input
    expect(put.PolicyName).toBe(GRANT)
    expect(JSON.parse(put.PolicyDocument!)).toEqual(grantPolicy(FUNCTION_ARN))
    expect(outcome).toMatchObject({
      roleArn: ROLE_ARN,
      grantPolicyName: GRANT,
      trustPolicy: trustPolicy(target)
    })
    expect(outcome.changes.map(c => c.action)).toEqual(['create', 'create'])
    expect(output.text()).toMatch(/waiting until IAM shows it/)
  })

  test('writes right after CreateRole, then polls GetRole until IAM shows the role, and keeps that read', async () => {
    iam
      .on(GetRoleCommand)
      .rejectsOnce(noSuchEntity()) // plan: missing
      .rejectsOnce(noSuchEntity()) // after the writes: not visible yet
      .resolves(liveRole())
    iam.on(GetRolePolicyCommand).rejects(noSuchEntity('policy'))
    iam.on(CreateRoleCommand).resolves(liveRole())
    iam.on(PutRolePolicyCommand).resolves({})
    const started = Date.now()
    const outcome = await run(context())
    // IAM accepts writes to a role it has just created: the grant does not wait for visibility.
    const order = operations().filter(op => op !== 'GetRolePolicy')
    expect(order).toEqual(['GetRole', 'CreateRole', 'PutRolePolicy', 'GetRole', 'GetRole'])
    // One poll interval (Timing.rolePollMs), not the SDK waiter's 1 s minimum.
    expect(Date.now() - started).toBeLessThan(900)
    expect(outcome.live?.arn).toBe(ROLE_ARN)
    expect(output.text()).toMatch(/visible after \d+\.\d s/)
  })

  test('rerun: the live role (URL-encoded documents) matches, so no write at all', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(GetRolePolicyCommand).resolves(grantAnswer())
    const outcome = await run(context())
    expect(operations().sort()).toEqual(['GetRole', 'GetRolePolicy'])
    expect(outcome.changes.map(c => c.action)).toEqual(['unchanged', 'unchanged'])
    expect(outcome.roleArn).toBe(ROLE_ARN)
  })

  test('an existing role keeps its other trust statements and gains ours', async () => {
    iam
      .on(GetRoleCommand)
      .resolves(liveRole({}, { Version: '2012-10-17', Statement: [lambdaTrust] }))
    iam.on(GetRolePolicyCommand).resolves(grantAnswer())
    iam.on(UpdateAssumeRolePolicyCommand).resolves({})
    const outcome = await run(context())
    expect(writes()).toEqual(['UpdateAssumeRolePolicy'])
    const sent = iam.commandCalls(UpdateAssumeRolePolicyCommand)[0].args[0].input
    expect(statementsOf(JSON.parse(sent.PolicyDocument!))).toEqual([
      lambdaTrust,
      apiConnectStatement(target)
    ])
    expect(outcome.trustPolicy).toEqual(JSON.parse(sent.PolicyDocument!))
  })

  test('a role trusting another API Connect region gains this one’s statement beside it', async () => {
    const frankfurt = apiConnectStatement({ principalArn: IBM_FRANKFURT, externalId: ORG })
    iam.on(GetRoleCommand).resolves(liveRole({}, { Version: '2012-10-17', Statement: [frankfurt] }))
    iam.on(GetRolePolicyCommand).resolves(grantAnswer())
    iam.on(UpdateAssumeRolePolicyCommand).resolves({})
    await run(context())
    expect(writes()).toEqual(['UpdateAssumeRolePolicy'])
    const sent = iam.commandCalls(UpdateAssumeRolePolicyCommand)[0].args[0].input
    expect(statementsOf(JSON.parse(sent.PolicyDocument!))).toEqual([
      frankfurt,
      apiConnectStatement(target)
    ])
    expect(output.warnings()).toEqual([])
  })

  test('an unconditioned statement for the IBM principal is replaced, with a warning', async () => {
    const hole = {
      Sid: 'Apic',
      Effect: 'Allow' as const,
      Principal: { AWS: IBM },
      Action: 'sts:AssumeRole'
    }
    iam.on(GetRoleCommand).resolves(liveRole({}, { Version: '2012-10-17', Statement: [hole] }))
    iam.on(GetRolePolicyCommand).resolves(grantAnswer())
    iam.on(UpdateAssumeRolePolicyCommand).resolves({})
    await run(context())
    const sent = iam.commandCalls(UpdateAssumeRolePolicyCommand)[0].args[0].input
    expect(statementsOf(JSON.parse(sent.PolicyDocument!))).toEqual([apiConnectStatement(target)])
    expect(output.warnings()).toEqual([
      expect.stringMatching(/statement Apic let .* without sts:ExternalId/)
    ])
  })

  test('tags, description and boundary of an existing role are updated with their own calls', async () => {
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/boundary`
    iam.on(GetRoleCommand).resolves(liveRole({ Description: 'old' }))
    iam.on(GetRolePolicyCommand).resolves(grantAnswer())
    iam.on(UpdateRoleCommand).resolves({})
    iam.on(PutRolePermissionsBoundaryCommand).resolves({})
    iam.on(TagRoleCommand).resolves({})
    await run(
      context({
        'role-description': 'new',
        'permissions-boundary': boundary,
        'role-tags': 'team=payments'
      })
    )
    expect(writes()).toEqual(['UpdateRole', 'PutRolePermissionsBoundary', 'TagRole'])
    expect(iam.commandCalls(UpdateRoleCommand)[0].args[0].input).toEqual({
      RoleName: ROLE,
      Description: 'new'
    })
    expect(iam.commandCalls(TagRoleCommand)[0].args[0].input.Tags).toEqual([
      { Key: 'team', Value: 'payments' }
    ])
  })

  test('CreateRole losing the race to another job: re-read and reconcile, no second create', async () => {
    iam.on(GetRoleCommand).rejectsOnce(noSuchEntity()).resolves(liveRole()) // the other job's role
    iam.on(GetRolePolicyCommand).rejects(noSuchEntity('policy'))
    iam.on(CreateRoleCommand).rejects(
      new EntityAlreadyExistsException({
        message: 'Role with name apic-invoke-orders already exists.',
        $metadata: {}
      })
    )
    iam.on(PutRolePolicyCommand).resolves({})

    const outcome = await run(context())

    expect(writes()).toEqual(['CreateRole', 'PutRolePolicy'])
    expect(rows(outcome.changes).map(c => [c.target, c.action])).toEqual([
      [`role ${ROLE}: policy ${GRANT}`, 'create'],
      [`role ${ROLE}: trust policy`, 'unchanged']
    ])
    expect(outcome.roleArn).toBe(ROLE_ARN)
    expect(output.text()).toMatch(/EntityAlreadyExistsException: another run changed the role/)
  })

  test('a concurrent trust update (ConcurrentModification) is re-read, re-merged and retried', async () => {
    const other = { ...lambdaTrust, Sid: 'AddedMeanwhile' }
    iam
      .on(GetRoleCommand)
      .resolvesOnce(liveRole({}, { Version: '2012-10-17', Statement: [lambdaTrust] }))
      .resolves(liveRole({}, { Version: '2012-10-17', Statement: [lambdaTrust, other] }))
    iam.on(GetRolePolicyCommand).resolves(grantAnswer())
    iam
      .on(UpdateAssumeRolePolicyCommand)
      .rejectsOnce(new ConcurrentModificationException({ message: 'busy', $metadata: {} }))
      .resolves({})
    await run(context())
    const sent = iam.commandCalls(UpdateAssumeRolePolicyCommand).map(c => c.args[0].input)
    expect(sent).toHaveLength(2)
    // The retry merges into what the role holds now: the statement added meanwhile survives.
    expect(statementsOf(JSON.parse(sent[1].PolicyDocument!))).toEqual([
      lambdaTrust,
      other,
      apiConnectStatement(target)
    ])
  })

  test('gives up after three rounds of lost races', async () => {
    iam
      .on(GetRoleCommand)
      .resolves(liveRole({}, { Version: '2012-10-17', Statement: [lambdaTrust] }))
    iam.on(GetRolePolicyCommand).resolves(grantAnswer())
    iam
      .on(UpdateAssumeRolePolicyCommand)
      .rejects(new ConcurrentModificationException({ message: 'busy', $metadata: {} }))
    await expect(run(context())).rejects.toThrow(/busy/)
    expect(iam.commandCalls(UpdateAssumeRolePolicyCommand)).toHaveLength(3)
  })

  test('the account’s role quota is a clear error', async () => {
    iam.on(GetRoleCommand).rejects(noSuchEntity())
    iam.on(GetRolePolicyCommand).rejects(noSuchEntity('policy'))
    iam.on(CreateRoleCommand).rejects(
      new LimitExceededException({
        message: 'Cannot exceed quota for RolesPerAccount: 1000',
        $metadata: {}
      })
    )
    await expect(run(context())).rejects.toThrow(
      /CreateRole on role apic-invoke-orders failed: The account has reached IAM's quota of roles \(Cannot exceed quota for RolesPerAccount: 1000\)\. Delete unused roles/
    )
    expect(writes()).toEqual(['CreateRole'])
  })

  test('the inline policy quota says to give the function its own role', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(GetRolePolicyCommand).rejects(noSuchEntity('policy'))
    iam.on(PutRolePolicyCommand).rejects(
      new LimitExceededException({
        message: 'Maximum policy size of 10240 bytes exceeded for role apic-invoke-orders',
        $metadata: {}
      })
    )
    await expect(run(context())).rejects.toThrow(
      /serves too many functions.*own role with role-name/
    )
  })

  test('access denied names the permission and the way out', async () => {
    iam.on(GetRoleCommand).resolves(liveRole())
    iam.on(GetRolePolicyCommand).rejects(noSuchEntity('policy'))
    iam.on(PutRolePolicyCommand).rejects(
      new IAMServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        message: 'User ci is not authorized',
        $metadata: {}
      })
    )
    await expect(run(context())).rejects.toThrow(
      /PutRolePolicy on role apic-invoke-orders failed: AccessDenied: .*need iam:PutRolePolicy.*manage-role: false/
    )
  })

  test('a principal that does not exist is blamed on the principal input', async () => {
    iam.on(GetRoleCommand).rejects(noSuchEntity())
    iam.on(GetRolePolicyCommand).rejects(noSuchEntity('policy'))
    iam.on(CreateRoleCommand).rejects(
      new MalformedPolicyDocumentException({
        message: `Invalid principal in policy: "AWS":"${IBM}"`,
        $metadata: {}
      })
    )
    await expect(run(context())).rejects.toThrow(/check api-connect-role-arn/)
  })

  test('a read that is denied stops the plan with the permission to grant', async () => {
    iam.on(GetRoleCommand).rejects(
      new IAMServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        message: 'no',
        $metadata: {}
      })
    )
    iam.on(GetRolePolicyCommand).rejects(noSuchEntity('policy'))
    await expect(planRole(context())).rejects.toThrow(/Cannot read role .* need iam:GetRole/)
  })

  test('a blocker stops the plan before any write', async () => {
    iam.on(GetRoleCommand).resolves(liveRole({ Path: '/teams/' }))
    iam.on(GetRolePolicyCommand).resolves(grantAnswer())
    await expect(planRole(context({ 'role-path': '/apic/' }))).rejects.toThrow(/IAM cannot change/)
    expect(writes()).toEqual([])
  })
})

describe('no writes when asked not to', () => {
  beforeEach(() => {
    iam
      .on(GetRoleCommand)
      .resolves(liveRole({}, { Version: '2012-10-17', Statement: [lambdaTrust] }))
    iam.on(GetRolePolicyCommand).rejects(noSuchEntity('policy'))
  })

  test('manage-role false: only reads; what is missing is reported as not done, with warnings', async () => {
    const outcome = await run(context({ 'manage-role': 'false' }))
    expect(writes()).toEqual([])
    expect(rows(outcome.changes)).toEqual([
      expect.objectContaining({
        action: 'update',
        detail: expect.stringMatching(
          new RegExp(`^not done \\(manage-role is false\\): statement ${trustSid(IBM)} added`)
        )
      }),
      expect.objectContaining({
        action: 'create',
        detail: expect.stringMatching(/^not done \(manage-role is false\)/)
      })
    ])
    expect(output.warnings()).toHaveLength(2)
    expect(output.warnings()[0]).toMatch(/Ask whoever manages the role/)
  })

  test('manage-role false: a path mismatch is a warning, not an error', async () => {
    iam.on(GetRoleCommand).resolves(liveRole({ Path: '/teams/' }))
    await run(context({ 'manage-role': 'false', 'role-path': '/apic/' }))
    expect(output.warnings().some(w => /IAM cannot change a role's path/.test(w))).toBe(true)
  })

  test('manage-role false with a missing role: refused by the plan, before any write', async () => {
    iam.on(GetRoleCommand).rejects(noSuchEntity())
    await expect(planRole(context({ 'manage-role': 'false' }))).rejects.toThrow(
      'role apic-invoke-orders does not exist (path /), and with manage-role: false the action creates no role: create it where roles are managed, or set manage-role: true. Nothing was written.'
    )
    expect(writes()).toEqual([])
  })

  test('manage-role false with a missing role, in a dry run: the expected ARN, and a warning', async () => {
    iam.on(GetRoleCommand).rejects(noSuchEntity())
    const outcome = await run(context({ 'manage-role': 'false', 'dry-run': 'true' }))
    expect(writes()).toEqual([])
    expect(outcome.roleArn).toBe(ROLE_ARN)
    expect(output.warnings()).toEqual([])
    expect(rows(outcome.changes)[0].detail).toMatch(/^not done \(dry run\)/)
  })

  test('dry run: writes nothing and returns the planned documents', async () => {
    const outcome = await run(context({ 'dry-run': 'true' }))
    expect(writes()).toEqual([])
    expect(outcome.changes.map(c => c.action)).toEqual(['update', 'create'])
    expect(rows(outcome.changes).every(c => c.detail.startsWith('not done (dry run)'))).toBe(true)
    expect(statementsOf(outcome.trustPolicy)).toEqual([lambdaTrust, apiConnectStatement(target)])
    expect(output.warnings()).toEqual([])
    expect(output.text()).toMatch(/Dry run: role apic-invoke-orders: trust policy: update/)
  })
})

/** The changes as the report words them: what these tests assert. */
function rows(changes: RoleChange[]) {
  return changes.map(changeRow)
}
