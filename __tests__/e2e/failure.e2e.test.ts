// The failure paths end to end, through the bundled action: another deploy racing this one at the
// same function (nothing of someone else's code is ever published under this run's name), a write
// that fails after others were made (the outputs and the summary still say all of it), both
// branches failing at once, and a secret in `environment` that must never reach the log.
import { CreateRoleCommand as CreateIamRole } from '@aws-sdk/client-iam'
import { UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { zipSync, strToU8 } from 'fflate'
import { executionRole, type Emulator, type FaultSpec } from '../../emulator/index.js'
import { packageCode } from '../../src/function/code-package.js'
import { clients, eventually, LAMBDA_TRUST } from '../emulator/helpers.js'
import { functionArn, ORG, roleArn } from '../../harness/constants.js'
import {
  ok,
  refuse,
  runE2e,
  startE2eEmulator,
  trafficOf,
  type E2eRun,
  type Inputs
} from '../support/e2e.js'

const SETTLE_MS = 200
let emu: Emulator
let workspace: string

beforeAll(async () => {
  emu = await startE2eEmulator({ roles: [executionRole('exec')] }, SETTLE_MS)
  workspace = await mkdtemp(join(tmpdir(), 'apic-failure-e2e-'))
})

afterAll(async () => {
  await emu?.stop()
  if (workspace) await rm(workspace, { recursive: true, force: true })
})

afterEach(() => emu.clearFaults())

/** A directory of code whose content is `tag`; returns its path in the workspace and its SHA-256. */
async function app(dir: string, tag: string): Promise<{ code: string; sha256: string }> {
  await mkdir(join(workspace, dir), { recursive: true })
  await writeFile(
    join(workspace, dir, 'index.js'),
    `export const handler = async () => ({ statusCode: 200, body: '${tag}' })\n`
  )
  return { code: dir, sha256: (await packageCode(join(workspace, dir))).sha256 }
}

const inputs = (name: string, more: Inputs = {}): Inputs => ({
  'function-name': name,
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  'execution-role-arn': roleArn('exec'),
  'provider-org-id': ORG,
  verify: 'off',
  ...more
})

const deploy = (more: Inputs) => runE2e(emu, more, { workspace })
const lambdaFn = (name: string) => emu.state.lambda.functions.get(functionArn(name))
const rows = (run: E2eRun) => run.result.changes.map(c => `${c.target}: ${c.action}: ${c.detail}`)

describe('another deploy between this run’s upload and its publish', () => {
  test('the run publishes nothing, moves no alias, and names both hashes', async () => {
    const first = await app('race-one/v1', 'v1')
    ok(await deploy(inputs('race-one', { code: first.code, alias: 'live' })))
    const before = lambdaFn('race-one')?.versions.length
    const mine = await app('race-one/mine', 'mine')
    const theirs = zipSync({ 'index.js': strToU8('export const handler = () => "theirs"\n') })

    // Every GetFunction answers 1.5 s late: the run's wait after its upload reads the function
    // only after the other writer (below) has uploaded its code, 300 ms after this run's.
    emu.injectFault({
      kind: 'latency',
      service: 'lambda',
      operation: 'GetFunction',
      latencyMs: 1500
    })
    const since = emu.log.length
    const running = deploy(inputs('race-one', { code: mine.code, alias: 'live' }))
    await eventually(
      async () =>
        emu.log.slice(since).find(e => e.operation === 'UpdateFunctionCode' && e.status === 200),
      30_000,
      10
    )
    await delay(SETTLE_MS + 100)
    const other = await clients(emu.url).lambda.send(
      new UpdateFunctionCodeCommand({ FunctionName: 'race-one', ZipFile: theirs })
    )
    const run = await running

    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('another deploy changed function race-one meanwhile')
    expect(run.errors[0]).toContain(`CodeSha256 ${other.CodeSha256}, not this run's ${mine.sha256}`)
    expect(run.writes.filter(w => /Publish|Alias/.test(w))).toEqual([])
    expect(lambdaFn('race-one')?.versions.length).toBe(before)
    expect(lambdaFn('race-one')?.aliases.get('live')?.functionVersion).toBe('1')
    // The record: the upload was made, the publish refused, the alias not reached.
    expect(run.outputs['code-sha256']).toBe('')
    expect(run.outputs.version).toBe('')
    expect(run.outputs.verified).toBe('false')
    expect(run.result.failed).toEqual([
      {
        step: "checking the code of function race-one after this run's update",
        error: expect.stringContaining('another deploy changed function race-one')
      }
    ])
    expect(rows(run)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^function race-one code: update: CodeSha256 /),
        expect.stringMatching(/^function race-one version: create: failed: /),
        expect.stringMatching(/^alias race-one:live: update: not done \(not reached\): /)
      ])
    )
    expect(run.summary).toContain('### Failed')
  })

  test('six runs racing different code: each run that succeeds published its own code', async () => {
    const seed = await app('race-six/v0', 'v0')
    ok(await deploy(inputs('race-six', { code: seed.code, alias: 'live' })))
    const apps = await Promise.all([1, 2, 3, 4, 5, 6].map(i => app(`race-six/r${i}`, `r${i}`)))
    // Slow reads widen the window between each run's upload and its publish.
    emu.injectFault({
      kind: 'latency',
      service: 'lambda',
      operation: 'GetFunction',
      latencyMs: 150
    })
    const since = emu.log.length
    const runs = await Promise.all(
      apps.map(a => deploy(inputs('race-six', { code: a.code, alias: 'live' })))
    )
    const batch = trafficOf(emu.log.slice(since))
    const fn = lambdaFn('race-six')
    const published = new Map(fn?.versions.map(v => [v.version, v.code.sha256]))

    const succeeded = runs.filter(r => r.exitCode === 0)
    const failedRuns = runs.filter(r => r.exitCode !== 0)
    console.log(
      `six-run race: ${succeeded.length} exit 0, ${failedRuns.length} refused; ${batch.writes.filter(w => w === 'lambda:PublishVersion').length} PublishVersion calls`
    )
    expect(succeeded.length).toBeGreaterThan(0)
    runs.forEach((run, i) => {
      const errors = run.errors.join('\n')
      if (run.exitCode === 0 || errors.includes('another deploy moved alias live')) {
        // Published its own code; the alias moved, or another run had moved it first and stays.
        expect(run.outputs['code-sha256']).toBe(apps[i].sha256)
        expect(published.get(run.outputs.version)).toBe(apps[i].sha256)
        expect(run.outputs.promoted).toBe(String(run.exitCode === 0))
      } else {
        expect(run.errors.join('\n')).toMatch(/another deploy changed (function|the configuration)/)
        expect(run.errors.join('\n')).toContain(apps[i].sha256)
        expect(run.outputs.version).toBe('')
      }
    })
    // Nothing but the publishing runs' own code was published in the race, and the alias is on
    // the version of a run that passed.
    const publishers = new Set(runs.map(r => r.outputs.version).filter(Boolean))
    for (const v of fn?.versions.slice(1) ?? []) expect(publishers).toContain(v.version)
    const versionsOfWinners = new Set(succeeded.map(r => r.outputs.version))
    expect(versionsOfWinners).toContain(fn?.aliases.get('live')?.functionVersion)
  }, 120_000)
})

