// The trusting role end to end: the bundled action run as GitHub runs it, against the emulator.
// Verification is off so the IAM calls asserted here are the role step's own.
import { CreateRoleCommand, type IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { executionRole, type Emulator, startEmulator } from '../../emulator/index.js'
import { clients } from '../emulator/helpers.js'
import {
  ACCOUNT,
  functionArn,
  IBM_EU_CENTRAL,
  IBM_EU_WEST,
  IBM_US_EAST as IBM,
  ORG,
  roleArn
} from '../../harness/constants.js'
import { apiConnectStatement, invokeGrant } from '../support/documents.js'
import { only, refuse, runE2e, trafficOf, type Inputs } from '../support/e2e.js'

const FUNCTIONS = Array.from({ length: 8 }, (_, i) => `orders-${i + 1}`)

/** The API Connect statement: one per IBM principal, its Sid derived from the principal. */
const ours = apiConnectStatement(IBM)
const lambdaTrust = {
  Sid: 'Lambda',
  Effect: 'Allow',
  Principal: { Service: 'lambda.amazonaws.com' },
  Action: 'sts:AssumeRole'
}
const grantOf = (name: string) => invokeGrant(functionArn(name))

let emulator: Emulator
let iam: IAMClient

beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      roles: [executionRole('exec')],
      functions: FUNCTIONS.map(name => ({ name, role: roleArn('exec') }))
    }
  })
  iam = clients(emulator.url).iam
})
afterAll(async () => {
  iam.destroy()
  await emulator.stop()
})
beforeEach(() => {
  emulator.reset()
  emulator.configure({ iamPropagationMs: 0 })
})

/** Runs the action for one function. */
const deploy = (inputs: Inputs = {}) =>
  runE2e(emulator, {
    'function-name': 'orders-1',
    'provider-org-id': ORG,
    verify: 'off',
    ...inputs
  })

function storedRole(name: string) {
  const role = emulator.state.iam.roles.get(name.toLowerCase())
  if (!role) throw new Error(`role ${name} is missing`)
  return {
    ...role,
    trust: JSON.parse(role.assumeRolePolicy) as { Statement: unknown[] },
    grants: Object.fromEntries(
      [...role.inlinePolicies].map(([policy, text]) => [policy, JSON.parse(text)])
    )
  }
}

async function createRole(name: string, statements: object[], path = '/'): Promise<void> {
  await iam.send(
    new CreateRoleCommand({
      RoleName: name,
      Path: path,
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
      Tags: [{ Key: 'owner', Value: 'platform' }]
    })
  )
}

test('a new role gets exactly the trust statement and the scoped grant; a rerun writes nothing', async () => {
  const first = await deploy({ 'role-tags': 'team=payments' })

  expect(first.errors).toEqual([])
  expect(first.exitCode).toBe(0)
  expect(first.outputs).toMatchObject({
    'role-arn': roleArn('apic-invoke-orders-1'),
    'api-connect-role-arn': IBM,
    'external-id': ORG
  })
  const role = storedRole('apic-invoke-orders-1')
  expect(role.trust).toEqual({ Version: '2012-10-17', Statement: [ours] })
  expect(role.grants).toEqual({ 'invoke-orders-1@us-east-1': grantOf('orders-1') })
  expect(Object.fromEntries(role.tags.map(t => [t.Key, t.Value]))).toEqual({
    team: 'payments',
    'managed-by': 'apic-lambda-deploy',
    'github-repository': 'acme/orders-api',
    'github-commit': '0123456789abcdef0123456789abcdef01234567'
  })
  // The two reads run concurrently, so their order is free; the writes are in sequence.
  const calls = only('iam', first.calls)
  expect(calls.slice(0, 2).sort()).toEqual([
    'iam:GetRole(NoSuchEntity)',
    'iam:GetRolePolicy(NoSuchEntity)'
  ])
  // IAM accepts writes to a role it has just created: the grant follows at once, then one read
  // that sees the role.
  expect(calls.slice(2)).toEqual(['iam:CreateRole', 'iam:PutRolePolicy', 'iam:GetRole'])
  expect(first.writes).toEqual(['iam:CreateRole', 'iam:PutRolePolicy'])

  const rerun = await deploy({ 'role-tags': 'team=payments' })
  expect(rerun.exitCode).toBe(0)
  expect(rerun.outputs['role-arn']).toBe(first.outputs['role-arn'])
  expect(only('iam', rerun.calls).sort()).toEqual(['iam:GetRole', 'iam:GetRolePolicy'])
  expect(rerun.writes).toEqual([])
})

