// What runs beside what, end to end: verification only reads, so it runs in the role's branch while
// the function's update settles; the smoke test only invokes, so it runs in the function's branch
// while IAM does not show a new role yet. Log groups still come whole, and every call reuses its
// service's open connections. The emulator takes 1.5 s to finish an update and to show a new role,
// so "beside" is seen in its request log, not timed.
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { executionRole, startEmulator, type Emulator } from '../../emulator/index.js'
import { ok, runE2e, type E2eRun, type Inputs } from '../support/e2e.js'
import { ECHO_INPUTS, echoWorkspace } from '../support/echo-function.js'
import { commandsIn } from '../../harness/workflow-commands.js'

const SETTLE_MS = 1500
let emu: Emulator
let workspace: string

beforeAll(async () => {
  emu = await startEmulator({
    functionUpdateMs: SETTLE_MS,
    iamPropagationMs: SETTLE_MS,
    seed: { roles: [executionRole('orders-lambda')] }
  })
  workspace = echoWorkspace()
})
afterAll(async () => {
  await emu?.stop()
  if (workspace) await rm(workspace, { recursive: true, force: true })
})

const deploy = (inputs: Inputs = {}) => runE2e(emu, { ...ECHO_INPUTS, ...inputs }, { workspace })
/** When the emulator received the run's first `call`. */
const at = (run: E2eRun, call: string): number => {
  const entry = run.requests.find(e => `${e.service}:${e.operation}` === call)
  if (!entry) throw new Error(`no ${call} in ${run.calls.join(', ')}`)
  return Date.parse(entry.time)
}
const groupsOf = (log: string) => commandsIn(log, 'group')

test('a code change is verified while Lambda finishes the update', async () => {
  const first = await deploy()
  ok(first)
  // The deploy's groups live, then the role's branch: its own lines, then verification's, each whole.
  expect(groupsOf(first.log)).toEqual([
    'Create function orders',
    'Role apic-invoke-orders',
    'Verify (STS dry run)'
  ])
  await writeFile(join(workspace, 'build', 'index.mjs'), 'export const handler = async () => 2\n')

  const run = await deploy()

  ok(run)
  expect(run.outputs.verified).toBe('true')
  expect(run.writes).toEqual(['lambda:UpdateFunctionCode'])
  const updated = at(run, 'lambda:UpdateFunctionCode')
  const simulated = at(run, 'iam:SimulatePrincipalPolicy')
  // Asked while the update is under way (verification also reads the function's policy, over
  // Lambda's connection, so it may start during the upload), before Lambda could have finished it.
  expect(simulated).toBeLessThan(updated + SETTLE_MS)
  // The wait went on after verification had its answer: the last poll is the one that saw the end.
  expect(run.calls.at(-1)).toBe('lambda:GetFunction')
  expect(run.calls.indexOf('iam:SimulatePrincipalPolicy')).toBeLessThan(
    run.calls.lastIndexOf('lambda:GetFunction')
  )

  // An unchanged role has no lines of its own: verification's group follows the deploy's.
  expect(groupsOf(run.log)).toEqual(['Update function orders code', 'Verify (STS dry run)'])

  // Verification asks over a connection the plan's IAM reads opened (on AWS, a new one would cost
  // a TLS handshake), and the Lambda polls over Lambda's.
  const connections = (service: string, operation?: string) =>
    run.requests
      .filter(e => e.service === service && (!operation || e.operation === operation))
      .map(e => e.connection)
  const [simulate] = connections('iam', 'SimulatePrincipalPolicy')
  expect(connections('iam').slice(0, 2)).toContain(simulate)
  const polls = run.requests.filter(
    e => e.operation === 'GetFunction' && Date.parse(e.time) > updated
  )
  expect(new Set(polls.map(e => e.connection)).size).toBe(1)
  const verifyGroup = run.log.slice(run.log.indexOf('::group::Verify'))
  expect(verifyGroup.slice(0, verifyGroup.indexOf('::endgroup::'))).toMatch(
    /pass +Nobody else can assume the role/
  )
})

test('a new function is smoke-tested while IAM does not show its new role yet', async () => {
  const run = await deploy({
    'function-name': 'payments',
    alias: 'live',
    'test-event': '{"ping":1}'
  })

  ok(run)
  expect(run.outputs).toMatchObject({ 'smoke-test': 'pass', promoted: 'true', verified: 'true' })
  // The role's first GetRole that found it came after the smoke test's Invoke.
  const shown = run.requests.findIndex(
    e => e.operation === 'GetRole' && e.status === 200 && e.service === 'iam'
  )
  const invoked = run.calls.indexOf('lambda:Invoke')
  expect(invoked).toBeGreaterThan(run.calls.indexOf('lambda:PublishVersion'))
  expect(invoked).toBeLessThan(shown)
  // The alias moves last, after both.
  expect(run.calls.at(-1)).toBe('lambda:CreateAlias')
  expect(groupsOf(run.log)).toEqual([
    'Create function payments',
    'Publish a version of payments',
    'Smoke test: invoke payments:1',
    'Role apic-invoke-payments',
    'Verify (STS dry run)'
  ])
})