describe('a run that fails after writing', () => {
  const denyPublish = () => refuse(emu, 'lambda:PublishVersion', 'AccessDeniedException')

  test('PublishVersion fails after the function and the role were created', async () => {
    const code = await app('pub-fail', 'one')
    denyPublish()
    const run = await deploy(inputs('pub-fail', { code: code.code, alias: 'live', verify: 'fail' }))

    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^lambda:PublishVersion on function pub-fail failed: .*not authorized to perform: lambda:PublishVersion/
      )
    ])
    expect(run.outputs).toMatchObject({
      'code-sha256': code.sha256,
      version: '',
      verified: 'false',
      'role-arn': roleArn('apic-invoke-pub-fail')
    })
    expect(run.result.failed).toEqual([
      { step: 'lambda:PublishVersion on function pub-fail', error: expect.any(String) }
    ])
    expect(rows(run)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^function pub-fail: create: nodejs22.x/),
        expect.stringMatching(/^function pub-fail version: create: failed: /),
        expect.stringMatching(/^alias pub-fail:live: create: not done \(not reached\)/),
        expect.stringMatching(/^role apic-invoke-pub-fail: create: trusts /),
        expect.stringMatching(/^role apic-invoke-pub-fail: policy .*: create: allows/)
      ])
    )
    expect(run.summary).toMatch(/failed ❌/)
    expect(run.summary).toContain('| `lambda:PublishVersion on function pub-fail` |')
    // Verification ran beside the deploy: its checks are part of the record, yet a failed run is
    // never verified.
    expect(run.result.checks.map(c => [c.name, c.status])).toEqual(
      expect.arrayContaining([
        ['API Connect can assume the role', 'pass'],
        ['Nobody else can assume the role', 'pass']
      ])
    )
    expect(run.summary).toContain('| Nobody else can assume the role |')
    // The role and the function were really made, and the rerun completes what is left.
    expect(run.writes).toEqual(
      expect.arrayContaining(['lambda:CreateFunction', 'iam:CreateRole', 'iam:PutRolePolicy'])
    )
    emu.clearFaults()
    const rerun = await deploy(inputs('pub-fail', { code: code.code, alias: 'live' }))
    ok(rerun)
    expect(rerun.writes).toEqual(['lambda:PublishVersion', 'lambda:CreateAlias'])
  })

  test('both branches fail: both errors, and the role’s log comes before them', async () => {
    const code = await app('both-fail', 'one')
    denyPublish()
    refuse(emu, 'iam:PutRolePolicy')
    const run = await deploy(inputs('both-fail', { code: code.code, alias: 'live' }))

    expect(run.exitCode).toBe(1)
    const errors = run.errors.join('\n')
    expect(run.errors).toHaveLength(2)
    expect(errors).toMatch(/lambda:PublishVersion on function both-fail failed: /)
    expect(errors).toMatch(
      /iam:PutRolePolicy on role apic-invoke-both-fail failed: PutRolePolicy on role apic-invoke-both-fail failed: AccessDenied/
    )
    expect(run.result.failed?.map(f => f.step)).toEqual([
      'lambda:PublishVersion on function both-fail',
      'iam:PutRolePolicy on role apic-invoke-both-fail'
    ])
    expect(rows(run)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^role apic-invoke-both-fail: create: /),
        expect.stringMatching(/^role apic-invoke-both-fail: policy .*: create: failed: allows/)
      ])
    )
    // The role's group is written whole, before the first error line.
    const lines = run.log.split('\n')
    const firstError = lines.findIndex(l => l.startsWith('::error::'))
    const roleGroup = lines.findIndex(l => l === '::group::Role apic-invoke-both-fail')
    expect(roleGroup).toBeGreaterThan(-1)
    expect(roleGroup).toBeLessThan(firstError)
    expect(lines.slice(firstError).some(l => l.includes('apic-invoke-both-fail:'))).toBe(false)
  })

  test('the role fails, the function does not: the smoke test it ran is still in the record', async () => {
    const code = await app('role-fail', 'one')
    refuse(emu, 'iam:PutRolePolicy')
    const run = await deploy(
      inputs('role-fail', { code: code.code, alias: 'live', 'test-event': '{}' })
    )

    expect(run.exitCode).toBe(1)
    expect(run.result.failed?.map(f => f.step)).toEqual([
      'iam:PutRolePolicy on role apic-invoke-role-fail'
    ])
    expect(run.outputs['smoke-test']).toBe('pass')
    expect(run.result.smokeTest).toMatchObject({ status: 'pass', qualifier: '1' })
    // Published and tested, but a failed run moves no alias.
    expect(run.outputs.version).toBe('1')
    expect(run.writes).not.toContain('lambda:CreateAlias')
  })

  test('a role at another path: role-arn names it even when the run fails', async () => {
    await clients(emu.url).iam.send(
      new CreateIamRole({
        RoleName: 'apic-invoke-path-fail',
        Path: '/teams/',
        AssumeRolePolicyDocument: LAMBDA_TRUST
      })
    )
    const code = await app('path-fail', 'one')
    denyPublish()
    const run = await deploy(inputs('path-fail', { code: code.code, alias: 'live' }))

    expect(run.exitCode).toBe(1)
    expect(run.outputs['role-arn']).toBe(roleArn('apic-invoke-path-fail', '/teams/'))
    expect(run.result.roleArn).toBe(roleArn('apic-invoke-path-fail', '/teams/'))
  })
})

