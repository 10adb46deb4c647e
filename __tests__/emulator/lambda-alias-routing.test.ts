// Weighted aliases through the real client: RoutingConfig's documented rules, what the alias
// reports, and which version a call through it runs (X-Amz-Executed-Version).
import {
  CreateAliasCommand,
  GetAliasCommand,
  InvokeCommand,
  ListAliasesCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand
} from '@aws-sdk/client-lambda'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { LAMBDA_TRUST, clients, createOrders, rejectionOf, zipOf } from './helpers.js'

const code = (n: number) => zipOf({ 'index.js': `exports.handler = async () => "v${n}"` })

let emulator: Emulator
let lambda: ReturnType<typeof clients>['lambda']

beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      roles: [
        { name: 'exec', assumeRolePolicy: LAMBDA_TRUST },
        { name: 'other', assumeRolePolicy: LAMBDA_TRUST }
      ]
    }
  })
  lambda = clients(emulator.url).lambda
})
afterAll(() => emulator.stop())

/** `orders` with published versions 1, 2 and 3, each answering "v<n>". */
beforeEach(async () => {
  emulator.reset()
  await createOrders(lambda, code(1))
  await lambda.send(new PublishVersionCommand({ FunctionName: 'orders' }))
  for (const n of [2, 3]) {
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: code(n) }))
    await lambda.send(new PublishVersionCommand({ FunctionName: 'orders' }))
  }
})

const create = (version: string, weights?: Record<string, number>) =>
  lambda.send(
    new CreateAliasCommand({
      FunctionName: 'orders',
      Name: 'live',
      FunctionVersion: version,
      RoutingConfig: weights && { AdditionalVersionWeights: weights }
    })
  )
const update = (input: Partial<ConstructorParameters<typeof UpdateAliasCommand>[0]>) =>
  lambda.send(new UpdateAliasCommand({ FunctionName: 'orders', Name: 'live', ...input }))
const get = () => lambda.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'live' }))

