// Fault injection seen through the real clients: their retry behaviour is what the action relies on.
import {
  CreateRoleCommand,
  GetRoleCommand,
  SimulatePrincipalPolicyCommand
} from '@aws-sdk/client-iam'
import { GetFunctionCommand } from '@aws-sdk/client-lambda'
import { HeadBucketCommand } from '@aws-sdk/client-s3'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { ACCOUNT, LAMBDA_TRUST, apiConnectTrust, clients, rejectionOf } from './helpers.js'

let emulator: Emulator
let aws: ReturnType<typeof clients>

beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      roles: [{ name: 'exec', assumeRolePolicy: LAMBDA_TRUST }],
      functions: [{ name: 'orders', role: `arn:aws:iam::${ACCOUNT}:role/exec` }],
      buckets: ['artifacts']
    }
  })
  aws = clients(emulator.url)
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

const whoami = (client = aws) => client.sts.send(new GetCallerIdentityCommand({}))

describe('throttling', () => {
  test('IAM Throttling is retried by the SDK, and the log shows the retry', async () => {
    emulator.injectFault({ kind: 'throttle', operation: 'GetRole', count: 1 })
    const { Role, $metadata } = await aws.iam.send(new GetRoleCommand({ RoleName: 'exec' }))
    expect(Role?.RoleName).toBe('exec')
    expect($metadata.attempts).toBe(2)
    expect(emulator.log.map(e => [e.operation, e.status, e.errorCode, e.fault])).toEqual([
      ['GetRole', 400, 'Throttling', 'throttle'],
      ['GetRole', 200, undefined, undefined]
    ])
  })

  test('Lambda answers 429 TooManyRequestsException and S3 503 SlowDown; both are retried', async () => {
    emulator.injectFault({ kind: 'throttle', operation: 'GetFunction', count: 1 })
    emulator.injectFault({ kind: 'throttle', operation: 'HeadBucket', count: 1 })
    await aws.lambda.send(new GetFunctionCommand({ FunctionName: 'orders' }))
    await aws.s3.send(new HeadBucketCommand({ Bucket: 'artifacts' }))
    expect(emulator.log.map(e => [e.operation, e.status, e.errorCode])).toEqual([
      ['GetFunction', 429, 'TooManyRequestsException'],
      ['GetFunction', 200, undefined],
      ['HeadBucket', 503, 'SlowDown'],
      ['HeadBucket', 200, undefined]
    ])
  })
})

describe('internal errors', () => {
  test('a persistent 500 surfaces once the SDK has used its attempts', async () => {
    emulator.injectFault({ kind: 'internal', operation: 'GetCallerIdentity' })
    const error = await rejectionOf(whoami())
    expect(error.name).toBe('InternalFailure')
    expect(error.$metadata.httpStatusCode).toBe(500)
    expect(error.$metadata.attempts).toBe(3)
    expect(emulator.operations()).toEqual(Array(3).fill('GetCallerIdentity'))

    emulator.clearFaults()
    await expect(whoami()).resolves.toMatchObject({ Account: ACCOUNT })
  })

  test("Lambda's 500 is ServiceException", async () => {
    emulator.injectFault({ kind: 'internal', operation: 'GetFunction', service: 'lambda' })
    const error = await rejectionOf(
      clients(emulator.url, { maxAttempts: 1 }).lambda.send(
        new GetFunctionCommand({ FunctionName: 'orders' })
      )
    )
    expect(error.name).toBe('ServiceException')
    expect(error.$metadata.httpStatusCode).toBe(500)
  })
})

describe('dropped connections', () => {
  test('one dropped connection is retried by the SDK', async () => {
    emulator.injectFault({ kind: 'drop', operation: 'GetCallerIdentity', count: 1 })
    const identity = await whoami()
    expect(identity.Account).toBe(ACCOUNT)
    expect(emulator.log.map(e => [e.status, e.fault])).toEqual([
      [0, 'drop'],
      [200, undefined]
    ])
  })

  test('with no attempts left, the dropped connection surfaces as a network error', async () => {
    emulator.injectFault({ kind: 'drop', operation: 'GetCallerIdentity' })
    const error = await rejectionOf(whoami(clients(emulator.url, { maxAttempts: 1 })))
    expect(`${error.name} ${error.message} ${error.code}`).toMatch(/socket hang up|ECONNRESET/)
  })
})