test('an existing role keeps every other trust statement and gains one API Connect statement', async () => {
  const partner = {
    Sid: 'Partner',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'partner-1' } }
  }
  await createRole('shared', [lambdaTrust, partner])

  const run = await deploy({ 'role-name': 'shared', 'role-tags': 'owner=platform' })

  expect(run.exitCode).toBe(0)
  expect(storedRole('shared').trust.Statement).toEqual([lambdaTrust, partner, ours])
  expect(run.writes).toEqual(['iam:UpdateAssumeRolePolicy', 'iam:PutRolePolicy'])
  expect(only('iam', run.calls).slice(2)).toEqual([
    'iam:UpdateAssumeRolePolicy',
    'iam:PutRolePolicy'
  ])
  expect(run.warnings).toEqual([])

  const rerun = await deploy({ 'role-name': 'shared' })
  expect(rerun.writes).toEqual([])
})

test('a statement trusting IBM without the external ID is replaced, with a warning', async () => {
  const hole = {
    Sid: 'ApiConnect',
    Effect: 'Allow',
    Principal: { AWS: IBM },
    Action: 'sts:AssumeRole'
  }
  await createRole('legacy', [lambdaTrust, hole])

  const run = await deploy({ 'role-name': 'legacy' })

  expect(run.exitCode).toBe(0)
  expect(storedRole('legacy').trust.Statement).toEqual([lambdaTrust, ours])
  expect(run.warnings).toEqual([
    expect.stringMatching(
      /trust statement ApiConnect let .*ibm-apiconnect-us-east-a assume the role without sts:ExternalId/
    )
  ])
})

test('eight concurrent runs for eight functions sharing one role: eight grants, one API Connect statement', async () => {
  // A propagation window makes the losers of the CreateRole race wait for the winner's role.
  emulator.configure({ iamPropagationMs: 1500 })
  const since = emulator.log.length
  const runs = await Promise.all(
    FUNCTIONS.map(name => deploy({ 'function-name': name, 'role-name': 'apic-shared' }))
  )

  for (const run of runs) {
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['role-arn']).toBe(roleArn('apic-shared'))
  }
  const role = storedRole('apic-shared')
  expect(role.trust.Statement).toEqual([ours])
  expect(Object.keys(role.grants).sort()).toEqual(
    FUNCTIONS.map(n => `invoke-${n}@us-east-1`).sort()
  )
  for (const name of FUNCTIONS)
    expect(role.grants[`invoke-${name}@us-east-1`]).toEqual(grantOf(name))

  // Each run's own slice of the log overlaps the others': take the batch's log once.
  const all = emulator.log.slice(since)
  const creates = all.filter(r => r.operation === 'CreateRole')
  expect(creates.filter(r => r.status === 200)).toHaveLength(1)
  expect(creates.filter(r => r.errorCode === 'EntityAlreadyExists').length).toBe(creates.length - 1)
  expect(
    runs.filter(run => /EntityAlreadyExistsException: another run changed the role/.test(run.log))
  ).toHaveLength(creates.length - 1)
  expect(all.filter(r => r.operation === 'PutRolePolicy' && r.status === 200)).toHaveLength(8)
  expect(all.filter(r => r.operation === 'UpdateAssumeRolePolicy')).toHaveLength(0)
  console.log(
    `eight concurrent runs: ${creates.length} CreateRole (1 created, ${creates.length - 1} EntityAlreadyExists), ` +
      `${all.filter(r => r.service === 'iam').length} IAM calls in all, ` +
      `${all.filter(r => r.operation === 'GetRole' && r.errorCode === 'NoSuchEntity').length} GetRole answered NoSuchEntity`
  )

  // And a second round, all at once again, writes nothing.
  emulator.configure({ iamPropagationMs: 0 })
  const before = emulator.log.length
  await Promise.all(
    FUNCTIONS.map(name => deploy({ 'function-name': name, 'role-name': 'apic-shared' }))
  )
  const again = trafficOf(emulator.log.slice(before))
  expect(again.writes).toEqual([])
  expect(only('iam', again.calls)).toHaveLength(16)
})

