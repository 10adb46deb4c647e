// The smoke test end to end: the bundled action invokes the version it published (the emulator runs
// the handler for real), and the alias moves only when the smoke test passed. The tests share one
// emulator and run in order: each starts from the state the previous one left.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executionRole, type Emulator } from '../../emulator/index.js'
import { functionArn, ORG, roleArn } from '../../harness/constants.js'
import { ok, only, runE2e, startE2eEmulator, type Inputs, writeHandler } from '../support/e2e.js'

let emu: Emulator
let workspace: string

beforeAll(async () => {
  emu = await startE2eEmulator({ roles: [executionRole('orders-exec')] })
  workspace = await mkdtemp(join(tmpdir(), 'apic-smoke-e2e-'))
  await mkdir(join(workspace, 'events'))
  await writeFile(join(workspace, 'events', 'order.json'), '{"orderId": 7}')
})

afterAll(async () => {
  await emu?.stop()
  if (workspace) await rm(workspace, { recursive: true, force: true })
})

const writeApp = (body: string) => writeHandler(workspace, body)

const GOOD = `return { statusCode: 200, body: JSON.stringify({ orderId: event.orderId, ok: true }) }`

const BASE = {
  'function-name': 'orders',
  code: 'app',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  'execution-role-arn': roleArn('orders-exec'),
  'provider-org-id': ORG,
  verify: 'off',
  alias: 'live',
  'test-event': 'events/order.json',
  'test-expect': '{"statusCode": 200, "body": {"orderId": 7, "ok": true}}'
}

const deploy = (inputs: Inputs = {}) => runE2e(emu, { ...BASE, ...inputs }, { workspace })
const aliasVersion = (name = 'orders', alias = 'live') =>
  emu.state.lambda.functions.get(functionArn(name))?.aliases.get(alias)?.functionVersion

test('a passing smoke test invokes the new version by number, then moves the alias', async () => {
  await writeApp(GOOD)
  const run = await deploy()
  ok(run)
  expect(run.outputs).toMatchObject({
    version: '1',
    'smoke-test': 'pass',
    promoted: 'true',
    'qualified-name': 'orders:live'
  })
  expect(aliasVersion()).toBe('1')
  // Invoked after publishing and before the alias exists.
  const lambda = only('lambda', run.calls)
  expect(lambda.indexOf('lambda:PublishVersion')).toBeLessThan(lambda.indexOf('lambda:Invoke'))
  expect(lambda.indexOf('lambda:Invoke')).toBeLessThan(lambda.indexOf('lambda:CreateAlias'))
  expect(run.result.smokeTest).toMatchObject({
    qualifier: '1',
    source: 'events/order.json',
    status: 'pass',
    response: JSON.stringify({ statusCode: 200, body: '{"orderId":7,"ok":true}' })
  })
  // The log shows the response and the function's own log tail; the summary the test's row.
  expect(run.log).toMatch(/START RequestId: \S+ Version: 1/)
  expect(run.summary).toContain('### Smoke test')
  expect(run.summary).toMatch(/`orders:1` \| `\{"orderId": 7\}` \(events\/order.json\)/)
})

test('a rerun with nothing changed writes nothing, reuses the version and tests it again', async () => {
  const run = await deploy()
  ok(run)
  expect(run.writes).toEqual([])
  expect(run.calls).toContain('lambda:Invoke')
  expect(run.outputs).toMatchObject({ version: '1', 'smoke-test': 'pass', promoted: 'true' })
})

test('a handler that throws fails the step and leaves the alias on the previous version', async () => {
  await writeApp(`throw new Error('orders table missing for ' + event.orderId)`)
  const run = await deploy()
  expect(run.exitCode).toBe(1)
  expect(run.outputs).toMatchObject({ version: '2', 'smoke-test': 'fail', promoted: 'false' })
  expect(aliasVersion()).toBe('1')
  expect(run.writes).not.toContain('lambda:UpdateAlias')
  expect(run.errors.join('\n')).toContain(
    'Smoke test of 2 failed: the function failed (FunctionError Unhandled): Error: orders table missing for 7'
  )
  expect(run.errors.join('\n')).toContain('Version 2 is published but not promoted')
  expect(run.summary).toContain('(smoke test failed ❌)')
  expect(run.summary).toContain('**Version 2 is published but not promoted**')
  expect(run.result.changes).toContainEqual(
    expect.objectContaining({
      target: 'alias orders:live',
      detail: 'not done (held back): version 1 → version 2'
    })
  )
})

test('a response that does not match test-expect leaves the alias too', async () => {
  await writeApp(`return { statusCode: 503, body: 'down' }`)
  const run = await deploy({ 'test-expect': '200' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs).toMatchObject({ version: '3', 'smoke-test': 'fail', promoted: 'false' })
  expect(aliasVersion()).toBe('1')
  expect(run.result.smokeTest?.detail).toBe(
    'the response does not match test-expect: statusCode is 503, expected 200'
  )
})

test('fixed code passes and the alias moves on to it', async () => {
  await writeApp(GOOD)
  const run = await deploy({ 'test-event': '{"orderId": 7}' })
  ok(run)
  expect(run.outputs).toMatchObject({ version: '4', promoted: 'true' })
  expect(aliasVersion()).toBe('4')
})

test('a failed verification holds the alias back even when the smoke test passed', async () => {
  await writeApp(`${GOOD} /* v5 */`)
  // A role managed elsewhere that only Lambda may assume: API Connect cannot.
  const run = await deploy({ verify: 'fail', 'role-name': 'orders-exec', 'manage-role': 'false' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs).toMatchObject({
    version: '5',
    'smoke-test': 'pass',
    promoted: 'false',
    verified: 'false'
  })
  expect(aliasVersion()).toBe('4')
  expect(run.warnings.join('\n')).toMatch(
    /Alias live stays on version 4: verification failed \(.*API Connect can assume the role.*\)\. Version 5 is published but not promoted/
  )
})

test('without publish or alias the smoke test invokes $LATEST and says so', async () => {
  const run = await deploy({ 'function-name': 'drafts', alias: '', 'test-expect': '200' })
  ok(run)
  expect(run.outputs).toMatchObject({
    version: '',
    'smoke-test': 'pass',
    promoted: '',
    'qualified-name': 'drafts'
  })
  expect(run.result.smokeTest?.qualifier).toBe('$LATEST')
  expect(run.log).toContain(
    'Nothing is published (publish and alias are not set): invoking $LATEST'
  )
})

test('a dry run invokes nothing', async () => {
  await writeApp(`throw new Error('never run')`)
  const run = await deploy({ 'dry-run': 'true' })
  ok(run)
  expect(run.calls).not.toContain('lambda:Invoke')
  expect(run.writes).toEqual([])
  expect(run.outputs['smoke-test']).toBe('skipped')
})