describe('latency and custom errors', () => {
  test('added latency delays the answer', async () => {
    emulator.injectFault({
      kind: 'latency',
      operation: 'GetCallerIdentity',
      latencyMs: 150,
      count: 1
    })
    const started = Date.now()
    await whoami()
    expect(Date.now() - started).toBeGreaterThanOrEqual(145)
    expect(emulator.log[0].durationMs).toBeGreaterThanOrEqual(145)
    emulator.log.length = 0
    const again = Date.now()
    await whoami()
    expect(Date.now() - again).toBeLessThan(145)
  })

  test('a custom error, such as AccessDenied for SimulatePrincipalPolicy', async () => {
    await aws.iam.send(
      new CreateRoleCommand({ RoleName: 'apic', AssumeRolePolicyDocument: apiConnectTrust() })
    )
    emulator.injectFault({
      kind: 'error',
      operation: 'SimulatePrincipalPolicy',
      status: 403,
      code: 'AccessDenied',
      message: 'User: ci-deployer is not authorized to perform: iam:SimulatePrincipalPolicy'
    })
    const error = await rejectionOf(
      aws.iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/apic`,
          ActionNames: ['lambda:InvokeFunction']
        })
      )
    )
    expect(error.name).toBe('AccessDenied')
    expect(error.message).toBe(
      'User: ci-deployer is not authorized to perform: iam:SimulatePrincipalPolicy'
    )
    expect(error.$metadata.httpStatusCode).toBe(403)
  })

  test('a fault limited to one service leaves the others alone', async () => {
    emulator.injectFault({ kind: 'internal', operation: '*', service: 'lambda' })
    await expect(whoami()).resolves.toBeDefined()
    await expect(aws.iam.send(new GetRoleCommand({ RoleName: 'exec' }))).resolves.toBeDefined()
  })
})

describe('answers of emulators that lack an operation', () => {
  const post = (action: string) =>
    fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=${action}&Version=2010-05-08`
    })

  test("html-error is moto's HTML 500 page, with no AWS error code for the SDK to read", async () => {
    emulator.injectFault({ kind: 'html-error', operation: 'SimulatePrincipalPolicy' })
    const answer = await post('SimulatePrincipalPolicy')
    expect(answer.status).toBe(500)
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await answer.text()).toContain('<title>500 Internal Server Error</title>')
    const error = await rejectionOf(
      clients(emulator.url, { maxAttempts: 1 }).iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/exec`,
          ActionNames: ['lambda:InvokeFunction']
        })
      )
    )
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['Error', 500])
    expect(emulator.log.map(e => [e.operation, e.status, e.errorCode, e.fault])).toEqual([
      ['SimulatePrincipalPolicy', 500, undefined, 'html-error'],
      ['SimulatePrincipalPolicy', 500, undefined, 'html-error']
    ])
  })

  test('empty-error answers its status with an empty body', async () => {
    emulator.injectFault({ kind: 'empty-error', operation: 'GetRole', status: 502, count: 1 })
    const answer = await post('GetRole')
    expect([answer.status, await answer.text()]).toEqual([502, ''])
  })

  test("not-implemented is LocalStack's 501 InternalFailure, in each service's protocol", async () => {
    emulator.injectFault({ kind: 'not-implemented', operation: 'SimulatePrincipalPolicy' })
    emulator.injectFault({ kind: 'not-implemented', operation: 'GetFunction' })
    const once = clients(emulator.url, { maxAttempts: 1 })
    const iam = await rejectionOf(
      once.iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/exec`,
          ActionNames: ['lambda:InvokeFunction']
        })
      )
    )
    const lambda = await rejectionOf(
      once.lambda.send(new GetFunctionCommand({ FunctionName: 'orders' }))
    )
    for (const [error, service, operation] of [
      [iam, 'iam', 'SimulatePrincipalPolicy'],
      [lambda, 'lambda', 'GetFunction']
    ] as const) {
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InternalFailure', 501])
      expect(error.message).toBe(
        `The API action '${operation}' for service '${service}' is either not available in your current license plan or has not yet been emulated by LocalStack. Please refer to https://docs.localstack.cloud/references/coverage/coverage_${service} for more information.`
      )
    }
  })
})

describe('fractional faults', () => {
  async function pattern(randomSeed: number): Promise<boolean[]> {
    const emu = await startEmulator({ randomSeed })
    try {
      emu.injectFault({ kind: 'internal', operation: 'GetCallerIdentity', probability: 0.5 })
      const client = clients(emu.url, { maxAttempts: 1 })
      const outcomes: boolean[] = []
      for (let i = 0; i < 20; i++) {
        outcomes.push(
          await whoami(client).then(
            () => true,
            () => false
          )
        )
      }
      return outcomes
    } finally {
      await emu.stop()
    }
  }

  test('fail a fraction of calls, reproducibly for a given seed', async () => {
    const first = await pattern(7)
    expect(await pattern(7)).toEqual(first)
    const failures = first.filter(ok => !ok).length
    expect(failures).toBeGreaterThan(2)
    expect(failures).toBeLessThan(18)
    expect(await pattern(8)).not.toEqual(first)
  })
})
