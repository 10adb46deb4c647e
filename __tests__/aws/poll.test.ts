// The polling cadence, on jest's fake clock: intervals counted from one poll's sending to the next,
// the first delay apart, growth after the fast phase, the timeout.
import { jest } from '@jest/globals'
import { poll, type Cadence } from '../../src/aws/poll.js'

beforeEach(() => jest.useFakeTimers({ now: 0 }))
afterEach(() => jest.useRealTimers())

const cadence = (c: Partial<Cadence>): Cadence => ({
  firstMs: 0,
  everyMs: 100,
  fastMs: Infinity,
  growth: 1,
  maxMs: 100,
  timeoutMs: 10_000,
  ...c
})

/** Polls whose answer takes `answerMs` and settles on poll number `settleOn`; the send times. */
async function sends(c: Cadence, answerMs: number, settleOn = Infinity) {
  const sent: number[] = []
  const read = async () => {
    sent.push(Date.now())
    await new Promise(resolve => setTimeout(resolve, answerMs))
    return sent.length
  }
  const done = poll(c, read, n => n >= settleOn)
  await jest.advanceTimersByTimeAsync(20_000)
  return { sent, answer: await done }
}

test('an interval counts from the previous poll going out, not from its answer', async () => {
  const { sent, answer } = await sends(cadence({ firstMs: 50 }), 30, 4)
  expect(sent).toEqual([50, 150, 250, 350])
  expect(answer).toBe(4)
})

test('an answer slower than the interval is followed at once, never overlapped', async () => {
  const { sent } = await sends(cadence({}), 150, 3)
  expect(sent).toEqual([0, 150, 300])
})

test('after the fast phase the interval grows to its cap', async () => {
  const { sent } = await sends(cadence({ fastMs: 200, growth: 2, maxMs: 300 }), 0, 6)
  expect(sent).toEqual([0, 100, 200, 400, 700, 1000])
})

test('gives up, answering undefined, when the next poll would go out after the timeout', async () => {
  const { sent, answer } = await sends(cadence({ timeoutMs: 350 }), 10)
  expect(sent).toEqual([0, 100, 200, 300])
  expect(answer).toBeUndefined()
})
