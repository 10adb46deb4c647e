// The emulator's Lambda settings through the real client: each stored and returned as Lambda
// returns it, an empty value removing it, the obvious errors refused, tags removed with
// UntagResource, and the code-signing configuration kept apart from the configuration.
import {
  CreateFunctionCommand,
  type CreateFunctionCommandInput,
  GetFunctionCodeSigningConfigCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListTagsCommand,
  PutFunctionCodeSigningConfigCommand,
  UntagResourceCommand,
  UpdateFunctionConfigurationCommand
} from '@aws-sdk/client-lambda'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { ACCOUNT, LAMBDA_TRUST, clients, rejectionOf, zipOf } from './helpers.js'

const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/exec`
const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`
const LAYER = `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:deps:3`
const SIGNING = `arn:aws:lambda:us-east-1:${ACCOUNT}:code-signing-config:csc-0123456789abcdef0`
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`

let emulator: Emulator
let aws: ReturnType<typeof clients>

beforeAll(async () => {
  emulator = await startEmulator({
    seed: { roles: [{ name: 'exec', assumeRolePolicy: LAMBDA_TRUST }] }
  })
  aws = clients(emulator.url)
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

const create = (input: Partial<CreateFunctionCommandInput> = {}) =>
  aws.lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'orders',
      Role: EXEC_ROLE,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Code: { ZipFile: zipOf({ 'index.js': 'exports.handler = async () => 1' }) },
      ...input
    })
  )
const configuration = () =>
  aws.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders' }))
const update = (fields: Record<string, unknown>) =>
  aws.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', ...fields }))

describe('Lambda settings in the emulator', () => {
  test('each setting is stored and returned; defaults where Lambda shows them', async () => {
    let c = await (await create(), configuration())
    expect(c).toMatchObject({
      TracingConfig: { Mode: 'PassThrough' },
      SnapStart: { ApplyOn: 'None' },
      LoggingConfig: { LogFormat: 'Text', LogGroup: '/aws/lambda/orders' }
    })
    expect(c.Layers).toBeUndefined()
    await update({
      Layers: [LAYER],
      VpcConfig: {
        SubnetIds: ['subnet-1'],
        SecurityGroupIds: ['sg-1'],
        Ipv6AllowedForDualStack: true
      },
      DeadLetterConfig: { TargetArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:dlq` },
      KMSKeyArn: KEY,
      TracingConfig: { Mode: 'Active' },
      SnapStart: { ApplyOn: 'PublishedVersions' },
      LoggingConfig: { LogFormat: 'JSON', SystemLogLevel: 'WARN' }
    })
    c = await configuration()
    expect(c).toMatchObject({
      Layers: [{ Arn: LAYER }],
      VpcConfig: {
        SubnetIds: ['subnet-1'],
        SecurityGroupIds: ['sg-1'],
        Ipv6AllowedForDualStack: true
      },
      DeadLetterConfig: { TargetArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:dlq` },
      KMSKeyArn: KEY,
      TracingConfig: { Mode: 'Active' },
      SnapStart: { ApplyOn: 'PublishedVersions' },
      // With the JSON format Lambda shows both levels, INFO where none was set.
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' }
    })
    expect(c.VpcConfig?.VpcId).toMatch(/^vpc-/)
  })

  test('an empty value removes the setting', async () => {
    await create({
      Layers: [LAYER],
      KMSKeyArn: KEY,
      DeadLetterConfig: { TargetArn: `arn:aws:sns:us-east-1:${ACCOUNT}:t` }
    })
    await update({ Layers: [], KMSKeyArn: '', DeadLetterConfig: { TargetArn: '' } })
    const c = await configuration()
    expect(c.Layers).toBeUndefined()
    expect(c.KMSKeyArn).toBeUndefined()
    expect(c.DeadLetterConfig).toBeUndefined()
  })

  test.each([
    [
      'six layers',
      { Layers: Array.from({ length: 6 }, (_, i) => `${LAYER.slice(0, -1)}${i}`) },
      /more than 5 layers/
    ],
    ['a malformed layer', { Layers: ['deps'] }, /regular expression pattern/],
    [
      'a file system without a VPC',
      {
        FileSystemConfigs: [
          {
            Arn: 'arn:aws:elasticfilesystem:us-east-1:1:access-point/fsap-1',
            LocalMountPath: '/mnt/x'
          }
        ]
      },
      /configured with a VPC/
    ],
    [
      'log levels with the Text format',
      { LoggingConfig: { LogFormat: 'Text', ApplicationLogLevel: 'INFO' } },
      /JSON log format/
    ],
    [
      'image configuration on a zip function',
      { ImageConfig: { Command: ['x'] } },
      /packageType Zip/
    ]
  ])('refuses %s', async (_, fields, message) => {
    await create()
    const error = await rejectionOf(update(fields))
    expect(error.message).toMatch(message)
    expect((await configuration()).Layers).toBeUndefined()
  })

  test('layers are refused for an image function', async () => {
    const error = await rejectionOf(
      create({
        PackageType: 'Image',
        Runtime: undefined,
        Handler: undefined,
        Code: { ImageUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/app:1` },
        Layers: [LAYER]
      })
    )
    expect(error.name).toBe('InvalidParameterValueException')
  })

  test('UntagResource removes the named keys only', async () => {
    await create({ Tags: { team: 'a', owner: 'ops' } })
    await aws.lambda.send(
      new UntagResourceCommand({ Resource: FN_ARN, TagKeys: ['owner', 'absent'] })
    )
    const { Tags } = await aws.lambda.send(new ListTagsCommand({ Resource: FN_ARN }))
    expect(Tags).toEqual({ team: 'a' })
  })

  test('the code-signing configuration and the code key are kept apart from the configuration', async () => {
    await create({
      CodeSigningConfigArn: SIGNING,
      Code: { ZipFile: zipOf({ 'a.js': '1' }), SourceKMSKeyArn: KEY }
    })
    const get = () =>
      aws.lambda.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: 'orders' }))
    expect((await get()).CodeSigningConfigArn).toBe(SIGNING)
    const other = SIGNING.replace('0123456789abcdef0', '0fedcba9876543210')
    await aws.lambda.send(
      new PutFunctionCodeSigningConfigCommand({
        FunctionName: 'orders',
        CodeSigningConfigArn: other
      })
    )
    expect((await get()).CodeSigningConfigArn).toBe(other)
    const fn = await aws.lambda.send(new GetFunctionCommand({ FunctionName: 'orders' }))
    expect(fn.Code?.SourceKMSKeyArn).toBe(KEY)
    const bad = await rejectionOf(
      aws.lambda.send(
        new PutFunctionCodeSigningConfigCommand({
          FunctionName: 'orders',
          CodeSigningConfigArn: 'csc-1'
        })
      )
    )
    expect(bad.name).toBe('ValidationException')
  })
})