test('two API Connect regions sharing one role: each keeps its own statement, reruns write nothing', async () => {
  const LONDON = IBM_EU_WEST
  const FRANKFURT = IBM_EU_CENTRAL
  const london = {
    'function-name': 'orders-1',
    'role-name': 'apic-two-regions',
    'api-connect-region': 'eu-west-a'
  }
  const frankfurt = { ...london, 'function-name': 'orders-2', 'api-connect-region': 'eu-central-a' }

  const first = await deploy(london)
  const second = await deploy(frankfurt)

  for (const run of [first, second]) {
    expect(run.errors).toEqual([])
    expect(run.warnings).toEqual([])
    expect(run.exitCode).toBe(0)
  }
  expect(first.outputs['api-connect-role-arn']).toBe(LONDON)
  expect(second.outputs['api-connect-role-arn']).toBe(FRANKFURT)
  expect(second.writes).toEqual(['iam:UpdateAssumeRolePolicy', 'iam:PutRolePolicy'])
  const both = [apiConnectStatement(LONDON), apiConnectStatement(FRANKFURT)]
  expect(both[0].Sid).not.toBe(both[1].Sid)
  expect(storedRole('apic-two-regions').trust.Statement).toEqual(both)

  // Reruns of either region, in any order, find their statement and leave the other's alone.
  for (const inputs of [london, frankfurt, london]) {
    const rerun = await deploy(inputs)
    expect(rerun.exitCode).toBe(0)
    expect(only('iam', rerun.calls).sort()).toEqual(['iam:GetRole', 'iam:GetRolePolicy'])
    expect(rerun.writes).toEqual([])
  }
  expect(storedRole('apic-two-regions').trust.Statement).toEqual(both)
})

test('another provider org on the same principal replaces the statement, and the warning says so', async () => {
  const OTHER_ORG = '0d1c6f3e-5b7a-4c2e-9f80-123456789abc'
  await deploy({ 'role-name': 'apic-one-principal' })

  const moved = await deploy({ 'role-name': 'apic-one-principal', 'provider-org-id': OTHER_ORG })

  expect(moved.exitCode).toBe(0)
  expect(moved.writes).toEqual(['iam:UpdateAssumeRolePolicy'])
  // Replaced in place: the old org's ID is no longer trusted.
  expect(storedRole('apic-one-principal').trust.Statement).toEqual([
    apiConnectStatement(IBM, OTHER_ORG)
  ])
  expect(moved.warnings).toEqual([
    expect.stringMatching(
      new RegExp(
        `trust statement for ${IBM} \\(${ours.Sid}\\) pins sts:ExternalId ${ORG}; replacing it with ${OTHER_ORG} takes the role away from that provider org\\. ` +
          `.*another org on the same API Connect region deploys with this role-name too, each run takes the role away from the other`
      )
    )
  ])
  expect(moved.log).toMatch(
    new RegExp(
      `trust policy: update: statement ${ours.Sid} now trusts .* \\(was sts:ExternalId ${ORG}\\)`
    )
  )
})

test('IAM’s propagation window after CreateRole is waited out by polling, not slept through', async () => {
  emulator.configure({ iamPropagationMs: 2500 })
  const run = await deploy()

  expect(run.exitCode).toBe(0)
  expect(run.log).toMatch(/waiting until IAM shows it/)
  expect(run.log).toMatch(/visible after \d+\.\d s/)
  const calls = only('iam', run.calls).slice(2)
  // Written at once (IAM accepts writes to a role it has just created), then polled until shown.
  expect(calls.slice(0, 2)).toEqual(['iam:CreateRole', 'iam:PutRolePolicy'])
  const polls = calls.slice(2)
  expect(polls.at(-1)).toBe('iam:GetRole')
  expect(polls.slice(0, -1).every(c => c === 'iam:GetRole(NoSuchEntity)')).toBe(true)
  expect(polls.length).toBeGreaterThanOrEqual(2)
  const created = run.requests.find(r => r.operation === 'CreateRole')!
  const granted = run.requests.find(r => r.operation === 'PutRolePolicy')!
  const seen = run.requests.filter(r => r.operation === 'GetRole').at(-1)!
  expect(Date.parse(granted.time) - Date.parse(created.time)).toBeLessThan(1000)
  // Seen within one poll interval (Timing.rolePollMaxMs, 0.5 s) of showing, plus slack for a busy
  // machine: the SDK waiter's 1-5 s backoff would overshoot by seconds.
  const late = Date.parse(seen.time) - Date.parse(created.time) - 2500
  expect(late).toBeGreaterThanOrEqual(0)
  expect(late).toBeLessThan(1200)
})

test('manage-role false makes no IAM write and reports what is missing', async () => {
  await createRole('managed-elsewhere', [lambdaTrust])

  const run = await deploy({ 'role-name': 'managed-elsewhere', 'manage-role': 'false' })

  expect(run.exitCode).toBe(0)
  expect(run.writes).toEqual([])
  expect(only('iam', run.calls).sort()).toEqual(['iam:GetRole', 'iam:GetRolePolicy(NoSuchEntity)'])
  expect(storedRole('managed-elsewhere').trust.Statement).toEqual([lambdaTrust])
  expect(run.warnings).toEqual([
    expect.stringMatching(/trust policy: update: not done \(manage-role is false\)/),
    expect.stringMatching(
      /policy invoke-orders-1@us-east-1: create: not done \(manage-role is false\)/
    )
  ])

  // A role nobody made stops the run before any write: the function is not touched.
  const missing = await deploy({ 'role-name': 'nobody-made-it', 'manage-role': 'false' })
  expect(missing.exitCode).toBe(1)
  expect(missing.writes).toEqual([])
  expect(missing.outputs['role-arn']).toBe(roleArn('nobody-made-it'))
  expect(missing.errors[0]).toContain('role nobody-made-it does not exist')
})

