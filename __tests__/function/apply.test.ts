// The AWS side of the deploy, one narrow path at a time, with aws-sdk-client-mock.
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvalidParameterValueException,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PreconditionFailedException,
  PublishVersionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand
} from '@aws-sdk/client-lambda'
import {
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException
} from '@aws-sdk/client-s3'
import { captureCoreOutput } from '../support/core-output.js'
import { mockClient } from 'aws-sdk-client-mock'
import { createHash } from 'node:crypto'
import { DIRECT_UPLOAD_LIMIT, type CodePackage } from '../../src/function/code-package.js'
import type { RunContext } from '../../src/context.js'
import { testContext } from '../support/context.js'
import { StepFailed } from '../../src/failure.js'
import {
  applyFunction as apply,
  planFunction as plan,
  type FunctionPlan
} from '../../src/function/index.js'
import { logFunctionPlan } from '../../src/report/plan-log.js'
import { promote } from '../../src/traffic/promote.js'
import { stagingKey } from '../../src/function/upload.js'
import { changeRow } from '../../src/report/words.js'
import { writesOf } from '../support/steps.js'
import { DEFAULT_TIMING, type Timing } from '../../src/timing.js'
import { InputError, type Settings } from '../../src/inputs/settings.js'

const ROLE = 'arn:aws:iam::123456789012:role/orders-exec'
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders'
const loopback = {
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }
}
const FAST: Partial<Timing> = {
  minDelaySeconds: 0.01,
  maxDelaySeconds: 0.02,
  maxWaitSeconds: 2,
  initialDelayMs: 1,
  maxDelayMs: 5,
  roleRetryMs: 200
}

const zip = new Uint8Array([80, 75, 5, 6, ...new Array(18).fill(0)])
const SHA = createHash('sha256').update(zip).digest('base64')
const code = (overrides: Partial<CodePackage> = {}): CodePackage => ({
  zip,
  sha256: SHA,
  size: zip.length,
  unzippedSize: 0,
  entries: 1,
  source: 'directory',
  ...overrides
})

// As the run plans: the plan logged through report/, and so every replan.
const planFunction = async (ctx: RunContext, pkg?: CodePackage): Promise<FunctionPlan> => {
  const planned = await plan(ctx, pkg)
  logFunctionPlan(ctx.log, planned, ctx.settings.dryRun)
  return planned
}
const applyFunction = (ctx: RunContext, planned: FunctionPlan) =>
  apply(ctx, planned, () => planFunction(ctx, planned.code))

function context(overrides: Partial<Settings> = {}): RunContext {
  const settings = {
    functionName: 'orders',
    region: 'us-east-1',
    code: { kind: 'path', path: '/w/dist' },
    config: { runtime: 'nodejs22.x', handler: 'index.handler', role: ROLE },
    publish: false,
    dryRun: false,
    trafficShift: { kind: 'all-at-once' },
    alarms: [],
    rollback: false,
    ...overrides
  } as Settings
  return testContext({
    settings,
    // Only the clients the deploy uses; the others are never called.
    clients: {
      lambda: new LambdaClient(loopback),
      s3: new S3Client({ ...loopback, forcePathStyle: true })
    },
    identity: {
      accountId: '123456789012',
      partition: 'aws',
      arn: 'arn:aws:iam::123456789012:user/ci'
    },
    provenance: {
      repository: 'acme/orders',
      commit: 'abcdef0123456789',
      runUrl: 'https://x/runs/1'
    },
    timing: { ...DEFAULT_TIMING, ...FAST },
    functionArn: ARN,
    roleArn: 'arn:aws:iam::123456789012:role/apic-invoke-orders'
  })
}

const lambda = mockClient(LambdaClient)
const s3 = mockClient(S3Client)
const output = captureCoreOutput()

beforeEach(() => {
  lambda.reset()
  s3.reset()
})

const notFound = () =>
  new ResourceNotFoundException({ message: 'Function not found', $metadata: {} })
/** S3's answers to HEAD have no body: the SDK names a 404 NotFound, anything else Unknown. */
const headError = (status: number) =>
  status === 404
    ? new NotFound({ message: 'NotFound', $metadata: { httpStatusCode: 404 } })
    : new S3ServiceException({
        name: 'Unknown',
        $fault: 'client',
        message: 'UnknownError',
        $metadata: { httpStatusCode: status }
      })