test('a multi-line secret in environment never reaches the log, the summary or the outputs', async () => {
  const code = await app('secret', 'one')
  const pem = [
    '-----BEGIN PRIVATE KEY-----',
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
    'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
    'NMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ=',
    '-----END PRIVATE KEY-----'
  ]
  const cases: [string, number][] = [
    // A PEM pasted as KEY=VALUE lines: invalid, and its lines (one holds a `=`) are not quoted.
    [`SIGNING_KEY=${pem.join('\n')}\nREGION_NAME=eu`, 1],
    // Invalid JSON around it, and a name given twice.
    [`{"SIGNING_KEY": "${pem[0]}", ${pem.slice(1).join('\n')}}`, 1],
    [
      JSON.stringify({ SIGNING_KEY: pem.join('\n'), OTHER: 'x' }).replace(
        '"OTHER"',
        '"SIGNING_KEY"'
      ),
      1
    ],
    // Valid: deployed, and still nowhere in what the run shows.
    [JSON.stringify({ SIGNING_KEY: pem.join('\n') }), 0]
  ]
  for (const [environment, exitCode] of cases) {
    const run = await deploy(inputs('secret', { code: code.code, environment }))
    expect(run.exitCode).toBe(exitCode)
    if (exitCode) {
      expect(run.errors.join('\n')).toMatch(/environment: /)
      expect(run.writes).toEqual([])
    } else {
      expect(lambdaFn('secret')?.settings.Environment?.Variables?.SIGNING_KEY).toBe(pem.join('\n'))
    }
    const everything = [run.log, run.summary, ...Object.values(run.outputs)].join('\n')
    for (const line of pem) {
      expect(everything).not.toContain(line)
      // Not even a fragment: the part of a line before its `=`, or its last 16 characters.
      expect(everything).not.toContain(line.split('=')[0].slice(-16))
    }
  }
})

