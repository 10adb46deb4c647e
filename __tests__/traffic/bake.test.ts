// One bake: it lasts its time unless an alarm fires, the workflow is cancelled, or the alarms cannot
// be read; the alarms are read on a cadence and once more at the end.
import type { AlarmState } from '../../src/traffic/alarms.js'
import { bake } from '../../src/traffic/bake.js'

const ok = (name = 'errors'): AlarmState => ({ name, state: 'OK' })
const noProgress = () => undefined

describe('bake', () => {
  it('lasts its time, reading the alarms on the way and at the end', async () => {
    let reads = 0
    const end = await bake({
      ms: 2500,
      watch: async () => (reads++, [ok()]),
      signal: new AbortController().signal,
      progress: noProgress
    })
    expect(end).toMatchObject({ kind: 'baked', alarms: [ok()] })
    expect(end.bakedMs).toBeGreaterThanOrEqual(2500)
    // Every second for a 2.5 s bake (a fifth of it, at least 1 s), and once at its end.
    expect(reads).toBe(3)
  })

  it('stops at the first alarm in ALARM', async () => {
    let reads = 0
    const firing = { name: 'latency', state: 'ALARM', since: '2026-12-06T12:00:00.000Z' }
    const end = await bake({
      ms: 60_000,
      watch: async () => (++reads >= 2 ? [ok(), firing] : [ok()]),
      signal: new AbortController().signal,
      progress: noProgress
    })
    expect(end).toMatchObject({ kind: 'alarm', alarm: firing })
    expect(end.bakedMs).toBeLessThan(30_000)
  })

  it('stops at once when the workflow is cancelled', async () => {
    const cancel = new AbortController()
    setTimeout(() => cancel.abort('SIGINT'), 300)
    const end = await bake({
      ms: 60_000,
      watch: async () => [],
      signal: cancel.signal,
      progress: noProgress
    })
    expect(end).toMatchObject({ kind: 'cancelled', signal: 'SIGINT' })
    expect(end.bakedMs).toBeLessThan(2000)
  })

  it('stops when the alarms cannot be read: a bake it cannot watch does not go on', async () => {
    const end = await bake({
      ms: 60_000,
      watch: async () => {
        throw new Error('User is not authorized to perform: cloudwatch:DescribeAlarms')
      },
      signal: new AbortController().signal,
      progress: noProgress
    })
    expect(end).toMatchObject({ kind: 'error', message: expect.stringContaining('DescribeAlarms') })
  })
})