const ready = (extra: Record<string, unknown> = {}) => ({
  Configuration: {
    FunctionName: 'orders',
    State: 'Active' as const,
    LastUpdateStatus: 'Successful' as const,
    CodeSha256: SHA,
    RevisionId: 'rev-2',
    Runtime: 'nodejs22.x' as const,
    Handler: 'index.handler',
    Role: ROLE,
    ...extra
  }
})
const calls = (command: Parameters<typeof lambda.commandCalls>[0]) => lambda.commandCalls(command)

describe('create', () => {
  it('retries "cannot be assumed by Lambda" until the new role works, then waits for Active', async () => {
    lambda.on(GetFunctionCommand).rejectsOnce(notFound()).resolves(ready())
    const notYet = new InvalidParameterValueException({
      message: 'The role defined for the function cannot be assumed by Lambda.',
      $metadata: {}
    })
    lambda
      .on(CreateFunctionCommand)
      .rejectsOnce(notYet)
      .rejectsOnce(notYet)
      .resolves({ FunctionArn: ARN, CodeSha256: SHA, State: 'Pending' })
    const ctx = context()
    const plan = await planFunction(ctx, code())
    const outcome = await applyFunction(ctx, plan)

    expect(calls(CreateFunctionCommand)).toHaveLength(3)
    expect(calls(CreateFunctionCommand)[0].args[0].input).toMatchObject({
      FunctionName: 'orders',
      PackageType: 'Zip',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: ROLE,
      Code: { ZipFile: zip },
      Tags: {
        'managed-by': 'apic-lambda-deploy',
        'github-repository': 'acme/orders',
        'github-commit': 'abcdef0123456789'
      }
    })
    expect({ ...outcome, changes: outcome.changes.map(changeRow) }).toEqual({
      changes: [expect.objectContaining({ target: 'function orders', action: 'create' })],
      codeSha256: SHA
    })
    const text = output.text()
    expect(text).toMatch(
      /lambda:CreateFunction: the execution role cannot be assumed by Lambda yet/
    )
    expect(text).toContain('Waiting for function orders to become Active')
    expect(text).toContain('::group::Create function orders')
  })

  it('gives up on a role that never becomes usable, naming execution-role-arn', async () => {
    lambda.on(GetFunctionCommand).rejects(notFound())
    lambda.on(CreateFunctionCommand).rejects(
      new InvalidParameterValueException({
        message: 'The role defined for the function cannot be assumed by Lambda.',
        $metadata: {}
      })
    )
    const ctx = context()
    const plan = await planFunction(ctx, code())
    await expect(applyFunction(ctx, plan)).rejects.toThrow(
      /^execution-role-arn: Lambda could not assume arn:aws:iam::123456789012:role\/orders-exec for \d+ s; check that its trust policy allows lambda.amazonaws.com/
    )
    expect(calls(CreateFunctionCommand).length).toBeGreaterThan(1)
  })

  it('does not retry other invalid parameters', async () => {
    lambda.on(GetFunctionCommand).rejects(notFound())
    lambda
      .on(CreateFunctionCommand)
      .rejects(new InvalidParameterValueException({ message: 'Bad handler', $metadata: {} }))
    const ctx = context()
    await expect(applyFunction(ctx, await planFunction(ctx, code()))).rejects.toThrow('Bad handler')
    expect(calls(CreateFunctionCommand)).toHaveLength(1)
  })

  it('stops before any write when create inputs are missing', async () => {
    lambda.on(GetFunctionCommand).rejects(notFound())
    const ctx = context({ config: {} })
    await expect(planFunction(ctx, code())).rejects.toThrow(InputError)
    expect(lambda.calls()).toHaveLength(1)
  })

  it('reports a waiter failure with Lambda’s reason', async () => {
    lambda
      .on(GetFunctionCommand)
      .rejectsOnce(notFound())
      .resolves({ Configuration: { State: 'Failed', StateReason: 'Role is invalid' } })
    lambda.on(CreateFunctionCommand).resolves({ FunctionArn: ARN, CodeSha256: SHA })
    const ctx = context()
    await expect(applyFunction(ctx, await planFunction(ctx, code()))).rejects.toThrow(
      /^Waiting for function orders to become Active: Lambda reports it failed: Role is invalid$/
    )
  })
})

