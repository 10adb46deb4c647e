// The Lambda waits: the first poll one minDelay after the write, tight polls first, then the
// backoff, all within the run's Timing.
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { mockClient } from 'aws-sdk-client-mock'
import type { RunContext } from '../../src/context.js'
import { testContext } from '../support/context.js'
import { waitForUpdate } from '../../src/function/waits.js'
import { DEFAULT_TIMING, type Timing } from '../../src/timing.js'
import { captureCoreOutput } from '../support/core-output.js'

const client = new LambdaClient({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }
})
const lambda = mockClient(client)
captureCoreOutput()
beforeEach(() => lambda.reset())

const context = (timing: Partial<Timing>): RunContext =>
  testContext({ clients: { lambda: client }, timing: { ...DEFAULT_TIMING, ...timing } })
const status = (LastUpdateStatus: 'InProgress' | 'Successful') => ({
  Configuration: { FunctionName: 'orders', State: 'Active' as const, LastUpdateStatus }
})

/** GetFunction answers InProgress until `readyAfterMs`, then Successful; returns the poll times. */
function updateFor(readyAfterMs: number): number[] {
  const started = Date.now()
  const polls: number[] = []
  lambda.on(GetFunctionCommand).callsFake(() => {
    polls.push(Date.now() - started)
    return status(polls.at(-1)! < readyAfterMs ? 'InProgress' : 'Successful')
  })
  return polls
}

test('the first poll waits one minDelay: right after a write the update cannot be done', async () => {
  const polls = updateFor(0)
  const latest = await waitForUpdate(context({ minDelaySeconds: 0.2 }), 'orders')
  expect(latest?.LastUpdateStatus).toBe('Successful')
  expect(polls).toHaveLength(1)
  expect(polls[0]).toBeGreaterThanOrEqual(190)
})

test('polls every minDelay while fast, then backs off, and still sees the end', async () => {
  const polls = updateFor(600)
  const timing = {
    minDelaySeconds: 0.02,
    fastPollSeconds: 0.2,
    maxDelaySeconds: 0.1,
    maxWaitSeconds: 5
  }
  const latest = await waitForUpdate(context(timing), 'orders')
  expect(latest?.LastUpdateStatus).toBe('Successful')
  const fast = polls.filter(t => t < 200)
  const gaps = fast.slice(1).map((t, i) => t - fast[i])
  // 20 ms apart (plus timer slack), and many of them: not the SDK's doubling.
  expect(fast.length).toBeGreaterThanOrEqual(4)
  expect(Math.max(...gaps)).toBeLessThan(120)
  expect(polls.at(-1)).toBeGreaterThanOrEqual(600)
})

test('gives up at maxWaitSeconds, saying so', async () => {
  updateFor(Infinity)
  const timing = {
    minDelaySeconds: 0.02,
    fastPollSeconds: 0.1,
    maxDelaySeconds: 0.05,
    maxWaitSeconds: 0.4
  }
  await expect(waitForUpdate(context(timing), 'orders')).rejects.toThrow(
    'Gave up waiting for the update of function orders to finish after 0.4 s'
  )
})

test('a refused poll fails the wait at once (the SDK waiters would retry it until the bound)', async () => {
  lambda
    .on(GetFunctionCommand)
    .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }))
  const started = Date.now()
  await expect(
    waitForUpdate(context({ minDelaySeconds: 0.02, maxWaitSeconds: 5 }), 'orders')
  ).rejects.toThrow('not authorized')
  expect(lambda.commandCalls(GetFunctionCommand)).toHaveLength(1)
  expect(Date.now() - started).toBeLessThan(1000)
})

test('"not found" right after a create is still settling: polled again', async () => {
  lambda
    .on(GetFunctionCommand)
    .rejectsOnce(
      Object.assign(new Error('no such function'), { name: 'ResourceNotFoundException' })
    )
    .resolves(status('Successful'))
  const latest = await waitForUpdate(context({ minDelaySeconds: 0.02 }), 'orders')
  expect(latest.LastUpdateStatus).toBe('Successful')
  expect(lambda.commandCalls(GetFunctionCommand)).toHaveLength(2)
})
