// Two runs racing the alias, end to end: run A (an older commit) is slow in its smoke test; run B (a
// newer one) starts after A published, passes and moves `live` to its version; then A's move is
// refused, because UpdateAlias carries the RevisionId A read at plan time. The alias stays on B's
// version, A fails naming it, and `promoted` is false, never empty.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executionRole, type Emulator } from '../../emulator/index.js'
import { eventually } from '../emulator/helpers.js'
import { functionArn, ORG, roleArn } from '../../harness/constants.js'
import {
  ok,
  runE2e,
  startE2eEmulator,
  type E2eRun,
  type Inputs,
  commitAnswering
} from '../support/e2e.js'

// A's smoke test answers this late: long enough for B's whole run, under a loaded machine too.
const SLOW_SMOKE_MS = 12_000
let emu: Emulator
let workspace: string

beforeAll(async () => {
  emu = await startE2eEmulator({ roles: [executionRole('exec')] })
  workspace = await mkdtemp(join(tmpdir(), 'apic-alias-race-'))
})
afterAll(async () => {
  await emu?.stop()
  if (workspace) await rm(workspace, { recursive: true, force: true })
})
afterEach(() => emu.clearFaults())

const commit = (tag: string): Promise<string> => commitAnswering(workspace, tag)

const deploy = (name: string, code: string, more: Inputs = {}): Promise<E2eRun> =>
  runE2e(
    emu,
    {
      'function-name': name,
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      'execution-role-arn': roleArn('exec'),
      'provider-org-id': ORG,
      verify: 'off',
      code,
      alias: 'live',
      'test-event': '{}',
      ...more
    },
    { workspace }
  )
const aliasOf = (name: string) =>
  emu.state.lambda.functions.get(functionArn(name))?.aliases.get('live')?.functionVersion

/** Starts run A slowed in its smoke test, and resolves once A is in it (it has published). */
async function slowRunInSmokeTest(name: string, code: string): Promise<{ run: Promise<E2eRun> }> {
  emu.injectFault({
    kind: 'latency',
    service: 'lambda',
    operation: 'Invoke',
    count: 1,
    latencyMs: SLOW_SMOKE_MS
  })
  const since = emu.log.length
  const running = deploy(name, code)
  await eventually(async () => emu.log.slice(since).find(e => e.operation === 'Invoke'), 30_000, 20)
  return { run: running }
}

test('an older run never moves the alias back: it fails naming the newer version', async () => {
  ok(await deploy('orders', await commit('v1')))
  expect(aliasOf('orders')).toBe('1')
  const [older, newer] = [await commit('older'), await commit('newer')]

  const runningA = await slowRunInSmokeTest('orders', older)
  const b = await deploy('orders', newer)
  const a = await runningA.run

  ok(b)
  expect(b.outputs).toMatchObject({ version: '3', promoted: 'true', 'smoke-test': 'pass' })
  expect(a.outputs).toMatchObject({ version: '2', promoted: 'false', 'smoke-test': 'pass' })
  expect(a.exitCode).toBe(1)
  expect(a.errors).toEqual([
    'lambda:UpdateAlias live on function orders failed: another deploy moved alias live to version 3 after this run read it; version 2 is published but not promoted, and the alias stays where that deploy put it'
  ])
  // B's move came while A was in its smoke test, and A's was refused after it.
  const lambdaCalls = a.calls.filter(c => c.startsWith('lambda:') && /Alias|Invoke/.test(c))
  expect(lambdaCalls).toEqual([
    'lambda:GetAlias', // A's plan
    'lambda:Invoke', // A's smoke test, slow
    'lambda:GetAlias', // B's plan
    'lambda:Invoke', // B's smoke test
    'lambda:UpdateAlias', // B's move
    'lambda:UpdateAlias(PreconditionFailedException)', // A's, from the RevisionId it read
    'lambda:GetAlias' // A reads where the alias went, to say so
  ])
  expect(aliasOf('orders')).toBe('3')
  // A's record says the move failed and nothing else did.
  expect(a.result.changes.find(c => c.target === 'alias orders:live')).toEqual({
    target: 'alias orders:live',
    action: 'update',
    detail: 'failed: version 1 → version 2'
  })
  expect(a.summary).toContain(
    '**Version 2 is published but not promoted**: the alias was not moved'
  )
}, 120_000)

test('a run that finds the alias created by another run meanwhile does not move it', async () => {
  ok(await deploy('payments', await commit('p1'), { alias: '', publish: 'true' }))
  const [older, newer] = [await commit('p-older'), await commit('p-newer')]

  const runningA = await slowRunInSmokeTest('payments', older)
  const b = await deploy('payments', newer)
  const a = await runningA.run

  ok(b)
  expect(b.outputs).toMatchObject({ version: '3', promoted: 'true' })
  expect(a.outputs).toMatchObject({ version: '2', promoted: 'false' })
  expect(a.errors).toEqual([
    'lambda:CreateAlias live on function payments failed: another deploy moved alias live to version 3 after this run read it; version 2 is published but not promoted, and the alias stays where that deploy put it'
  ])
  expect(a.writes.filter(w => w.includes('Alias'))).toEqual([
    'lambda:CreateAlias',
    'lambda:CreateAlias(ResourceConflictException)'
  ])
  expect(aliasOf('payments')).toBe('3')
}, 120_000)