describe('update', () => {
  it('waits for an update in progress and tries again on ResourceConflictException', async () => {
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(ready({ CodeSha256: 'old' }))
      .resolvesOnce(ready({ LastUpdateStatus: 'InProgress' }))
      .resolves(ready())
    lambda
      .on(UpdateFunctionCodeCommand)
      .rejectsOnce(
        new ResourceConflictException({
          message: 'The operation cannot be performed at this time. An update is in progress',
          $metadata: {}
        })
      )
      .resolves({ CodeSha256: SHA })
    const ctx = context()
    const outcome = await applyFunction(ctx, await planFunction(ctx, code()))
    expect(calls(UpdateFunctionCodeCommand)).toHaveLength(2)
    expect(calls(UpdateFunctionCodeCommand)[1].args[0].input).toEqual({
      FunctionName: 'orders',
      ZipFile: zip,
      Architectures: undefined
    })
    expect(outcome.codeSha256).toBe(SHA)
    expect(output.text()).toMatch(
      /lambda:UpdateFunctionCode: function orders is busy .*; waiting, then attempt 2/
    )
  })

  it('gives up after a bounded number of conflicts', async () => {
    lambda.on(GetFunctionCommand).resolves(ready({ CodeSha256: 'old' }))
    lambda
      .on(UpdateFunctionCodeCommand)
      .rejects(new ResourceConflictException({ message: 'busy', $metadata: {} }))
    const ctx = context()
    await expect(
      applyFunction(
        { ...ctx, timing: { ...ctx.timing, conflictAttempts: 3 } },
        await planFunction(ctx, code())
      )
    ).rejects.toThrow(/lambda:UpdateFunctionCode: .*gave up after 3 attempts/)
    expect(calls(UpdateFunctionCodeCommand)).toHaveLength(3)
  })

  it('updates the configuration before the code, each followed by a wait', async () => {
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(ready({ CodeSha256: 'old' }))
      .resolves(ready())
    lambda.on(UpdateFunctionConfigurationCommand).resolves({})
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
    const ctx = context({ config: { memorySize: 256, environment: { A: '1' } } })
    await applyFunction(ctx, await planFunction(ctx, code()))
    const names = lambda.calls().map(c => c.args[0].constructor.name)
    expect(names).toEqual([
      'GetFunctionCommand',
      'UpdateFunctionConfigurationCommand',
      'GetFunctionCommand',
      'UpdateFunctionCodeCommand',
      'GetFunctionCommand'
    ])
    expect(calls(UpdateFunctionConfigurationCommand)[0].args[0].input).toEqual({
      FunctionName: 'orders',
      MemorySize: 256,
      Environment: { Variables: { A: '1' } },
      Runtime: undefined
    })
  })

  it('writes nothing in a dry run and reports the plan', async () => {
    lambda.on(GetFunctionCommand).resolves(ready({ CodeSha256: 'old' }))
    const ctx = context({ dryRun: true, publish: true, alias: 'live' })
    lambda.on(GetAliasCommand).rejects(notFound())
    const outcome = await applyFunction(ctx, await planFunction(ctx, code()))
    expect(
      lambda
        .calls()
        .map(c => c.args[0].constructor.name)
        .sort()
    ).toEqual(['GetAliasCommand', 'GetFunctionCommand'])
    expect(outcome.changes.map(changeRow).map(c => [c.target, c.action])).toEqual([
      ['function orders configuration', 'unchanged'],
      ['function orders code', 'update'],
      ['function orders version', 'create'],
      ['alias orders:live', 'create']
    ])
    expect(outcome.version).toBeUndefined()
    expect(output.text()).toContain('Would update function orders code: CodeSha256 old')
  })
})

describe('code in S3', () => {
  const s3Code = { kind: 's3' as const, bucket: 'artifacts', key: 'orders.zip' }

  it('compares the object’s full-object SHA-256 with CodeSha256', async () => {
    lambda.on(GetFunctionCommand).resolves(ready())
    s3.on(HeadObjectCommand).resolves({ ChecksumSHA256: SHA, ChecksumType: 'FULL_OBJECT' })
    const plan = await planFunction(context({ code: s3Code }))
    expect(writesOf(plan).code).toBeUndefined()
    expect(s3.commandCalls(HeadObjectCommand)[0].args[0].input).toMatchObject({
      Bucket: 'artifacts',
      Key: 'orders.zip',
      ChecksumMode: 'ENABLED'
    })
  })

  it('deploys when the checksum is a multipart (composite) one', async () => {
    lambda.on(GetFunctionCommand).resolves(ready())
    s3.on(HeadObjectCommand).resolves({ ChecksumSHA256: `${SHA}-3`, ChecksumType: 'COMPOSITE' })
    const plan = await planFunction(context({ code: s3Code }))
    expect(writesOf(plan).code?.upload).toMatchObject({ kind: 's3', sha256: undefined })
  })

  // 403 as well: S3 answers it for a missing key when the caller lacks s3:ListBucket.
  it.each([404, 403])(
    'names s3-key when HeadObject answers %i (missing, or not readable)',
    async status => {
      lambda.on(GetFunctionCommand).resolves(ready())
      s3.on(HeadObjectCommand).rejects(headError(status))
      const error = await planFunction(context({ code: s3Code })).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).problems).toEqual([
        `s3-key: s3://artifacts/orders.zip does not exist or cannot be read (s3:HeadObject answered HTTP ${status}); check s3-bucket, s3-key and that these credentials may s3:GetObject it`
      ])
    }
  )

  it('deploys, checksum unknown, when HeadObject fails otherwise', async () => {
    lambda.on(GetFunctionCommand).resolves(ready())
    s3.on(HeadObjectCommand).rejects(headError(500))
    const plan = await planFunction(context({ code: s3Code }))
    expect(writesOf(plan).code?.upload).toMatchObject({ kind: 's3', sha256: undefined })
    expect(output.text()).toContain('s3:HeadObject s3://artifacts/orders.zip failed (Unknown)')
  })
})

