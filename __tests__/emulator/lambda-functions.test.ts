// Lambda functions through the real client: create (zip, S3, image), read, update, Lambda's
// validation and errors, the execution-role checks, and the Pending/InProgress state model.
import { createHash } from 'node:crypto'
import { CreateRoleCommand } from '@aws-sdk/client-iam'
import {
  CreateFunctionCommand,
  type CreateFunctionCommandInput,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListTagsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2
} from '@aws-sdk/client-lambda'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { ACCOUNT, LAMBDA_TRUST, apiConnectTrust, clients, rejectionOf, zipOf } from './helpers.js'

const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/exec`
const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`
const ZIP = zipOf({ 'index.js': 'exports.handler = async () => 1' })
const ZIP_2 = zipOf({ 'index.js': 'exports.handler = async () => 2' })
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64')

let emulator: Emulator
let aws: ReturnType<typeof clients>

beforeAll(async () => {
  emulator = await startEmulator({
    seed: { roles: [{ name: 'exec', assumeRolePolicy: LAMBDA_TRUST }], buckets: ['artifacts'] }
  })
  aws = clients(emulator.url)
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

function create(input: Partial<CreateFunctionCommandInput> = {}) {
  return aws.lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'orders',
      Role: EXEC_ROLE,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Code: { ZipFile: ZIP },
      ...input
    })
  )
}

function withDelays<T>(delays: Parameters<Emulator['configure']>[0], body: () => Promise<T>) {
  emulator.configure(delays)
  return body().finally(() =>
    emulator.configure({
      functionActivationMs: 0,
      functionUpdateMs: 0,
      roleAssumableAfterMs: 0,
      iamPropagationMs: 0
    })
  )
}