describe('RoutingConfig on CreateAlias and UpdateAlias', () => {
  test('an alias with one additional version reports it; without, RoutingConfig is absent', async () => {
    const created = await create('1', { '2': 0.1 })
    expect(created.RoutingConfig).toEqual({ AdditionalVersionWeights: { '2': 0.1 } })
    expect((await get()).RoutingConfig).toEqual({ AdditionalVersionWeights: { '2': 0.1 } })
    const listed = await lambda.send(new ListAliasesCommand({ FunctionName: 'orders' }))
    expect(listed.Aliases?.map(a => [a.Name, a.RoutingConfig])).toEqual([
      ['live', { AdditionalVersionWeights: { '2': 0.1 } }]
    ])
    const plain = await lambda.send(
      new CreateAliasCommand({ FunctionName: 'orders', Name: 'plain', FunctionVersion: '3' })
    )
    expect(plain.RoutingConfig).toBeUndefined()
  })

  test('two additional versions are refused, and nothing is created', async () => {
    const error = await rejectionOf(create('1', { '2': 0.1, '3': 0.1 }))
    expect(error.name).toBe('InvalidParameterValueException')
    expect(error.message).toMatch(/AdditionalVersionWeights cannot be greater than 1/)
    expect((await rejectionOf(get())).name).toBe('ResourceNotFoundException')
  })

  test('a weight outside [0.0, 1.0] is a ValidationException naming the member', async () => {
    for (const weight of [1.5, -0.1]) {
      const error = await rejectionOf(create('1', { '2': weight }))
      expect(error.name).toBe('ValidationException')
      expect(error.message).toContain("at 'routingConfig.additionalVersionWeights'")
    }
    await expect(create('1', { '2': 1 })).resolves.toMatchObject({ FunctionVersion: '1' })
  })

  test('$LATEST may not take part: as the primary version, or as the additional one', async () => {
    const primary = await rejectionOf(create('$LATEST', { '2': 0.5 }))
    expect(primary.name).toBe('InvalidParameterValueException')
    expect(primary.message).toMatch(/\$LATEST is not supported/)
    const additional = await rejectionOf(create('1', { $LATEST: 0.5 }))
    expect(additional.name).toBe('ValidationException')
  })

  test('the additional version must exist and differ from the primary one', async () => {
    expect((await rejectionOf(create('1', { '9': 0.5 }))).name).toBe('ResourceNotFoundException')
    const same = await rejectionOf(create('1', { '1': 0.5 }))
    expect(same.name).toBe('InvalidParameterValueException')
  })

  test('both versions must have the same execution role', async () => {
    await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'orders',
        Role: `arn:aws:iam::${emulator.accountId}:role/other`
      })
    )
    await lambda.send(new PublishVersionCommand({ FunctionName: 'orders' }))
    const error = await rejectionOf(create('3', { '4': 0.5 }))
    expect(error.name).toBe('InvalidParameterValueException')
    expect(error.message).toMatch(/same execution role/)
  })

  test('UpdateAlias: omitted keeps the routing, given replaces it, {} clears it', async () => {
    await create('1', { '2': 0.1 })
    expect((await update({ Description: 'canary' })).RoutingConfig).toEqual({
      AdditionalVersionWeights: { '2': 0.1 }
    })
    expect(
      (await update({ RoutingConfig: { AdditionalVersionWeights: { '3': 0.3 } } })).RoutingConfig
    ).toEqual({ AdditionalVersionWeights: { '3': 0.3 } })
    const cleared = await update({
      FunctionVersion: '3',
      RoutingConfig: { AdditionalVersionWeights: {} }
    })
    expect(cleared).toMatchObject({ FunctionVersion: '3' })
    expect(cleared.RoutingConfig).toBeUndefined()
    expect((await get()).RoutingConfig).toBeUndefined()
    expect(emulator.snapshot().functions[0].aliases[0]).toMatchObject({
      functionVersion: '3',
      routing: {}
    })
  })

  test('moving the primary onto the kept additional version is refused', async () => {
    await create('1', { '2': 0.5 })
    const error = await rejectionOf(update({ FunctionVersion: '2' }))
    expect(error.name).toBe('InvalidParameterValueException')
    expect((await get()).FunctionVersion).toBe('1')
  })

  test('every move changes the RevisionId, and a stale one is refused with the routing kept', async () => {
    const created = await create('1')
    const shifted = await update({
      RevisionId: created.RevisionId,
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.2 } }
    })
    expect(shifted.RevisionId).not.toBe(created.RevisionId)
    const stale = await rejectionOf(
      update({ RevisionId: created.RevisionId, RoutingConfig: { AdditionalVersionWeights: {} } })
    )
    expect(stale.name).toBe('PreconditionFailedException')
    expect(await get()).toMatchObject({
      RevisionId: shifted.RevisionId,
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.2 } }
    })
  })
})

describe('Invoke through a weighted alias', () => {
  /** The executed versions of `n` DryRun calls through `live` (DryRun: no process started). */
  async function executed(n: number): Promise<string[]> {
    const versions: string[] = []
    for (let i = 0; i < n; i++) {
      const answer = await lambda.send(
        new InvokeCommand({ FunctionName: 'orders', Qualifier: 'live', InvocationType: 'DryRun' })
      )
      versions.push(answer.ExecutedVersion ?? '')
    }
    return versions
  }

  test('weight 0 never runs the additional version, weight 1 always does, 0.5 runs both', async () => {
    await create('1', { '2': 0 })
    expect(new Set(await executed(30))).toEqual(new Set(['1']))
    await update({ RoutingConfig: { AdditionalVersionWeights: { '2': 1 } } })
    expect(new Set(await executed(30))).toEqual(new Set(['2']))
    await update({ RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } })
    const runs = await executed(200)
    const second = runs.filter(v => v === '2').length
    expect(second).toBeGreaterThan(70)
    expect(second).toBeLessThan(130)
    expect(runs.length - second).toBe(runs.filter(v => v === '1').length)
  })

  test('a real call runs the version it reports, and a version qualifier is never rerouted', async () => {
    await create('1', { '2': 1 })
    const answer = await lambda.send(
      new InvokeCommand({ FunctionName: 'orders', Qualifier: 'live' })
    )
    expect(answer.ExecutedVersion).toBe('2')
    expect(Buffer.from(answer.Payload ?? []).toString()).toBe('"v2"')
    const direct = await lambda.send(
      new InvokeCommand({ FunctionName: 'orders', Qualifier: '1', InvocationType: 'DryRun' })
    )
    expect(direct.ExecutedVersion).toBe('1')
  })
})