describe('a zip over the direct-upload limit', () => {
  const big = code({ size: DIRECT_UPLOAD_LIMIT + 1 })
  const key = stagingKey('orders', SHA)

  // 403: what S3 answers for a missing key to a caller without s3:ListBucket.
  it.each([404, 403])(
    'is put in the staging bucket with its checksum when HeadObject answers %i, then deployed from there',
    async status => {
      lambda
        .on(GetFunctionCommand)
        .resolvesOnce(ready({ CodeSha256: 'old' }))
        .resolves(ready())
      lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
      s3.on(HeadObjectCommand).rejects(headError(status))
      s3.on(PutObjectCommand).resolves({})
      const ctx = context({ stagingBucket: 'stage' })
      await applyFunction(ctx, await planFunction(ctx, big))
      expect(s3.commandCalls(PutObjectCommand)[0].args[0].input).toMatchObject({
        Bucket: 'stage',
        Key: key,
        ChecksumSHA256: SHA
      })
      expect(calls(UpdateFunctionCodeCommand)[0].args[0].input).toMatchObject({
        S3Bucket: 'stage',
        S3Key: key
      })
    }
  )

  it('stops on any other HeadObject failure, uploading nothing', async () => {
    lambda.on(GetFunctionCommand).resolves(ready({ CodeSha256: 'old' }))
    s3.on(HeadObjectCommand).rejects(headError(400))
    const ctx = context({ stagingBucket: 'stage' })
    await expect(applyFunction(ctx, await planFunction(ctx, big))).rejects.toMatchObject({
      step: expect.stringMatching(/^s3:PutObject s3:\/\/stage\/.* \(staging the code\)$/),
      cause: { $metadata: { httpStatusCode: 400 } }
    })
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0)
    expect(calls(UpdateFunctionCodeCommand)).toHaveLength(0)
  })

  it('is not uploaded again when the bucket already has it', async () => {
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(ready({ CodeSha256: 'old' }))
      .resolves(ready())
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
    s3.on(HeadObjectCommand).resolves({ ContentLength: big.size, ChecksumSHA256: SHA })
    const ctx = context({ stagingBucket: 'stage' })
    await applyFunction(ctx, await planFunction(ctx, big))
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0)
    expect(calls(UpdateFunctionCodeCommand)).toHaveLength(1)
  })
})

