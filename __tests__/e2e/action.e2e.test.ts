// The whole action as GitHub runs it: deploy + role + STS dry run, against the emulator.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { executionRole, type Emulator } from '../../emulator/index.js'
import { parsePolicyDocument } from '../../src/iam-policy/parse.js'
import { functionArn, IBM_EU_WEST, ORG, roleArn } from '../../harness/constants.js'
import { collapsePolls, only, runE2e, startE2eEmulator, type Inputs } from '../support/e2e.js'
import { ECHO_INPUTS, echoWorkspace } from '../support/echo-function.js'

const FUNCTION_ARN = functionArn('orders', 'eu-west-2')
const EXECUTION_ROLE = roleArn('orders-lambda')
let emulator: Emulator
let workspace: string

beforeAll(async () => {
  emulator = await startE2eEmulator({ roles: [executionRole('orders-lambda')] })
  workspace = echoWorkspace()
})
afterAll(() => emulator.stop())

const run = (extra: Inputs = {}) => runE2e(emulator, { ...ECHO_INPUTS, ...extra }, { workspace })

describe('a first deploy, then a rerun', () => {
  let first: Awaited<ReturnType<typeof run>>

  beforeAll(async () => {
    first = await run()
  })

  test('succeeds with every output the publish job needs', () => {
    expect(first.errors).toEqual([])
    expect(first.exitCode).toBe(0)
    const fn = emulator.state.lambda.functions.get(FUNCTION_ARN)
    expect(first.outputs).toMatchObject({
      'function-name': 'orders',
      'function-arn': FUNCTION_ARN,
      region: 'eu-west-2',
      'role-arn': roleArn('apic-invoke-orders'),
      'api-connect-role-arn': IBM_EU_WEST,
      'external-id': ORG,
      'code-sha256': fn?.code.sha256,
      version: '',
      verified: 'true'
    })
    expect(first.result.checks.map(c => c.status)).toEqual(Array(5).fill('pass'))
    expect(first.result.changes.map(c => `${c.action} ${c.target}`)).toEqual([
      'create function orders',
      'create role apic-invoke-orders',
      'create role apic-invoke-orders: policy invoke-orders@eu-west-2'
    ])
  })

  test('makes exactly these AWS calls', () => {
    expect(only('sts', first.calls)).toEqual(['sts:GetCallerIdentity'])
    // Verification reads the function's policy (none) beside the deploy's calls.
    const policyReads = (calls: string[]) => calls.filter(c => c.startsWith('lambda:GetPolicy'))
    expect(policyReads(first.calls)).toEqual(['lambda:GetPolicy(ResourceNotFoundException)'])
    const deployCalls = only('lambda', first.calls).filter(c => !policyReads([c]).length)
    expect(collapsePolls(deployCalls)).toEqual([
      'lambda:GetFunction(ResourceNotFoundException)',
      'lambda:CreateFunction',
      // One poll: it waits one minDelay (0.25 s) after CreateFunction, past the 0.2 s activation.
      'lambda:GetFunction'
    ])
    // plan: GetRole + GetRolePolicy; apply: CreateRole, PutRolePolicy, then the GetRole that sees
    // the new role (the trust policy as stored, which verify reuses); verify: SimulatePrincipalPolicy.
    // "The role can do nothing but invoke" was decided before the writes on the planned documents
    // (the role's policies, asked for alongside the plan's reads, do not exist yet), which a role this
    // run created holds and nothing else: they are not read again.
    expect(only('iam', first.calls).sort()).toEqual(
      [
        'iam:GetRole(NoSuchEntity)',
        'iam:GetRolePolicy(NoSuchEntity)',
        'iam:ListRolePolicies(NoSuchEntity)',
        'iam:CreateRole',
        'iam:PutRolePolicy',
        'iam:GetRole',
        'iam:SimulatePrincipalPolicy'
      ].sort()
    )
    expect([...first.writes].sort()).toEqual([
      'iam:CreateRole',
      'iam:PutRolePolicy',
      'lambda:CreateFunction'
    ])
  })

  test('leaves the function, the trust and the grant in the emulator', () => {
    const role = emulator.state.iam.roles.get('apic-invoke-orders')
    const trust = parsePolicyDocument(role?.assumeRolePolicy ?? '')
    expect(trust.Statement).toEqual([
      {
        Sid: 'ApiConnectbeedb106', // ApiConnect + sha256(principal), one statement per principal
        Effect: 'Allow',
        Principal: { AWS: IBM_EU_WEST },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': ORG } }
      }
    ])
    const grant = parsePolicyDocument(role?.inlinePolicies.get('invoke-orders@eu-west-2') ?? '')
    expect(grant.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [FUNCTION_ARN, `${FUNCTION_ARN}:*`]
      })
    ])
    const fn = emulator.state.lambda.functions.get(FUNCTION_ARN)
    expect(fn?.settings).toMatchObject({
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: EXECUTION_ROLE
    })
  })

  test('a rerun with nothing changed makes no write and reports the same outputs', async () => {
    const rerun = await run()
    expect(rerun.exitCode).toBe(0)
    expect(rerun.writes).toEqual([])
    expect(only('lambda', rerun.calls)).toEqual([
      'lambda:GetFunction',
      'lambda:GetPolicy(ResourceNotFoundException)'
    ])
    const withoutResult = ({ result: _, ...outputs }: Record<string, string>) => outputs
    expect(withoutResult(rerun.outputs)).toEqual(withoutResult(first.outputs))
    expect(rerun.result.changes.every(c => c.action === 'unchanged')).toBe(true)
    expect(first.result.changes).not.toEqual(rerun.result.changes)
  })

  test('a throttled, flaky AWS is retried by the SDK and the run still succeeds', async () => {
    emulator.injectFault({ kind: 'throttle', operation: 'GetRole', count: 2 })
    emulator.injectFault({ kind: 'internal', operation: 'GetFunction', count: 1 })
    emulator.injectFault({ kind: 'drop', operation: 'GetCallerIdentity', count: 1 })
    const flaky = await run()
    expect(flaky.exitCode).toBe(0)
    expect(flaky.writes).toEqual([])
    expect(flaky.calls).toEqual(expect.arrayContaining(['iam:GetRole(Throttling)']))
    expect(only('lambda', flaky.calls)[0]).toBe('lambda:GetFunction(ServiceException)')
  })
})