test('dry-run writes nothing and reports the plan', async () => {
  const run = await deploy({ 'dry-run': 'true' })

  expect(run.exitCode).toBe(0)
  expect(run.writes).toEqual([])
  expect(emulator.state.iam.roles.has('apic-invoke-orders-1')).toBe(false)
  expect(run.log).toMatch(
    /Dry run: role apic-invoke-orders-1: create: not done \(dry run\): trusts .*ibm-apiconnect-us-east-a/
  )
  expect(run.log).toMatch(
    /Dry run: role apic-invoke-orders-1: policy invoke-orders-1@us-east-1: create/
  )
})

test('a role at another path than role-path stops the run before any write', async () => {
  await createRole('elsewhere', [lambdaTrust], '/teams/')
  const run = await deploy({ 'role-name': 'elsewhere', 'role-path': '/apic/' })
  expect(run.exitCode).toBe(1)
  expect(run.errors.join('\n')).toMatch(
    /role-path: role elsewhere exists at path \/teams\/, not \/apic\/, and IAM cannot change/
  )
  expect(run.writes).toEqual([])

  // Without role-path, the role is used where it is, and the output is its real ARN.
  const found = await deploy({ 'role-name': 'elsewhere' })
  expect(found.exitCode).toBe(0)
  expect(found.outputs['role-arn']).toBe(roleArn('elsewhere', '/teams/'))
})

test('a grant that someone widened is put back to the function only', async () => {
  await deploy()
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'apic-invoke-orders-1',
      PolicyName: 'invoke-orders-1@us-east-1',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }]
      })
    })
  )
  const run = await deploy()
  expect(run.writes).toEqual(['iam:PutRolePolicy'])
  expect(storedRole('apic-invoke-orders-1').grants['invoke-orders-1@us-east-1']).toEqual(
    grantOf('orders-1')
  )
})

test('bad role inputs fail together, each naming its input, before any AWS call', async () => {
  const run = await deploy({
    'provider-org-id': 'acme-payments-org',
    'api-connect-region': 'mars-1',
    'role-name': 'has spaces',
    'role-path': 'apic',
    'permissions-boundary': 'arn:aws:iam::123456789012:role/not-a-policy',
    'role-tags': 'aws:reserved=x',
    'manage-role': 'maybe'
  })
  expect(run.exitCode).toBe(1)
  const message = run.errors.join('\n')
  for (const input of [
    'provider-org-id',
    'api-connect-region',
    'role-name',
    'role-path',
    'permissions-boundary',
    'role-tags',
    'manage-role'
  ])
    expect(message).toContain(`${input}:`)
  expect(message).toMatch(/not a UUID.*not its name/)
  expect(run.requests).toEqual([])

  const star = await deploy({ 'api-connect-role-arn': '*' })
  expect(star.exitCode).toBe(1)
  expect(star.errors.join('\n')).toMatch(/api-connect-role-arn: .*wildcards are refused/)
  const user = await deploy({ 'api-connect-role-arn': 'arn:aws:iam::623947394061:user/ibm' })
  expect(user.errors.join('\n')).toMatch(/api-connect-role-arn: .*must be the ARN of one IAM role/)
  expect([...star.requests, ...user.requests]).toEqual([])
})

test('IAM refusing CreateRole fails the run with the permission to ask for', async () => {
  refuse(emulator, 'iam:CreateRole')
  const run = await deploy()
  expect(run.exitCode).toBe(1)
  expect(run.errors.join('\n')).toMatch(
    /CreateRole on role apic-invoke-orders-1 failed: AccessDenied: .*need iam:CreateRole.*manage-role: false/
  )
  expect(run.writes).toEqual(['iam:CreateRole(AccessDenied)'])
})

test('throttled IAM reads are retried by the SDK and the run still converges', async () => {
  emulator.injectFault({ kind: 'throttle', service: 'iam', operation: 'GetRole', count: 2 })
  const run = await deploy()
  expect(run.exitCode).toBe(0)
  expect(run.calls.filter(c => c.startsWith('iam:GetRole(Throttling)'))).toHaveLength(2)
  expect(storedRole('apic-invoke-orders-1').trust.Statement).toEqual([ours])
})