describe('publish and alias', () => {
  /** Deploys, then moves the alias as main.ts does once every check passed (`hold` unset). */
  /** $LATEST runs old code, and the update to SHA succeeds. */
  const codeUpdated = () => {
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(ready({ CodeSha256: 'old' }))
      .resolves(ready())
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
  }
  const deployAndPromote = async (ctx: RunContext, pkg: CodePackage, hold?: string) => {
    const plan = await planFunction(ctx, pkg)
    return promote(ctx, plan, await applyFunction(ctx, plan), hold)
  }

  it('publishes guarded by the deployed CodeSha256 and RevisionId, then creates the alias', async () => {
    codeUpdated()
    lambda.on(GetAliasCommand).rejects(notFound())
    lambda.on(PublishVersionCommand).resolves({ Version: '4', CodeSha256: SHA, State: 'Active' })
    lambda.on(CreateAliasCommand).resolves({ AliasArn: `${ARN}:live` })
    const ctx = context({ publish: true, alias: 'live' })
    const outcome = await deployAndPromote(ctx, code())
    expect(calls(PublishVersionCommand)[0].args[0].input).toEqual({
      FunctionName: 'orders',
      CodeSha256: SHA,
      RevisionId: 'rev-2',
      Description: 'apic-lambda-deploy: acme/orders@abcdef012345 https://x/runs/1'
    })
    expect(calls(CreateAliasCommand)[0].args[0].input).toEqual({
      FunctionName: 'orders',
      Name: 'live',
      FunctionVersion: '4',
      // The record rollback reads: a new alias has no version before.
      Description:
        'apic-lambda-deploy promoted 4 from none: acme/orders@abcdef012345 https://x/runs/1'
    })
    expect(outcome).toMatchObject({ version: '4', aliasArn: `${ARN}:live`, codeSha256: SHA })
    expect(outcome.changes.slice(-2).map(changeRow)).toEqual([
      { target: 'function orders version', action: 'create', detail: 'published version 4' },
      { target: 'alias orders:live', action: 'create', detail: 'point it to version 4' }
    ])
  })

  it('publishes nothing and moves nothing when the alias’s version already matches, reading only that version', async () => {
    lambda.on(GetFunctionCommand).resolves(ready())
    lambda.on(GetAliasCommand).resolves({ FunctionVersion: '4', AliasArn: `${ARN}:live` })
    lambda.on(GetFunctionConfigurationCommand).resolves({
      ...ready().Configuration,
      Version: '4',
      Description: 'apic-lambda-deploy: acme/orders@abcdef012345',
      RevisionId: 'v4',
      $metadata: { httpStatusCode: 200 }
    })
    const ctx = context({ publish: true, alias: 'live' })
    const outcome = await deployAndPromote(ctx, code())
    expect(outcome).toMatchObject({ version: '4', aliasArn: `${ARN}:live` })
    expect(lambda.calls().map(c => c.args[0].constructor.name)).toEqual([
      'GetFunctionCommand',
      'GetAliasCommand',
      'GetFunctionConfigurationCommand'
    ])
    expect(calls(GetFunctionConfigurationCommand)[0].args[0].input).toEqual({
      FunctionName: 'orders',
      Qualifier: '4'
    })
  })

  it('publishes when $LATEST gained a setting outside the action that the alias’s version lacks', async () => {
    const layers = { Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:deps:3' }] }
    lambda.on(GetFunctionCommand).resolves(ready(layers))
    lambda.on(GetAliasCommand).resolves({ FunctionVersion: '4', AliasArn: `${ARN}:live` })
    const version4 = { ...ready().Configuration, Version: '4' }
    lambda.on(GetFunctionConfigurationCommand).resolves(version4)
    lambda.on(ListVersionsByFunctionCommand).resolves({
      Versions: [{ ...ready(layers).Configuration, Version: '$LATEST' }, version4]
    })
    lambda.on(PublishVersionCommand).resolves({ Version: '5', State: 'Active' })
    lambda.on(UpdateAliasCommand).resolves({ AliasArn: `${ARN}:live` })
    const ctx = context({ publish: true, alias: 'live' })
    const outcome = await deployAndPromote(ctx, code())
    expect(outcome.version).toBe('5')
    expect(calls(UpdateAliasCommand)[0].args[0].input).toMatchObject({ FunctionVersion: '5' })
    expect(outcome.changes.slice(-2).map(changeRow)).toEqual([
      { target: 'function orders version', action: 'create', detail: 'published version 5' },
      { target: 'alias orders:live', action: 'update', detail: 'version 4 → version 5' }
    ])
  })

  it('holds the alias back when a check failed: no alias write, its change marked held back', async () => {
    codeUpdated()
    lambda.on(GetAliasCommand).resolves({ FunctionVersion: '4', AliasArn: `${ARN}:live` })
    lambda.on(PublishVersionCommand).resolves({ Version: '5', State: 'Active' })
    const ctx = context({ publish: true, alias: 'live' })
    const outcome = await deployAndPromote(ctx, code(), 'the smoke test failed')
    expect(calls(UpdateAliasCommand)).toHaveLength(0)
    expect(outcome).toMatchObject({ version: '5', promoted: false, aliasArn: `${ARN}:live` })
    expect(changeRow(outcome.changes.at(-1)!)).toEqual({
      target: 'alias orders:live',
      action: 'update',
      detail: 'not done (held back): version 4 → version 5'
    })
  })

  it('a failed alias move is a StepFailed naming it, with the published version known', async () => {
    codeUpdated()
    lambda.on(GetAliasCommand).rejects(notFound())
    lambda.on(PublishVersionCommand).resolves({ Version: '4', CodeSha256: SHA, State: 'Active' })
    lambda.on(CreateAliasCommand).rejects(new Error('AccessDenied'))
    const ctx = context({ publish: true, alias: 'live' })
    const failure = (await deployAndPromote(ctx, code()).catch((e: unknown) => e)) as StepFailed
    expect(failure).toBeInstanceOf(StepFailed)
    expect(failure.step).toBe('lambda:CreateAlias live on function orders')
    expect(failure.known).toEqual({ codeSha256: SHA, version: '4', promoted: false })
    expect(failure.changes.map(c => [c.kind, c.notDone])).toEqual([
      ['configuration', undefined],
      ['code', undefined],
      ['version', undefined],
      ['alias', 'failed']
    ])
  })

  it('lists every version, page by page, when no alias names one', async () => {
    lambda.on(GetFunctionCommand).resolves(ready())
    const version = (n: number) => ({ ...ready().Configuration, Version: String(n) })
    lambda
      .on(ListVersionsByFunctionCommand)
      .resolvesOnce({
        Versions: [{ ...version(0), Version: '$LATEST' }, version(1)],
        NextMarker: 'page-2'
      })
      .resolves({ Versions: [{ ...version(2), Timeout: 30 }, version(3)] })
    const ctx = context({ publish: true })
    const outcome = await applyFunction(ctx, await planFunction(ctx, code()))
    expect(outcome.version).toBe('3')
    // The paginator reuses one input object, so only the last Marker can be seen.
    expect(calls(ListVersionsByFunctionCommand)).toHaveLength(2)
    expect(calls(ListVersionsByFunctionCommand)[1].args[0].input.Marker).toBe('page-2')
    expect(calls(PublishVersionCommand)).toHaveLength(0)
  })

  it.each([
    [
      'its RevisionId',
      new PreconditionFailedException({
        message: 'The Revision Id provided does not match the latest Revision Id.',
        $metadata: {}
      })
    ],
    [
      'its CodeSha256',
      new InvalidParameterValueException({
        message: 'CodeSHA256 (x) is different from current CodeSHA256 in $LATEST (y).',
        $metadata: {}
      })
    ]
  ])('refuses to publish code another writer deployed meanwhile (%s)', async (_, error) => {
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(ready({ CodeSha256: 'old' }))
      .resolves(ready())
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
    lambda.on(PublishVersionCommand).rejects(error)
    lambda.on(GetFunctionConfigurationCommand).resolves({ CodeSha256: 'THEIRS' })
    const ctx = context({ publish: true })
    await expect(applyFunction(ctx, await planFunction(ctx, code()))).rejects.toThrow(
      `another deploy changed function orders meanwhile: $LATEST now runs CodeSha256 THEIRS, not this run's ${SHA}; nothing was published and no alias was moved`
    )
    expect(calls(PublishVersionCommand)).toHaveLength(1)
  })

  it('publishes nothing when the function after the wait runs another writer’s code', async () => {
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(ready({ CodeSha256: 'old' }))
      .resolves(ready({ CodeSha256: 'THEIRS', RevisionId: 'theirs-revision' }))
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA, RevisionId: 'ours' })
    const ctx = context({ publish: true, alias: 'live' })
    const failure = (await applyFunction(ctx, await planFunction(ctx, code())).catch(
      (e: unknown) => e
    )) as StepFailed
    expect(failure).toBeInstanceOf(StepFailed)
    expect(failure.message).toContain(`CodeSha256 THEIRS, not this run's ${SHA}`)
    expect(failure.known).toEqual({})
    expect(failure.changes.map(c => [c.kind, c.notDone])).toEqual([
      ['configuration', undefined],
      ['code', undefined],
      ['version', 'failed'],
      ['alias', 'not reached']
    ])
    expect(calls(PublishVersionCommand)).toHaveLength(0)
    expect(calls(CreateAliasCommand)).toHaveLength(0)
  })

  it('a configuration change of another writer makes the revision stale: nothing published', async () => {
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(ready({ CodeSha256: 'old' }))
      .resolves(ready())
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
    lambda
      .on(PublishVersionCommand)
      .rejects(new PreconditionFailedException({ message: 'Revision Id', $metadata: {} }))
    lambda.on(GetFunctionConfigurationCommand).resolves({ CodeSha256: SHA })
    const ctx = context({ publish: true })
    await expect(applyFunction(ctx, await planFunction(ctx, code()))).rejects.toThrow(
      /^another deploy changed the configuration of function orders meanwhile .*nothing was published/
    )
  })

  it('waits for a version that is not Active yet', async () => {
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(ready({ CodeSha256: 'old' }))
      .resolves(ready())
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
    lambda.on(PublishVersionCommand).resolves({ Version: '2', State: 'Pending' })
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolvesOnce({ State: 'Pending' })
      .resolves({ State: 'Active' })
    const ctx = context({ publish: true })
    const outcome = await applyFunction(ctx, await planFunction(ctx, code()))
    expect(outcome.version).toBe('2')
    expect(calls(GetFunctionConfigurationCommand)[0].args[0].input).toEqual({
      FunctionName: 'orders',
      Qualifier: '2'
    })
    expect(output.text()).toContain('Waiting for version 2 of orders to become Active')
  })

  const overtaken = () =>
    `another deploy moved alias live to version 6 after this run read it; version 5 is published but not promoted, and the alias stays where that deploy put it`
  it('never moves an alias that another run created after the plan read it', async () => {
    codeUpdated()
    lambda
      .on(GetAliasCommand)
      .rejectsOnce(notFound())
      .resolves({ FunctionVersion: '6', AliasArn: `${ARN}:live`, RevisionId: 'theirs' })
    lambda.on(PublishVersionCommand).resolves({ Version: '5', State: 'Active' })
    lambda
      .on(CreateAliasCommand)
      .rejects(new ResourceConflictException({ message: 'Alias already exists', $metadata: {} }))
    const ctx = context({ publish: true, alias: 'live' })
    const failure = (await deployAndPromote(ctx, code()).catch((e: unknown) => e)) as StepFailed
    expect(failure).toBeInstanceOf(StepFailed)
    expect(failure.step).toBe('lambda:CreateAlias live on function orders')
    expect(failure.message).toBe(overtaken())
    expect(failure.known).toMatchObject({ version: '5', promoted: false })
    expect(calls(UpdateAliasCommand)).toHaveLength(0)
    expect(calls(GetAliasCommand)).toHaveLength(2)
  })

  it('moves the alias only from the RevisionId read at plan time; a refusal names the winner', async () => {
    codeUpdated()
    lambda
      .on(GetAliasCommand)
      .resolvesOnce({ FunctionVersion: '4', AliasArn: `${ARN}:live`, RevisionId: 'read' })
      .resolves({ FunctionVersion: '6', AliasArn: `${ARN}:live`, RevisionId: 'theirs' })
    lambda.on(PublishVersionCommand).resolves({ Version: '5', State: 'Active' })
    lambda
      .on(UpdateAliasCommand)
      .rejects(new PreconditionFailedException({ message: 'Revision Id', $metadata: {} }))
    const ctx = context({ publish: true, alias: 'live' })
    const failure = (await deployAndPromote(ctx, code()).catch((e: unknown) => e)) as StepFailed
    expect(calls(UpdateAliasCommand).map(c => c.args[0].input)).toEqual([
      {
        FunctionName: 'orders',
        Name: 'live',
        FunctionVersion: '5',
        RevisionId: 'read',
        RoutingConfig: { AdditionalVersionWeights: {} },
        Description:
          'apic-lambda-deploy promoted 5 from 4: acme/orders@abcdef012345 https://x/runs/1'
      }
    ])
    expect(failure.step).toBe('lambda:UpdateAlias live on function orders')
    expect(failure.message).toBe(overtaken())
    expect(failure.known).toMatchObject({ version: '5', promoted: false })
    expect(failure.changes.at(-1)).toMatchObject({ kind: 'alias', notDone: 'failed' })
  })

  it('a refusal of its own move sent again (the first answer lost) is a move: the alias is on its version', async () => {
    codeUpdated()
    lambda
      .on(GetAliasCommand)
      .resolvesOnce({ FunctionVersion: '4', AliasArn: `${ARN}:live`, RevisionId: 'read' })
      .resolves({ FunctionVersion: '5', AliasArn: `${ARN}:live`, RevisionId: 'ours' })
    lambda.on(PublishVersionCommand).resolves({ Version: '5', State: 'Active' })
    lambda
      .on(UpdateAliasCommand)
      .rejects(new PreconditionFailedException({ message: 'Revision Id', $metadata: {} }))
    const ctx = context({ publish: true, alias: 'live' })
    const outcome = await deployAndPromote(ctx, code())
    expect(outcome).toMatchObject({ version: '5', promoted: true, aliasArn: `${ARN}:live` })
  })

  it('any other refusal of the move fails it without reading the alias again', async () => {
    codeUpdated()
    lambda.on(GetAliasCommand).resolves({ FunctionVersion: '4', RevisionId: 'read' })
    lambda.on(PublishVersionCommand).resolves({ Version: '5', State: 'Active' })
    lambda.on(UpdateAliasCommand).rejects(new Error('AccessDeniedException'))
    const ctx = context({ publish: true, alias: 'live' })
    const failure = (await deployAndPromote(ctx, code()).catch((e: unknown) => e)) as StepFailed
    expect(failure.message).toBe('AccessDeniedException')
    expect(failure.known).toMatchObject({ promoted: false })
    expect(calls(GetAliasCommand)).toHaveLength(1)
  })
})

