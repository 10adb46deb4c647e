// The whole action as GitHub runs it: deploy + role + STS dry run, against the emulator.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  executionRole,
  isWriteOperation,
  startEmulator,
  type Emulator,
  type RequestLogEntry
} from '../../emulator/index.js'
import { parsePolicyDocument } from '../../src/iam-policy/evaluate.js'
import { ROOT, runAction, type ActionRun } from '../support/run-action.js'

const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'
const FUNCTION_ARN = 'arn:aws:lambda:eu-west-2:123456789012:function:orders'
const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/orders-lambda'
let emulator: Emulator
let workspace: string

const inputs = {
  'function-name': 'orders',
  region: 'eu-west-2',
  code: 'build',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  'execution-role-arn': EXECUTION_ROLE,
  'provider-org-id': ORG
}

beforeAll(async () => {
  emulator = await startEmulator({
    functionActivationMs: 200,
    functionUpdateMs: 200,
    seed: { roles: [executionRole('orders-lambda')] }
  })
  workspace = mkdtempSync(join(tmpdir(), 'apic-e2e-'))
  cpSync(join(ROOT, 'examples', 'echo'), join(workspace, 'build'), { recursive: true })
})
afterAll(() => emulator.stop())

/** Runs the action and returns what it did, per service in call order (services run concurrently). */
async function run(
  extra: Record<string, string> = {}
): Promise<ActionRun & { calls: Record<string, string[]>; writes: string[] }> {
  const from = emulator.log.length
  const result = await runAction({ ...inputs, ...extra }, { endpoint: emulator.url, workspace })
  const entries = emulator.log.slice(from)
  const calls: Record<string, string[]> = {}
  for (const e of entries) (calls[e.service] ??= []).push(label(e))
  return {
    ...result,
    calls,
    writes: entries.filter(e => isWriteOperation(e.service, e.operation)).map(label)
  }
}
const label = (e: RequestLogEntry): string =>
  `${e.operation}${e.errorCode ? `(${e.errorCode})` : ''}`
