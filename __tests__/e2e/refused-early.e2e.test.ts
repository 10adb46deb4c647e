// Inputs that only AWS's answer can refuse, refused before any write: the plan reads the function
// and the role, and a function to be created with a file system but no VPC, or a role that
// manage-role: false would need but that does not exist, stops the run there. The emulator's
// request log shows reads only. (Mistakes in traffic-shift, alarms and rollback need no answer:
// they are refused before any call.)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executionRole, type Emulator } from '../../emulator/index.js'
import { ACCOUNT, ORG, REGION, roleArn } from '../../harness/constants.js'
import { runE2e, startE2eEmulator, type Inputs } from '../support/e2e.js'

const ACCESS_POINT = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/fsap-0123456789abcdef0`
let emu: Emulator
let workspace: string

beforeAll(async () => {
  emu = await startE2eEmulator({ roles: [executionRole('exec')] })
  workspace = await mkdtemp(join(tmpdir(), 'apic-refused-early-'))
  await mkdir(join(workspace, 'app'))
  await writeFile(join(workspace, 'app', 'index.js'), 'export const handler = async () => 1\n')
})
afterAll(async () => {
  await emu?.stop()
  if (workspace) await rm(workspace, { recursive: true, force: true })
})
beforeEach(() => emu.reset())

const deploy = (more: Inputs) =>
  runE2e(
    emu,
    {
      'function-name': 'orders',
      code: 'app',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      'execution-role-arn': roleArn('exec'),
      'provider-org-id': ORG,
      publish: 'true',
      ...more
    },
    { workspace }
  )

test('file-system-configs without vpc-config for a new function: refused before the role is written', async () => {
  const run = await deploy({
    'file-system-configs': JSON.stringify([{ Arn: ACCESS_POINT, LocalMountPath: '/mnt/data' }])
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toEqual([
    expect.stringContaining(
      "file-system-configs: function orders does not exist; creating it with a file system needs vpc-config (Lambda reaches EFS through the function's VPC)"
    )
  ])
  expect(run.calls).toContain('lambda:GetFunction(ResourceNotFoundException)')
  expect(run.writes).toEqual([])
  expect(emu.state.iam.roles.size).toBe(1) // the seeded execution role alone
})

test('manage-role false with a role that does not exist: refused before the function is created', async () => {
  const run = await deploy({ 'manage-role': 'false', alias: 'live' })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toEqual([
    expect.stringContaining(
      'role apic-invoke-orders does not exist (path /), and with manage-role: false the action creates no role'
    )
  ])
  expect(run.calls).toContain('iam:GetRole(NoSuchEntity)')
  expect(run.writes).toEqual([])
  expect(emu.state.lambda.functions.size).toBe(0)
})

test('traffic-shift, alarms and rollback mistakes: all reported at once, before any AWS call', async () => {
  const run = await deploy({
    'traffic-shift': 'canary 150% 5m',
    alarms: 'orders-errors\nbad\u001bname',
    rollback: 'maybe'
  })
  expect(run.exitCode).toBe(1)
  const errors = run.errors.join('\n')
  expect(errors).toContain('rollback: "maybe" is not a boolean; use true or false')
  expect(errors).toContain(
    'traffic-shift: "canary 150% 5m": the percent must be more than 0% and less than 100%'
  )
  expect(errors).toContain('alarms: line 2: an alarm name has no control characters')
  expect(run.calls).toEqual([])

  const noAlias = await deploy({ 'traffic-shift': 'linear 10% every 1m' })
  expect(noAlias.exitCode).toBe(1)
  expect(noAlias.errors.join('\n')).toContain(
    'traffic-shift: "linear 10% every 1m" needs alias: the weights are set on the alias API Connect calls'
  )
  expect(noAlias.calls).toEqual([])
})