describe('a function that Lambda reports failed', () => {
  it('redeploys the same code after a failed update, saying why', async () => {
    lambda
      .on(GetFunctionCommand)
      .resolvesOnce(
        ready({
          LastUpdateStatus: 'Failed',
          LastUpdateStatusReasonCode: 'SubnetOutOfIPAddresses',
          LastUpdateStatusReason: 'All subnets are full.'
        })
      )
      .resolves(ready())
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
    const ctx = context()
    const outcome = await applyFunction(ctx, await planFunction(ctx, code()))
    expect(calls(UpdateFunctionCodeCommand)).toHaveLength(1)
    expect(changeRow(outcome.changes[1]!)).toEqual({
      target: 'function orders code',
      action: 'update',
      detail: expect.stringMatching(
        /^redeployed because Lambda reports it failed \(LastUpdateStatus Failed: SubnetOutOfIPAddresses: All subnets are full\.\); same code/
      )
    })
    expect(output.text()).toContain(
      'Update function orders code: redeployed because Lambda reports it failed'
    )
    expect(output.warnings()).toEqual([
      expect.stringContaining(
        'Lambda reports function orders failed (LastUpdateStatus Failed: SubnetOutOfIPAddresses: All subnets are full.): its previous code and configuration still run; this run redeploys it'
      )
    ])
  })

  it('warns, writing nothing, when there is no code to redeploy', async () => {
    lambda.on(GetFunctionCommand).resolves(ready({ LastUpdateStatus: 'Failed' }))
    const ctx = context({ code: { kind: 'none' } })
    const outcome = await applyFunction(ctx, await planFunction(ctx))
    expect(lambda.calls()).toHaveLength(1)
    expect(outcome.changes.every(c => c.action === 'unchanged')).toBe(true)
    expect(output.warnings()).toEqual([
      expect.stringContaining(
        'this run has no code source to redeploy it; give code, s3-key or image-uri'
      )
    ])
  })

  it('fails, naming the cure, when the function stays in state Failed after the redeploy', async () => {
    const failed = ready({
      State: 'Failed',
      StateReasonCode: 'InvalidSubnet',
      StateReason: 'The subnet does not exist.'
    })
    lambda.on(GetFunctionCommand).resolves(failed)
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
    const ctx = context({ publish: true })
    await expect(applyFunction(ctx, await planFunction(ctx, code()))).rejects.toThrow(
      /^function orders is still in state Failed after this deploy \(State Failed: InvalidSubnet: The subnet does not exist\.\); .* delete it and run the action again$/
    )
    expect(calls(UpdateFunctionCodeCommand)).toHaveLength(1)
    expect(calls(PublishVersionCommand)).toHaveLength(0)
    expect(output.warnings()[0]).toContain('if it stays Failed, delete it and run the action again')
  })
})