/** Waiter polls vary with timing: consecutive repeats of one call collapse to `Call+`. */
const polls = (calls: string[] = []): string[] =>
  calls.reduce<string[]>((out, call) => {
    const last = out.at(-1)
    if (last === call || last === `${call}+`) out[out.length - 1] = `${call}+`
    else out.push(call)
    return out
  }, [])

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
      'function-arn': 'arn:aws:lambda:eu-west-2:123456789012:function:orders',
      region: 'eu-west-2',
      'role-arn': 'arn:aws:iam::123456789012:role/apic-invoke-orders',
      'api-connect-role-arn': 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a',
      'external-id': ORG,
      'code-sha256': fn?.code.sha256,
      version: '',
      verified: 'true'
    })
    const result = JSON.parse(first.outputs.result)
    expect(result.checks.map((c: { status: string }) => c.status)).toEqual(Array(7).fill('pass'))
    expect(
      result.changes.map((c: { target: string; action: string }) => `${c.action} ${c.target}`)
    ).toEqual([
      'create function orders',
      'create role apic-invoke-orders',
      'create role apic-invoke-orders: policy invoke-orders@eu-west-2'
    ])
  })

  test('makes exactly these AWS calls', () => {
    expect(first.calls.sts).toEqual(['GetCallerIdentity'])
    expect(polls(first.calls.lambda)).toEqual([
      'GetFunction(ResourceNotFoundException)',
      'CreateFunction',
      'GetFunction+'
    ])
    // plan: GetRole + GetRolePolicy; apply: CreateRole, the waiter's GetRole, PutRolePolicy;
    // verify: GetRole (the trust policy as stored) and SimulatePrincipalPolicy.
    expect([...first.calls.iam].sort()).toEqual(
      [
        'GetRole(NoSuchEntity)',
        'GetRolePolicy(NoSuchEntity)',
        'CreateRole',
        'GetRole',
        'PutRolePolicy',
        'GetRole',
        'SimulatePrincipalPolicy'
      ].sort()
    )
    expect(first.writes.sort()).toEqual(['CreateFunction', 'CreateRole', 'PutRolePolicy'])
  })

  test('leaves the function, the trust and the grant in the emulator', () => {
    const role = emulator.state.iam.roles.get('apic-invoke-orders')
    const trust = parsePolicyDocument(role?.assumeRolePolicy ?? '')
    expect(trust.Statement).toEqual([
      {
        Sid: 'ApiConnectbeedb106', // ApiConnect + sha256(principal), one statement per principal
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': ORG } }
      }
    ])
    const grant = parsePolicyDocument(role?.inlinePolicies.get('invoke-orders@eu-west-2') ?? '')
    expect(grant.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [
          'arn:aws:lambda:eu-west-2:123456789012:function:orders',
          'arn:aws:lambda:eu-west-2:123456789012:function:orders:*'
        ]
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
    expect(rerun.calls.lambda).toEqual(['GetFunction'])
    const { result: a, ...outputs } = rerun.outputs
    const { result: b, ...before } = first.outputs
    expect(outputs).toEqual(before)
    expect(JSON.parse(a).changes.every((c: { action: string }) => c.action === 'unchanged')).toBe(
      true
    )
    expect(JSON.parse(b).changes).not.toEqual(JSON.parse(a).changes)
  })

  test('a throttled, flaky AWS is retried by the SDK and the run still succeeds', async () => {
    emulator.injectFault({ kind: 'throttle', operation: 'GetRole', count: 2 })
    emulator.injectFault({ kind: 'internal', operation: 'GetFunction', count: 1 })
    emulator.injectFault({ kind: 'drop', operation: 'GetCallerIdentity', count: 1 })
    const flaky = await run()
    expect(flaky.exitCode).toBe(0)
    expect(flaky.writes).toEqual([])
    expect(flaky.calls.iam).toEqual(expect.arrayContaining(['GetRole(Throttling)']))
    expect(flaky.calls.lambda?.[0]).toBe('GetFunction(ServiceException)')
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
    expect(bad.calls).toEqual({})
    expect(bad.errors).toHaveLength(1)
    expect(bad.errors[0]).toMatch(/^3 invalid inputs:/)
    expect(bad.errors[0]).toMatch(/provider-org-id: "Acme Corp" is not a UUID/)
    expect(bad.errors[0]).toMatch(/memory-size: "99999" must be a whole number from 128 to 10240/)
    expect(bad.errors[0]).toMatch(/role-path: "nope" must start and end with \//)
  })

  test('on the wrong account: only GetCallerIdentity is called', async () => {
    const wrong = await run({ 'expected-account-id': '999999999999' })
    expect(wrong.exitCode).toBe(1)
    expect(wrong.calls).toEqual({ sts: ['GetCallerIdentity'] })
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
  expect(changed.writes).toEqual(['UpdateFunctionCode'])
  expect(changed.outputs['code-sha256']).toBe(
    emulator.state.lambda.functions.get(FUNCTION_ARN)?.code.sha256
  )
})

test('two jobs creating the same new function at once both succeed, one creating and one updating', async () => {
  // A slow CreateFunction keeps the window open: both jobs see no function, both create.
  emulator.injectFault({ kind: 'latency', operation: 'CreateFunction', latencyMs: 1500, count: 2 })
  const from = emulator.log.length
  const both = await Promise.all([
    runAction({ ...inputs, 'function-name': 'raced' }, { endpoint: emulator.url, workspace }),
    runAction({ ...inputs, 'function-name': 'raced' }, { endpoint: emulator.url, workspace })
  ])
  expect(both.map(r => r.exitCode)).toEqual([0, 0])
  const creates = emulator.log.slice(from).filter(e => e.operation === 'CreateFunction')
  expect(creates.map(e => e.status).sort()).toEqual([201, 409])
  expect(both.map(r => r.outputs['code-sha256'])).toEqual([
    emulator.state.lambda.functions.get(FUNCTION_ARN.replace('orders', 'raced'))?.code.sha256,
    emulator.state.lambda.functions.get(FUNCTION_ARN.replace('orders', 'raced'))?.code.sha256
  ])
  expect(both.some(r => r.log.includes('was created by someone else meanwhile'))).toBe(true)
})
