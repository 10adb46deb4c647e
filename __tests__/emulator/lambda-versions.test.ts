// Lambda versions, aliases and tags through the real client.
import { createHash } from 'node:crypto'
import {
  CreateAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  TagResourceCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand
} from '@aws-sdk/client-lambda'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { ACCOUNT, LAMBDA_TRUST, clients, createOrders, rejectionOf, zipOf } from './helpers.js'

const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`
const ZIP = zipOf({ 'index.js': 'exports.handler = async () => 1' })
const ZIP_2 = zipOf({ 'index.js': 'exports.handler = async () => 2' })
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64')

let emulator: Emulator
let lambda: ReturnType<typeof clients>['lambda']

beforeAll(async () => {
  emulator = await startEmulator({
    seed: { roles: [{ name: 'exec', assumeRolePolicy: LAMBDA_TRUST }] }
  })
  lambda = clients(emulator.url).lambda
})
afterAll(() => emulator.stop())
beforeEach(async () => {
  emulator.reset()
  await createOrders(lambda, ZIP)
})

const publish = (input: object = {}) =>
  lambda.send(new PublishVersionCommand({ FunctionName: 'orders', ...input }))
const updateCode = (zip: Uint8Array) =>
  lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: zip }))

describe('PublishVersion and ListVersionsByFunction', () => {
  test('publishes numbered versions; an unchanged $LATEST returns the last version', async () => {
    const first = await publish({ Description: 'first' })
    expect(first.$metadata.httpStatusCode).toBe(201)
    expect(first).toMatchObject({
      Version: '1',
      FunctionArn: `${FN_ARN}:1`,
      Description: 'first',
      CodeSha256: sha256(ZIP)
    })
    expect((await publish()).Version).toBe('1')

    await updateCode(ZIP_2)
    expect((await publish()).Version).toBe('2')
    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Timeout: 9 })
    )
    expect((await publish()).Version).toBe('3')

    const { Versions } = await lambda.send(
      new ListVersionsByFunctionCommand({ FunctionName: 'orders' })
    )
    expect(Versions?.map(v => v.Version)).toEqual(['$LATEST', '1', '2', '3'])
    expect(Versions?.map(v => v.CodeSha256)).toEqual([
      sha256(ZIP_2),
      sha256(ZIP),
      sha256(ZIP_2),
      sha256(ZIP_2)
    ])
    expect(emulator.writes().filter(e => e.operation === 'PublishVersion')).toHaveLength(4)
  })

  test("CodeSha256 is a precondition, with Lambda's error when it does not match", async () => {
    const stale = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
    const error = await rejectionOf(publish({ CodeSha256: stale }))
    expect(error.name).toBe('InvalidParameterValueException')
    expect(error.message).toBe(
      `CodeSHA256 (${stale}) is different from current CodeSHA256 in $LATEST (${sha256(ZIP)}). Please try again with the CodeSHA256 in $LATEST.`
    )
    await expect(publish({ CodeSha256: sha256(ZIP) })).resolves.toMatchObject({ Version: '1' })
  })

  test('publishing while an update is in progress conflicts', async () => {
    emulator.configure({ functionUpdateMs: 60_000 })
    try {
      await updateCode(ZIP_2)
      const error = await rejectionOf(publish())
      expect(error.name).toBe('ResourceConflictException')
    } finally {
      emulator.configure({ functionUpdateMs: 0 })
    }
  })

  test('a qualifier reads a version (by ?Qualifier=, by name:qualifier, or via an alias)', async () => {
    await publish()
    await updateCode(ZIP_2)
    await lambda.send(
      new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' })
    )
    for (const input of [
      { FunctionName: 'orders', Qualifier: '1' },
      { FunctionName: 'orders:1' },
      { FunctionName: `${FN_ARN}:live` }
    ]) {
      const config = await lambda.send(new GetFunctionConfigurationCommand(input))
      expect(config).toMatchObject({
        Version: '1',
        CodeSha256: sha256(ZIP),
        FunctionArn: `${FN_ARN}:1`
      })
    }
    const latest = await lambda.send(
      new GetFunctionCommand({ FunctionName: 'orders', Qualifier: '$LATEST' })
    )
    expect(latest.Configuration?.CodeSha256).toBe(sha256(ZIP_2))

    const missing = await rejectionOf(
      lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders', Qualifier: '9' }))
    )
    expect(missing.name).toBe('ResourceNotFoundException')
    expect(missing.message).toBe(`Function not found: ${FN_ARN}:9`)
  })
})

describe('aliases', () => {
  test('CreateAlias, GetAlias and UpdateAlias', async () => {
    await publish()
    const created = await lambda.send(
      new CreateAliasCommand({
        FunctionName: 'orders',
        Name: 'live',
        FunctionVersion: '1',
        Description: 'prod'
      })
    )
    expect(created.$metadata.httpStatusCode).toBe(201)
    expect(created).toMatchObject({
      AliasArn: `${FN_ARN}:live`,
      Name: 'live',
      FunctionVersion: '1',
      Description: 'prod'
    })

    await updateCode(ZIP_2)
    await publish()
    const updated = await lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'orders',
        Name: 'live',
        FunctionVersion: '2',
        RevisionId: created.RevisionId
      })
    )
    expect(updated).toMatchObject({ FunctionVersion: '2', Description: 'prod' })
    expect(updated.RevisionId).not.toBe(created.RevisionId)

    const read = await lambda.send(new GetAliasCommand({ FunctionName: FN_ARN, Name: 'live' }))
    expect(read).toMatchObject({ FunctionVersion: '2', AliasArn: `${FN_ARN}:live` })
  })

  test('alias errors: duplicate, missing alias, missing version, stale RevisionId', async () => {
    await publish()
    const { RevisionId } = await lambda.send(
      new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' })
    )

    const duplicate = await rejectionOf(
      lambda.send(
        new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' })
      )
    )
    expect(duplicate.name).toBe('ResourceConflictException')
    expect(duplicate.message).toBe(`Alias already exists: ${FN_ARN}:live`)

    const missing = await rejectionOf(
      lambda.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'beta' }))
    )
    expect(missing.name).toBe('ResourceNotFoundException')
    expect(missing.message).toBe(`Cannot find alias arn: ${FN_ARN}:beta`)

    const noVersion = await rejectionOf(
      lambda.send(
        new CreateAliasCommand({ FunctionName: 'orders', Name: 'beta', FunctionVersion: '7' })
      )
    )
    expect(noVersion.name).toBe('ResourceNotFoundException')
    expect(noVersion.message).toBe(`Function not found: ${FN_ARN}:7`)

    await lambda.send(
      new UpdateAliasCommand({ FunctionName: 'orders', Name: 'live', Description: 'x' })
    )
    const stale = await rejectionOf(
      lambda.send(
        new UpdateAliasCommand({
          FunctionName: 'orders',
          Name: 'live',
          FunctionVersion: '$LATEST',
          RevisionId
        })
      )
    )
    expect(stale.name).toBe('PreconditionFailedException')
  })
})

describe('tags', () => {
  test('TagResource merges tags that ListTags and GetFunction show', async () => {
    await lambda.send(new TagResourceCommand({ Resource: FN_ARN, Tags: { a: '1', b: '2' } }))
    await lambda.send(new TagResourceCommand({ Resource: FN_ARN, Tags: { b: '3' } }))
    const { Tags } = await lambda.send(new ListTagsCommand({ Resource: FN_ARN }))
    expect(Tags).toEqual({ a: '1', b: '3' })
    const { Tags: shown } = await lambda.send(new GetFunctionCommand({ FunctionName: 'orders' }))
    expect(shown).toEqual({ a: '1', b: '3' })

    const missing = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:nope`
    const error = await rejectionOf(lambda.send(new ListTagsCommand({ Resource: missing })))
    expect(error.name).toBe('ResourceNotFoundException')
    expect(error.message).toBe(`Function not found: ${missing}`)
  })
})