describe('CreateFunction losing a race', () => {
  const exists = () =>
    new ResourceConflictException({ message: 'Function already exist: orders', $metadata: {} })

  it('plans again once and deploys as an update', async () => {
    lambda
      .on(GetFunctionCommand)
      .rejectsOnce(notFound())
      .resolvesOnce(ready({ CodeSha256: 'theirs' }))
      .resolves(ready())
    lambda.on(CreateFunctionCommand).rejects(exists())
    lambda.on(UpdateFunctionCodeCommand).resolves({ CodeSha256: SHA })
    const ctx = context()
    const outcome = await applyFunction(ctx, await planFunction(ctx, code()))
    expect(calls(CreateFunctionCommand)).toHaveLength(1)
    expect(calls(UpdateFunctionCodeCommand)).toHaveLength(1)
    expect(outcome.changes.map(changeRow).map(c => [c.target, c.action])).toEqual([
      ['function orders configuration', 'unchanged'],
      ['function orders code', 'update']
    ])
    expect(output.text()).toContain('planning again as an update')
  })

  it('plans again only once, even if the function still cannot be read', async () => {
    lambda.on(GetFunctionCommand).rejects(notFound())
    lambda.on(CreateFunctionCommand).rejects(exists())
    const ctx = context()
    await expect(applyFunction(ctx, await planFunction(ctx, code()))).rejects.toThrow(
      'lambda:CreateFunction: function orders already exists, yet reading it again found no function; run the action again'
    )
    expect(calls(CreateFunctionCommand)).toHaveLength(2)
    expect(calls(GetFunctionCommand)).toHaveLength(2)
  })
})
