// The function settings that aws-actions/aws-lambda-deploy also offers, end to end: the bundled
// action creates a function with every one, a rerun writes nothing, one changed setting is one
// configuration write of that field alone, a layer is removed by naming the new list, tags are
// added but never removed unless asked, and a setting nobody named (a VPC set by hand) survives.
// The tests share one emulator and run in order.
import { UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executionRole, type Emulator } from '../../emulator/index.js'
import { clients } from '../emulator/helpers.js'
import { ACCOUNT, functionArn, ORG, REGION, roleArn } from '../../harness/constants.js'
import { ok, only, runE2e, startE2eEmulator, type E2eRun, type Inputs } from '../support/e2e.js'

const layer = (name: string, version: number) =>
  `arn:aws:lambda:${REGION}:${ACCOUNT}:layer:${name}:${version}`
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
const CODE_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`
const QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT}:orders-dlq`
const ACCESS_POINT = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/fsap-0123456789abcdef0`
const SIGNING = `arn:aws:lambda:${REGION}:${ACCOUNT}:code-signing-config:csc-0123456789abcdef0`
const VPC = {
  SubnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'],
  SecurityGroupIds: ['sg-0123456789abcdef0'],
  Ipv6AllowedForDualStack: true
}

let emu: Emulator
let workspace: string

beforeAll(async () => {
  emu = await startE2eEmulator({ roles: [executionRole('settings-exec')] })
  workspace = await mkdtemp(join(tmpdir(), 'apic-settings-e2e-'))
  await mkdir(join(workspace, 'app'))
  await writeFile(join(workspace, 'app', 'index.py'), 'def handler(event, context):\n  return 1\n')
})

afterAll(async () => {
  await emu?.stop()
  if (workspace) await rm(workspace, { recursive: true, force: true })
})

const BASE = {
  'function-name': 'ledger',
  code: 'app',
  runtime: 'python3.13',
  handler: 'index.handler',
  'execution-role-arn': roleArn('settings-exec'),
  'provider-org-id': ORG,
  verify: 'off'
}

/** Every setting, in the forms a workflow would write them. */
const EVERY = {
  ...BASE,
  layers: `${layer('deps', 3)}\n${layer('otel', 7)}`,
  'vpc-config': JSON.stringify(VPC),
  'dead-letter-config': QUEUE,
  'kms-key-arn': KEY,
  'tracing-config': 'Active',
  'file-system-configs': JSON.stringify([{ Arn: ACCESS_POINT, LocalMountPath: '/mnt/ledger' }]),
  'ephemeral-storage': '1024',
  'snap-start': '{"ApplyOn": "PublishedVersions"}',
  'logging-config': '{"LogFormat": "JSON", "ApplicationLogLevel": "WARN"}',
  'code-signing-config-arn': SIGNING,
  'source-kms-key-arn': CODE_KEY,
  tags: 'team=payments\ncost-center=cc-42',
  environment: 'STAGE=prod\nREGION_NAME=east'
}

const deploy = (inputs: Inputs) => runE2e(emu, inputs, { workspace })
const lambdaWrites = (run: E2eRun) => only('lambda', run.writes)
const fn = (name = 'ledger') => emu.state.lambda.functions.get(functionArn(name))
const configurationRow = (run: E2eRun) =>
  run.result.changes.find(c => c.target === 'function ledger configuration')

describe('function settings', () => {
  it('creates a function with every setting in CreateFunction', async () => {
    const run = await deploy(EVERY)
    ok(run)
    expect(lambdaWrites(run)).toEqual(['lambda:CreateFunction'])
    const created = fn()
    expect(created?.settings).toMatchObject({
      Layers: [layer('deps', 3), layer('otel', 7)],
      VpcConfig: VPC,
      DeadLetterConfig: { TargetArn: QUEUE },
      KMSKeyArn: KEY,
      TracingConfig: { Mode: 'Active' },
      FileSystemConfigs: [{ Arn: ACCESS_POINT, LocalMountPath: '/mnt/ledger' }],
      EphemeralStorage: { Size: 1024 },
      SnapStart: { ApplyOn: 'PublishedVersions' },
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'WARN' },
      Environment: { Variables: { STAGE: 'prod', REGION_NAME: 'east' } }
    })
    expect(created?.codeSigningConfigArn).toBe(SIGNING)
    expect(created?.sourceKmsKeyArn).toBe(CODE_KEY)
    expect(created?.tags).toMatchObject({
      team: 'payments',
      'cost-center': 'cc-42',
      'managed-by': 'apic-lambda-deploy'
    })
  })

  it('makes zero writes on a rerun with nothing changed', async () => {
    const run = await deploy(EVERY)
    ok(run)
    expect(run.writes).toEqual([])
    expect(configurationRow(run)?.action).toBe('unchanged')
    // Named in other shapes, the same settings are still the same: the VPC's lists in another
    // order, the layers as JSON, tracing as the official action's object.
    const reshaped = await deploy({
      ...EVERY,
      layers: JSON.stringify([layer('deps', 3), layer('otel', 7)]),
      'vpc-config': JSON.stringify({ ...VPC, SubnetIds: [...VPC.SubnetIds].reverse() }),
      'tracing-config': '{"Mode": "Active"}',
      'ephemeral-storage': '{"Size": 1024}'
    })
    ok(reshaped)
    expect(reshaped.writes).toEqual([])
  })

  it('changes one setting with one configuration write of that field alone', async () => {
    const before = structuredClone(fn()?.settings)
    const run = await deploy({ ...EVERY, 'tracing-config': 'PassThrough' })
    ok(run)
    expect(run.writes).toEqual(['lambda:UpdateFunctionConfiguration'])
    expect(configurationRow(run)?.detail).toBe('tracing-config Active → PassThrough')
    expect(fn()?.settings).toEqual({ ...before, TracingConfig: { Mode: 'PassThrough' } })
  })

  it('removes a layer when the new list leaves it out', async () => {
    const run = await deploy({
      ...EVERY,
      'tracing-config': 'PassThrough',
      layers: layer('otel', 7)
    })
    ok(run)
    expect(run.writes).toEqual(['lambda:UpdateFunctionConfiguration'])
    expect(configurationRow(run)?.detail).toBe(
      `layers [${layer('deps', 3)}, ${layer('otel', 7)}] → [${layer('otel', 7)}]`
    )
    expect(fn()?.settings.Layers).toEqual([layer('otel', 7)])
    const none = await deploy({ ...BASE, layers: '[]' })
    ok(none)
    expect(fn()?.settings.Layers).toBeUndefined()
  })

  it('adds and updates tags, keeps the ones not named, and removes only remove-tags', async () => {
    const run = await deploy({ ...BASE, tags: 'team=ledger\nowner=ops' })
    ok(run)
    expect(run.writes).toEqual(['lambda:TagResource'])
    expect(fn()?.tags).toMatchObject({ team: 'ledger', owner: 'ops', 'cost-center': 'cc-42' })
    const removed = await deploy({ ...BASE, 'remove-tags': 'cost-center\nnever-set' })
    ok(removed)
    expect(removed.writes).toEqual(['lambda:UntagResource'])
    expect(fn()?.tags).not.toHaveProperty('cost-center')
    expect(fn()?.tags).toMatchObject({ team: 'ledger', owner: 'ops' })
    const again = await deploy({
      ...BASE,
      tags: '{"team": "ledger"}',
      'remove-tags': 'cost-center'
    })
    ok(again)
    expect(again.writes).toEqual([])
  })

  it('merges the environment with environment-mode merge', async () => {
    const run = await deploy({ ...BASE, environment: 'STAGE=qa', 'environment-mode': 'merge' })
    ok(run)
    expect(run.writes).toEqual(['lambda:UpdateFunctionConfiguration'])
    expect(fn()?.settings.Environment?.Variables).toEqual({ STAGE: 'qa', REGION_NAME: 'east' })
    expect(configurationRow(run)?.detail).toBe('environment (changed STAGE)')
  })

  it('compares only the logging-config members named', async () => {
    // Lambda shows the JSON format's levels (INFO unless set): naming the format alone is as given.
    const run = await deploy({ ...BASE, 'logging-config': '{"LogFormat": "JSON"}' })
    ok(run)
    expect(run.writes).toEqual([])
    const level = await deploy({
      ...BASE,
      'logging-config': '{"SystemLogLevel": "WARN", "LogFormat": "JSON"}'
    })
    ok(level)
    expect(level.writes).toEqual(['lambda:UpdateFunctionConfiguration'])
    expect(fn()?.settings.LoggingConfig).toMatchObject({
      LogFormat: 'JSON',
      ApplicationLogLevel: 'WARN',
      SystemLogLevel: 'WARN'
    })
  })

  it('leaves a VPC set by hand untouched when vpc-config is not named', async () => {
    await deploy({ ...BASE, 'function-name': 'by-hand' }).then(ok)
    const { lambda } = clients(emu.url)
    const handVpc = {
      SubnetIds: ['subnet-0aaaaaaaaaaaaaaaa'],
      SecurityGroupIds: ['sg-0bbbbbbbbbbbbbbbb']
    }
    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'by-hand', VpcConfig: handVpc })
    )
    await new Promise(resolve => setTimeout(resolve, 400)) // the update settles
    const run = await deploy({ ...BASE, 'function-name': 'by-hand', 'ephemeral-storage': '2048' })
    ok(run)
    expect(run.writes).toEqual(['lambda:UpdateFunctionConfiguration'])
    expect(fn('by-hand')?.settings.VpcConfig).toEqual(handVpc)
    expect(fn('by-hand')?.settings.EphemeralStorage).toEqual({ Size: 2048 })
  })

  it('sets a different code-signing configuration with PutFunctionCodeSigningConfig alone', async () => {
    const other = SIGNING.replace('csc-0123456789abcdef0', 'csc-0fedcba9876543210')
    const run = await deploy({ ...BASE, 'code-signing-config-arn': other })
    ok(run)
    expect(run.calls).toContain('lambda:GetFunctionCodeSigningConfig')
    expect(run.writes).toEqual(['lambda:PutFunctionCodeSigningConfig'])
    expect(configurationRow(run)?.detail).toBe(`code-signing-config-arn ${SIGNING} → ${other}`)
    expect(fn()?.codeSigningConfigArn).toBe(other)
    const again = await deploy({ ...BASE, 'code-signing-config-arn': other })
    ok(again)
    expect(again.writes).toEqual([])
  })

  it('creates an image function with image-config, and compares it on a rerun', async () => {
    const image = {
      'function-name': 'ledger-image',
      'image-uri': `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/ledger:1.0.0`,
      'execution-role-arn': roleArn('settings-exec'),
      'provider-org-id': ORG,
      verify: 'off',
      'image-config': '{"Command": ["app.handler"], "WorkingDirectory": "/var/task"}'
    }
    ok(await deploy(image))
    expect(fn('ledger-image')?.settings.ImageConfig).toEqual({
      Command: ['app.handler'],
      WorkingDirectory: '/var/task'
    })
    const rerun = await deploy(image)
    ok(rerun)
    expect(rerun.writes).toEqual([])
    const layered = await deploy({ ...image, layers: layer('deps', 3) })
    expect(layered.exitCode).not.toBe(0)
    expect(layered.writes).toEqual([])
    expect(layered.log).toContain('layers: ledger-image is an image function')
  })

  it('refuses a malformed setting before any AWS call, naming the input', async () => {
    const run = await deploy({ ...BASE, layers: 'deps:3', 'tracing-config': 'On' })
    expect(run.exitCode).not.toBe(0)
    expect(run.calls).toEqual([])
    expect(run.log).toContain('layers: "deps:3": not a layer version ARN')
    expect(run.log).toContain('tracing-config: must be Active or PassThrough')
  })
})