describe('an endpoint without iam:SimulatePrincipalPolicy', () => {
  const simulateCalls = (run: E2eRun) =>
    run.calls.filter(c => c.startsWith('iam:SimulatePrincipalPolicy'))

  /** Deploys function `name` with verification on, SimulatePrincipalPolicy failing as `fault` says. */
  async function verifiedDeploy(name: string, fault: Omit<FaultSpec, 'service' | 'operation'>) {
    const code = await app(name, 'one')
    emu.injectFault({ ...fault, service: 'iam', operation: 'SimulatePrincipalPolicy' })
    const run = await deploy(inputs(name, { code: code.code, verify: 'fail' }))
    ok(run)
    return run
  }

  /** The invoke checks passed, decided by the local evaluation for the reason `why` says. */
  function expectLocalDecision(run: E2eRun, why: RegExp) {
    const invoke = run.result.checks.filter(c => c.name.startsWith('Role may invoke'))
    expect(invoke.length).toBeGreaterThan(0)
    for (const check of invoke) {
      expect(check.status).toBe('pass')
      expect(check.method).toMatch(/^local evaluation of inline, attached and boundary policies/)
      expect(check.method).toMatch(why)
    }
  }
  /** The log lines that say the endpoint lacks the operation. */
  const lacking = (run: E2eRun) =>
    run.log
      .split('\n')
      .filter(line => line.includes('does not implement iam:SimulatePrincipalPolicy'))

  test("LocalStack's 501 falls back to local evaluation at once", async () => {
    const run = await verifiedDeploy('no-simulate', { kind: 'not-implemented' })
    expect(simulateCalls(run)).toEqual(['iam:SimulatePrincipalPolicy(InternalFailure)'])
    expectLocalDecision(run, /InternalFailure: The API action 'SimulatePrincipalPolicy'/)
    expect(lacking(run)).toHaveLength(1)
  })

  test("moto's HTML 500 page is not AWS's 5xx: one call, then the local decision", async () => {
    const run = await verifiedDeploy('moto-simulate', { kind: 'html-error' })
    expect(simulateCalls(run)).toEqual(['iam:SimulatePrincipalPolicy(500)'])
    expectLocalDecision(run, /unavailable: HTTP 500 with no AWS error code\)$/)
    // Said once, naming the endpoint; the HTML itself reaches neither the log nor the summary.
    expect(lacking(run)).toEqual([
      expect.stringContaining(`the endpoint ${emu.url.replace(/\/$/, '')}`)
    ])
    expect(`${run.log}${run.summary}`).not.toMatch(/<title>|<html/)
  })

  test("an empty 502 is not AWS's either", async () => {
    const run = await verifiedDeploy('empty-simulate', { kind: 'empty-error', status: 502 })
    expect(simulateCalls(run)).toEqual(['iam:SimulatePrincipalPolicy(502)'])
    expectLocalDecision(run, /HTTP 502 with no AWS error code/)
  })

  test("AWS's own 5xx is asked again once", async () => {
    const run = await verifiedDeploy('flaky-simulate', { kind: 'internal', count: 1 })
    expect(simulateCalls(run)).toEqual([
      'iam:SimulatePrincipalPolicy(InternalFailure)',
      'iam:SimulatePrincipalPolicy'
    ])
    for (const check of run.result.checks.filter(c => c.name.startsWith('Role may invoke')))
      expect(check.method).toBe('iam:SimulatePrincipalPolicy')
  })

  test('only once: a second 5xx hands the question to the local evaluation', async () => {
    const run = await verifiedDeploy('down-simulate', { kind: 'internal' })
    expect(simulateCalls(run)).toEqual([
      'iam:SimulatePrincipalPolicy(InternalFailure)',
      'iam:SimulatePrincipalPolicy(InternalFailure)'
    ])
    expectLocalDecision(run, /InternalFailure: The request processing has failed/)
    expect(lacking(run)).toEqual([])
  })
})

test('a dropped connection names the service, the operation, the function and the endpoint', async () => {
  const code = await app('dropped', 'one')
  emu.injectFault({ kind: 'drop', service: 'lambda', operation: 'GetFunction' })
  const run = await deploy(inputs('dropped', { code: code.code }))
  expect(run.exitCode).toBe(1)
  expect(run.errors).toEqual([
    expect.stringMatching(
      new RegExp(`^lambda:GetFunction on function dropped at ${emu.url.replace(/\/$/, '')}: `)
    )
  ])
  expect(run.writes).toEqual([])
})

test('a packaging problem comes with the other input errors, in one error, before any AWS call', async () => {
  await app('escapes', 'one')
  await symlink('/etc/hostname', join(workspace, 'escapes', 'host'))
  const run = await deploy(inputs('escapes', { code: 'escapes', runtime: 'node22' }))
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(/^2 invalid inputs:/)
  expect(run.errors[0]).toContain('runtime: "node22"')
  expect(run.errors[0]).toMatch(/code: ".*escapes" has a symlink that/)
  expect(run.calls).toEqual([])
})
