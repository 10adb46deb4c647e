// Progressive delivery end to end, through the bundled action against the emulator: a canary that
// passes, an alarm during the bake, a cancelled workflow (SIGINT), linear steps, a rerun after a
// killed canary, and `rollback: true`. The alias's weights are watched in the emulator's own state
// while the run goes, not taken from the action's word.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executionRole, type Emulator } from '../../emulator/index.js'
import { functionArn, ORG, roleArn } from '../../harness/constants.js'
import { eventually } from '../emulator/helpers.js'
import {
  runE2e,
  startE2eEmulator,
  type E2eRun,
  type Inputs,
  commitAnswering
} from '../support/e2e.js'

const ERRORS = 'orders-errors'
const LATENCY = 'orders-latency'
let emu: Emulator
let workspace: string

beforeAll(async () => {
  emu = await startE2eEmulator({
    roles: [executionRole('exec')],
    alarms: [
      { name: ERRORS, state: 'OK' },
      { name: LATENCY, state: 'INSUFFICIENT_DATA', composite: true }
    ]
  })
  workspace = await mkdtemp(join(tmpdir(), 'apic-traffic-'))
})
afterAll(async () => {
  await emu?.stop()
  if (workspace) await rm(workspace, { recursive: true, force: true })
})
afterEach(() => emu.setAlarmState(ERRORS, 'OK'))

const commit = (tag: string): Promise<string> => commitAnswering(workspace, tag)

const aliasOf = (name: string) =>
  emu.state.lambda.functions.get(functionArn(name))?.aliases.get('live')

/** The alias as it was at every moment of `work`: each distinct (version, routing), in order. */
async function watchAlias<T>(
  name: string,
  work: Promise<T>
): Promise<{ result: T; seen: string[] }> {
  const seen: string[] = []
  let done = false
  const look = () => {
    const alias = aliasOf(name)
    const now = alias
      ? `${alias.functionVersion}${alias.routing ? ` ${JSON.stringify(alias.routing)}` : ''}`
      : 'none'
    if (seen[seen.length - 1] !== now) seen.push(now)
  }
  look()
  const watcher = (async () => {
    while (!done) {
      look()
      await new Promise(resolve => setTimeout(resolve, 20))
    }
  })()
  const result = await work.finally(() => (done = true))
  await watcher
  look()
  return { result, seen }
}

const deploy = (
  name: string,
  code: string,
  more: Inputs = {},
  interrupt?: { after: Promise<unknown>; signal: NodeJS.Signals }
): Promise<E2eRun> =>
  runE2e(
    emu,
    {
      'function-name': name,
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      'execution-role-arn': roleArn('exec'),
      'provider-org-id': ORG,
      'role-name': `apic-${name}`,
      code,
      alias: 'live',
      ...more
    },
    { workspace, interrupt }
  )

/** Resolves once the alias has sent the new version part of the traffic for a moment. */
const weighted = (name: string) =>
  eventually(async () => (aliasOf(name)?.routing ? true : undefined), 20_000).then(
    () => new Promise(resolve => setTimeout(resolve, 300))
  )