describe('CreateFunction and GetFunction', () => {
  test('a zip package: CodeSha256 is the base64 SHA-256 of the zip, CodeSize its length', async () => {
    const created = await create({ Tags: { team: 'integration' }, Description: 'orders API' })
    expect(created.$metadata.httpStatusCode).toBe(201)
    expect(created).toMatchObject({
      FunctionName: 'orders',
      FunctionArn: FN_ARN,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: EXEC_ROLE,
      CodeSha256: sha256(ZIP),
      CodeSize: ZIP.length,
      Description: 'orders API',
      Timeout: 3,
      MemorySize: 128,
      Version: '$LATEST',
      PackageType: 'Zip',
      Architectures: ['x86_64'],
      State: 'Active',
      LastUpdateStatus: 'Successful'
    })
    expect(created.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/)
    expect(created.RevisionId).toBeTruthy()

    const { Configuration, Code, Tags } = await aws.lambda.send(
      new GetFunctionCommand({ FunctionName: 'orders' })
    )
    expect(Configuration?.CodeSha256).toBe(sha256(ZIP))
    expect(Tags).toEqual({ team: 'integration' })
    expect(Code?.RepositoryType).toBe('S3')
    const download = await fetch(Code!.Location!)
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(ZIP))).toBe(true)

    const { Tags: listed } = await aws.lambda.send(new ListTagsCommand({ Resource: FN_ARN }))
    expect(listed).toEqual({ team: 'integration' })
  })

  test.each([
    ['a name', 'orders'],
    ['a partial ARN', `${ACCOUNT}:function:orders`],
    ['a full ARN', FN_ARN]
  ])('the function is found by %s', async (_label, name) => {
    await create()
    const { Configuration } = await aws.lambda.send(new GetFunctionCommand({ FunctionName: name }))
    expect(Configuration?.FunctionArn).toBe(FN_ARN)
    const config = await aws.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: name })
    )
    expect(config.FunctionName).toBe('orders')
  })

  test('functions live in the region of the request', async () => {
    const frankfurt = clients(emulator.url, { region: 'eu-central-1' })
    const created = await frankfurt.lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'orders',
        Role: EXEC_ROLE,
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Code: { ZipFile: ZIP }
      })
    )
    expect(created.FunctionArn).toBe(`arn:aws:lambda:eu-central-1:${ACCOUNT}:function:orders`)
    await expect(
      aws.lambda.send(new GetFunctionCommand({ FunctionName: 'orders' }))
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException'
    })
  })

  test('a package from the emulator S3, by key and by object version', async () => {
    await aws.s3.send(new PutObjectCommand({ Bucket: 'artifacts', Key: 'orders.zip', Body: ZIP }))
    const second = await aws.s3.send(
      new PutObjectCommand({ Bucket: 'artifacts', Key: 'orders.zip', Body: ZIP_2 })
    )
    const first = emulator.state.s3.buckets.get('artifacts')!.objects.get('orders.zip')![0]
    const latest = await create({ Code: { S3Bucket: 'artifacts', S3Key: 'orders.zip' } })
    expect(latest.CodeSha256).toBe(sha256(ZIP_2))
    const pinned = await create({
      FunctionName: 'orders-pinned',
      Code: { S3Bucket: 'artifacts', S3Key: 'orders.zip', S3ObjectVersion: first.versionId }
    })
    expect(pinned.CodeSha256).toBe(sha256(ZIP))
    expect(second.VersionId).not.toBe(first.versionId)
  })

  test.each([
    [
      { S3Bucket: 'nope', S3Key: 'x.zip' },
      'S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist'
    ],
    [
      { S3Bucket: 'artifacts', S3Key: 'x.zip' },
      'S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.'
    ]
  ])('a missing S3 package is InvalidParameterValueException', async (code, message) => {
    const error = await rejectionOf(create({ Code: code }))
    expect(error.name).toBe('InvalidParameterValueException')
    expect(error.message).toBe(`Error occurred while GetObject. ${message}`)
  })

  test('a container image', async () => {
    const uri = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/orders:1`
    const created = await create({
      PackageType: 'Image',
      Runtime: undefined,
      Handler: undefined,
      Code: { ImageUri: uri }
    })
    expect(created).toMatchObject({ PackageType: 'Image', CodeSize: 0 })
    const { Code } = await aws.lambda.send(new GetFunctionCommand({ FunctionName: 'orders' }))
    expect(Code).toMatchObject({ RepositoryType: 'ECR', ImageUri: uri })
  })

  test('a name that exists is ResourceConflictException; one that does not is ResourceNotFound', async () => {
    await create()
    const conflict = await rejectionOf(create())
    expect(conflict.name).toBe('ResourceConflictException')
    expect(conflict.message).toBe('Function already exist: orders')
    expect(conflict.$metadata.httpStatusCode).toBe(409)

    const missing = await rejectionOf(
      aws.lambda.send(new GetFunctionCommand({ FunctionName: 'nope' }))
    )
    expect(missing.name).toBe('ResourceNotFoundException')
    expect(missing.message).toBe(
      `Function not found: arn:aws:lambda:us-east-1:${ACCOUNT}:function:nope`
    )
    expect(missing.$metadata.httpStatusCode).toBe(404)
  })
})

describe('validation', () => {
  test.each([
    [
      { MemorySize: 64 },
      "Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128"
    ],
    [
      { MemorySize: 10241 },
      "Value '10241' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240"
    ],
    [
      { Timeout: 0 },
      "Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1"
    ],
    [
      { Timeout: 901 },
      "Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900"
    ],
    [
      { FunctionName: 'has space' },
      "Value 'has space' at 'functionName' failed to satisfy constraint"
    ],
    [{ Role: 'exec' }, "Value 'exec' at 'role' failed to satisfy constraint"]
  ])('%j is a ValidationException', async (input, message) => {
    const error = await rejectionOf(create(input))
    expect(error.name).toBe('ValidationException')
    expect(error.message.startsWith(`1 validation error detected: ${message}`)).toBe(true)
    expect(error.$metadata.httpStatusCode).toBe(400)
  })

  test.each([
    [
      'no Runtime',
      { Runtime: undefined },
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.'
    ],
    [
      'no Handler',
      { Handler: undefined },
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.'
    ],
    [
      'bytes that are not a zip',
      { Code: { ZipFile: Buffer.from('not a zip') } },
      'Could not unzip uploaded file. Please check your file, then try to upload again.'
    ]
  ])('%s is InvalidParameterValueException', async (_label, input, message) => {
    const error = await rejectionOf(create(input))
    expect(error.name).toBe('InvalidParameterValueException')
    expect(error.message).toBe(message)
  })

  test('a zip over 50 MB is RequestEntityTooLargeException (413)', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024 + 1)
    const error = await rejectionOf(create({ Code: { ZipFile: huge } }))
    expect(error.name).toBe('RequestEntityTooLargeException')
    expect(error.message).toBe(
      'Request must be smaller than 69905067 bytes for the CreateFunction operation'
    )
    expect(error.$metadata.httpStatusCode).toBe(413)
  })
})

describe('the execution role', () => {
  const cannotAssume = 'The role defined for the function cannot be assumed by Lambda.'

  test('must exist and trust lambda.amazonaws.com', async () => {
    const missing = await rejectionOf(create({ Role: `arn:aws:iam::${ACCOUNT}:role/ghost` }))
    expect(missing.name).toBe('InvalidParameterValueException')
    expect(missing.message).toBe(cannotAssume)

    await aws.iam.send(
      new CreateRoleCommand({ RoleName: 'apic', AssumeRolePolicyDocument: apiConnectTrust() })
    )
    const untrusting = await rejectionOf(create({ Role: `arn:aws:iam::${ACCOUNT}:role/apic` }))
    expect(untrusting.message).toBe(cannotAssume)
  })

  test('a new role cannot be assumed until roleAssumableAfterMs has passed', () =>
    withDelays({ roleAssumableAfterMs: 150 }, async () => {
      await aws.iam.send(
        new CreateRoleCommand({ RoleName: 'fresh', AssumeRolePolicyDocument: LAMBDA_TRUST })
      )
      const role = `arn:aws:iam::${ACCOUNT}:role/fresh`
      await expect(create({ Role: role })).rejects.toMatchObject({ message: cannotAssume })
      const deadline = Date.now() + 2000
      let created = false
      while (!created && Date.now() < deadline) {
        created = await create({ Role: role }).then(
          () => true,
          () => false
        )
      }
      expect(created).toBe(true)
    }))
})

describe('updates', () => {
  test('UpdateFunctionCode replaces the code and keeps the configuration', async () => {
    await create({ MemorySize: 256 })
    const updated = await aws.lambda.send(
      new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: ZIP_2 })
    )
    expect(updated).toMatchObject({
      CodeSha256: sha256(ZIP_2),
      CodeSize: ZIP_2.length,
      MemorySize: 256
    })

    await aws.s3.send(new PutObjectCommand({ Bucket: 'artifacts', Key: 'v1.zip', Body: ZIP }))
    const fromS3 = await aws.lambda.send(
      new UpdateFunctionCodeCommand({
        FunctionName: FN_ARN,
        S3Bucket: 'artifacts',
        S3Key: 'v1.zip'
      })
    )
    expect(fromS3.CodeSha256).toBe(sha256(ZIP))
  })

  test('UpdateFunctionCode errors: image on a zip function, stale RevisionId, qualified name', async () => {
    const { RevisionId } = await create()
    const image = await rejectionOf(
      aws.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders', ImageUri: 'x/y:1' }))
    )
    expect(image.name).toBe('InvalidParameterValueException')

    await aws.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: ZIP_2 }))
    const stale = await rejectionOf(
      aws.lambda.send(
        new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: ZIP, RevisionId })
      )
    )
    expect(stale.name).toBe('PreconditionFailedException')
    expect(stale.$metadata.httpStatusCode).toBe(412)

    const qualified = await rejectionOf(
      aws.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders:1', ZipFile: ZIP }))
    )
    expect(qualified.name).toBe('InvalidParameterValueException')
  })

  test('UpdateFunctionConfiguration changes only the fields it names', async () => {
    await create({
      MemorySize: 512,
      Description: 'keep me',
      Environment: { Variables: { STAGE: 'dev' } }
    })
    const updated = await aws.lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'orders',
        Timeout: 30,
        Environment: { Variables: { LEVEL: 'debug' } }
      })
    )
    expect(updated).toMatchObject({
      Timeout: 30,
      MemorySize: 512,
      Description: 'keep me',
      Environment: { Variables: { LEVEL: 'debug' } },
      CodeSha256: sha256(ZIP)
    })
    const badRole = await rejectionOf(
      aws.lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: 'orders',
          Role: `arn:aws:iam::${ACCOUNT}:role/ghost`
        })
      )
    )
    expect(badRole.message).toBe('The role defined for the function cannot be assumed by Lambda.')
    const badMemory = await rejectionOf(
      aws.lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', MemorySize: 1 })
      )
    )
    expect(badMemory.name).toBe('ValidationException')
  })
})

describe('state model', () => {
  test('Pending until functionActivationMs: writes conflict, the SDK waiter waits it out', () =>
    withDelays({ functionActivationMs: 300 }, async () => {
      const created = await create()
      expect(created).toMatchObject({ State: 'Pending', StateReasonCode: 'Creating' })
      expect(created.LastUpdateStatus).toBeUndefined()

      const conflict = await rejectionOf(
        aws.lambda.send(
          new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Timeout: 10 })
        )
      )
      expect(conflict.name).toBe('ResourceConflictException')
      expect(conflict.message).toBe(
        'The operation cannot be performed at this time. The function is currently in the following state: Pending'
      )
      expect(conflict.$metadata.httpStatusCode).toBe(409)

      const result = await waitUntilFunctionActiveV2(
        { client: aws.lambda, maxWaitTime: 10 },
        { FunctionName: 'orders' }
      )
      expect(result.state).toBe('SUCCESS')
      const polls = emulator.log.filter(e => e.operation === 'GetFunction')
      expect(polls.length).toBeGreaterThanOrEqual(2)
      const { Configuration } = await aws.lambda.send(
        new GetFunctionCommand({ FunctionName: 'orders' })
      )
      expect(Configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' })
    }))

  test('InProgress for functionUpdateMs after an update: a second write conflicts until done', () =>
    withDelays({ functionUpdateMs: 300 }, async () => {
      await create()
      const updated = await aws.lambda.send(
        new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: ZIP_2 })
      )
      expect(updated).toMatchObject({ State: 'Active', LastUpdateStatus: 'InProgress' })

      const conflict = await rejectionOf(
        aws.lambda.send(
          new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Timeout: 10 })
        )
      )
      expect(conflict.name).toBe('ResourceConflictException')
      expect(conflict.message).toBe(
        `The operation cannot be performed at this time. An update is in progress for resource: ${FN_ARN}`
      )

      const result = await waitUntilFunctionUpdatedV2(
        { client: aws.lambda, maxWaitTime: 10 },
        { FunctionName: 'orders' }
      )
      expect(result.state).toBe('SUCCESS')
      const after = await aws.lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Timeout: 10 })
      )
      expect(after).toMatchObject({ Timeout: 10, LastUpdateStatus: 'InProgress' })
    }))
})