describe('stops before any write', () => {
  test('on bad input: every problem at once, no AWS call', async () => {
    const bad = await run({
      'provider-org-id': 'Acme Corp',
      'memory-size': '99999',
      'role-path': 'nope'
    })
    expect(bad.exitCode).toBe(1)
    expect(bad.calls).toEqual([])
    expect(bad.errors).toHaveLength(1)
    expect(bad.errors[0]).toMatch(/^3 invalid inputs:/)
    expect(bad.errors[0]).toMatch(/provider-org-id: "Acme Corp" is not a UUID/)
    expect(bad.errors[0]).toMatch(/memory-size: "99999" must be a whole number from 128 to 10240/)
    expect(bad.errors[0]).toMatch(/role-path: "nope" must start and end with \//)
  })

  test('on the wrong account: the reads by name alongside GetCallerIdentity, and no write', async () => {
    const wrong = await run({ 'expected-account-id': '999999999999' })
    expect(wrong.exitCode).toBe(1)
    // The plan's reads (and the role's policies, for the analysis before any write) need only
    // names, so they run alongside GetCallerIdentity; nothing more.
    expect(wrong.calls.map(c => c.replace(/\(.*\)$/, '')).sort()).toEqual([
      'iam:GetRole',
      'iam:GetRolePolicy',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies',
      'lambda:GetFunction',
      'sts:GetCallerIdentity'
    ])
    expect(wrong.writes).toEqual([])
    expect(wrong.errors[0]).toBe(
      'expected-account-id: the credentials belong to account 123456789012, not 999999999999; nothing was changed'
    )
  })

  test('when a function to create lacks its runtime: reads only', async () => {
    const missing = await run({ 'function-name': 'brand-new', runtime: '', handler: '' })
    expect(missing.exitCode).toBe(1)
    expect(missing.writes).toEqual([])
    expect(missing.errors[0]).toMatch(/runtime/)
    expect(missing.errors[0]).toMatch(/handler/)
  })
})

test('a code change uploads once and keeps the role as it is', async () => {
  writeFileSync(join(workspace, 'build', 'index.mjs'), 'export const handler = async () => "v2"\n')
  const changed = await run()
  expect(changed.exitCode).toBe(0)
  expect(changed.writes).toEqual(['lambda:UpdateFunctionCode'])
  expect(changed.outputs['code-sha256']).toBe(
    emulator.state.lambda.functions.get(FUNCTION_ARN)?.code.sha256
  )
})

test('two jobs creating the same new function at once both succeed, one creating and one updating', async () => {
  // A slow CreateFunction keeps the window open: both jobs see no function, both create.
  emulator.injectFault({ kind: 'latency', operation: 'CreateFunction', latencyMs: 1500, count: 2 })
  const from = emulator.log.length
  const both = await Promise.all([
    run({ 'function-name': 'raced' }),
    run({ 'function-name': 'raced' })
  ])
  expect(both.map(r => r.exitCode)).toEqual([0, 0])
  // The two runs overlap, so each one's traffic holds the other's calls too: read the batch's log.
  const creates = emulator.log.slice(from).filter(e => e.operation === 'CreateFunction')
  expect(creates.map(e => e.status).sort()).toEqual([201, 409])
  expect(both.map(r => r.outputs['code-sha256'])).toEqual([
    emulator.state.lambda.functions.get(functionArn('raced', 'eu-west-2'))?.code.sha256,
    emulator.state.lambda.functions.get(functionArn('raced', 'eu-west-2'))?.code.sha256
  ])
  expect(both.some(r => r.log.includes('was created by someone else meanwhile'))).toBe(true)
})