describe('traffic-shift', () => {
  it('a canary that passes ends on the new version with no weight, the alarms read during its bake', async () => {
    expect((await deploy('canary', await commit('c1'))).outputs.promoted).toBe('true')
    const { result: run, seen } = await watchAlias(
      'canary',
      deploy('canary', await commit('c2'), {
        'traffic-shift': 'canary 20% 2s',
        alarms: `${ERRORS}\n${LATENCY}`
      })
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      promoted: 'true',
      version: '2',
      'previous-version': '1',
      verified: 'true'
    })
    expect(seen).toEqual(['1', '1 {"2":0.2}', '2'])
    expect(aliasOf('canary')?.description).toMatch(/^apic-lambda-deploy promoted 2 from 1: /)
    // Two moves: the weight, then all; the alarms read before the first write, before the shift,
    // during the bake and at its end.
    expect(run.calls.filter(c => c === 'lambda:UpdateAlias')).toHaveLength(2)
    expect(run.calls.filter(c => c === 'cloudwatch:DescribeAlarms').length).toBeGreaterThanOrEqual(
      4
    )
    const shift = run.result.trafficShift
    expect(shift).toMatchObject({ from: '1', to: '2', outcome: 'promoted' })
    expect(shift?.steps.map(s => [s.weight, s.alarms.map(a => a.state)])).toEqual([
      [0.2, ['OK', 'INSUFFICIENT_DATA']]
    ])
    expect(shift?.steps[0].bakedMs).toBeGreaterThanOrEqual(2000)
    expect(run.summary).toContain('### Traffic shift of alias `live`: version 1 → 2')
    expect(run.summary).toContain('Outcome: all traffic on version 2.')
  })

  it('an alarm raised during the bake sends all traffic back, fails the step and says which, when, at what weight', async () => {
    await deploy('alarmed', await commit('a1'))
    const started = Date.now()
    const running = deploy('alarmed', await commit('a2'), {
      'traffic-shift': 'canary 25% 60s',
      alarms: ERRORS
    })
    await weighted('alarmed')
    emu.setAlarmState(ERRORS, 'ALARM', 'Threshold Crossed: 3 errors')
    const { result: run, seen } = await watchAlias('alarmed', running)
    expect(Date.now() - started).toBeLessThan(40_000)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      promoted: 'rolled-back',
      version: '2',
      'previous-version': '1',
      verified: 'false'
    })
    expect(seen[seen.length - 1]).toBe('1')
    expect(aliasOf('alarmed')?.routing).toBeUndefined()
    expect(run.errors.join('\n')).toMatch(
      /the traffic shift of alias alarmed:live failed: alarm orders-errors went to ALARM at \S+ \(\d+s into the shift, at 25% on version 2\): alias live went back to version 1; version 2 is published but not promoted/
    )
    expect(run.result.trafficShift).toMatchObject({
      outcome: 'rolled-back',
      stop: { kind: 'alarm', alarm: { name: ERRORS, state: 'ALARM' } }
    })
    expect(run.result.changes.find(c => c.target === 'alias alarmed:live')?.detail).toMatch(
      /^not done \(rolled back\)/
    )
    expect(aliasOf('alarmed')?.description).toMatch(/^apic-lambda-deploy rolled back 2 to 1: /)
    expect(run.summary).toContain('**Version 2 is rolled back**')
  })

  it('an alarm already in ALARM moves no traffic at all', async () => {
    await deploy('early-alarm', await commit('e1'))
    emu.setAlarmState(ERRORS, 'ALARM')
    const { result: run, seen } = await watchAlias(
      'early-alarm',
      deploy('early-alarm', await commit('e2'), {
        'traffic-shift': 'canary 25% 60s',
        alarms: ERRORS
      })
    )
    expect(run.exitCode).toBe(1)
    expect(seen).toEqual(['1'])
    expect(run.outputs).toMatchObject({ promoted: 'false', version: '2', 'previous-version': '1' })
    expect(run.calls).not.toContain('lambda:UpdateAlias')
    expect(run.errors.join('\n')).toContain(
      'alarm orders-errors was already in ALARM before any traffic moved: alias live stays on version 1'
    )
  })

  it('a cancelled workflow (the runner’s SIGINT) during the bake sends all traffic back before the process exits', async () => {
    await deploy('cancelled', await commit('s1'))
    const { result: run, seen } = await watchAlias(
      'cancelled',
      deploy(
        'cancelled',
        await commit('s2'),
        { 'traffic-shift': 'canary 10% 60s' },
        { after: weighted('cancelled'), signal: 'SIGINT' }
      )
    )
    expect(run.exitCode).toBe(1)
    expect(seen).toEqual(['1', '1 {"2":0.1}', '1'])
    expect(run.outputs).toMatchObject({ promoted: 'rolled-back', 'previous-version': '1' })
    expect(run.warnings).toContain(
      'Traffic: alias live goes back to version 1 alone (10% was on version 2)'
    )
    expect(run.errors.join('\n')).toMatch(
      /the workflow was cancelled \(SIGINT\) \d+s into the shift, at 10% on version 2: alias live went back to version 1/
    )
  })

  it('linear reaches 100% in the planned steps', async () => {
    await deploy('linear', await commit('l1'))
    const { result: run, seen } = await watchAlias(
      'linear',
      deploy('linear', await commit('l2'), { 'traffic-shift': 'linear 40% every 1s' })
    )
    expect(run.exitCode).toBe(0)
    expect(seen).toEqual(['1', '1 {"2":0.4}', '1 {"2":0.8}', '2'])
    expect(run.result.trafficShift?.steps.map(s => s.weight)).toEqual([0.4, 0.8])
  })

  it('a rerun after a killed canary resolves the weight, and never routes to a third version', async () => {
    await deploy('killed', await commit('k1'))
    const killed = await deploy(
      'killed',
      await commit('k2'),
      { 'traffic-shift': 'canary 10% 60s' },
      { after: weighted('killed'), signal: 'SIGKILL' }
    )
    expect(killed.exitCode).toBe(128 + 9)
    expect(aliasOf('killed')).toMatchObject({ functionVersion: '1', routing: { '2': 0.1 } })

    // A newer commit: its canary takes the weight over from the killed one's version.
    const { result: rerun, seen } = await watchAlias(
      'killed',
      deploy('killed', await commit('k3'), { 'traffic-shift': 'canary 30% 1s' })
    )
    expect(rerun.exitCode).toBe(0)
    expect(seen).toEqual(['1 {"2":0.1}', '1 {"3":0.3}', '3'])
    expect(rerun.log).toContain(
      'version 1 (and 10% on version 2, left by a traffic shift that has not finished) → the new version'
    )
  })

  it('a rerun of the killed commit itself resumes its shift and finishes it', async () => {
    await deploy('resumed', await commit('r1'))
    await deploy(
      'resumed',
      await commit('r2'),
      { 'traffic-shift': 'canary 10% 60s' },
      { after: weighted('resumed'), signal: 'SIGKILL' }
    )
    const { result: rerun, seen } = await watchAlias(
      'resumed',
      deploy('resumed', 'r2', { 'traffic-shift': 'canary 10% 1s' })
    )
    expect(rerun.exitCode).toBe(0)
    // The version is reused (no new publish), and the alias ends on it alone.
    expect(rerun.calls).not.toContain('lambda:PublishVersion')
    expect(seen).toEqual(['1 {"2":0.1}', '2'])
    expect(aliasOf('resumed')).toMatchObject({ functionVersion: '2' })
    expect(aliasOf('resumed')?.routing).toBeUndefined()
  })
})

describe('rollback: true', () => {
  it('returns the alias to the recorded version, verifies, and goes no further back when run again', async () => {
    await deploy('undo', await commit('u1'))
    await deploy('undo', await commit('u2'))
    expect(aliasOf('undo')?.functionVersion).toBe('2')
    const undo = await deploy('undo', '', { rollback: 'true', 'test-event': '{}' })
    expect(undo.exitCode).toBe(0)
    expect(undo.outputs).toMatchObject({
      promoted: 'rolled-back',
      version: '1',
      'previous-version': '2',
      verified: 'true',
      'smoke-test': 'pass'
    })
    expect(aliasOf('undo')).toMatchObject({ functionVersion: '1' })
    expect(aliasOf('undo')?.description).toMatch(/^apic-lambda-deploy rolled back 2 to 1: /)
    // No code deployed, no version published: one alias move.
    expect(undo.writes.filter(w => w.startsWith('lambda:'))).toEqual(['lambda:UpdateAlias'])
    expect(undo.summary).toContain(
      '**Rolled back**: the alias points to version 1 again (it pointed to version 2).'
    )

    const again = await deploy('undo', '', { rollback: 'true' })
    expect(again.exitCode).toBe(0)
    expect(again.outputs).toMatchObject({
      promoted: 'rolled-back',
      version: '1',
      'previous-version': '1'
    })
    expect(again.writes.filter(w => w.startsWith('lambda:'))).toEqual([])
    expect(aliasOf('undo')?.functionVersion).toBe('1')
  })

  it('without a record on the alias, says so and writes nothing', async () => {
    await deploy('norecord', await commit('n1'))
    emu.state.lambda.functions.get(functionArn('norecord'))!.aliases.get('live')!.description =
      'set by hand'
    const undo = await deploy('norecord', '', { rollback: 'true' })
    expect(undo.exitCode).toBe(1)
    expect(undo.errors.join('\n')).toContain(
      'alias live holds no record of a promotion by apic-lambda-deploy'
    )
    expect(undo.writes).toEqual([])
  })
})

describe('alarms', () => {
  it('an alarm CloudWatch does not know is an input error before the first write', async () => {
    const run = await deploy('noalarm', await commit('x1'), {
      'traffic-shift': 'canary 10% 1m',
      alarms: `${ERRORS}\norders-typo`
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toContain(
      'alarms: CloudWatch has no alarm named "orders-typo" in us-east-1'
    )
    expect(run.writes).toEqual([])
  })
})
