// One bake of a traffic shift: the alias holds its weight for the planned time while the alarms
// are read on a cadence; the first alarm in ALARM, a cancelled workflow, or alarms that cannot be
// read end it early. CloudWatch evaluates an alarm once a period (10 s at the shortest for a
// high-resolution alarm, a minute for most): a look every 10 s at most misses none of its changes
// by more than that, and a short bake is looked at five times.
import type { AlarmState } from './alarms.js'
import { firing } from './alarms.js'

const MAX_POLL_MS = 10_000
const MIN_POLL_MS = 1_000
/** A progress line this often: a long bake is not silent. */
const PROGRESS_MS = 30_000

type BakeEnd = { bakedMs: number; alarms: AlarmState[] } & (
  | { kind: 'baked' }
  | { kind: 'alarm'; alarm: AlarmState }
  | { kind: 'cancelled'; signal: string }
  | { kind: 'error'; message: string }
)

interface Bake {
  ms: number
  /** The watched alarms now ([] when none are watched). */
  watch: () => Promise<AlarmState[]>
  signal: AbortSignal
  /** Every PROGRESS_MS: how long it has baked and the alarms' last states. */
  progress: (bakedMs: number, alarms: AlarmState[]) => void
}

export async function bake({ ms, watch, signal, progress }: Bake): Promise<BakeEnd> {
  const pollMs = Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, ms / 5))
  const start = Date.now()
  const elapsed = () => Date.now() - start
  let alarms: AlarmState[] = []
  let nextPoll = pollMs
  let nextProgress = PROGRESS_MS
  for (;;) {
    if (signal.aborted)
      return { kind: 'cancelled', signal: String(signal.reason), bakedMs: elapsed(), alarms }
    const end = elapsed() >= ms
    if (end || elapsed() >= nextPoll) {
      try {
        alarms = await watch()
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        return { kind: 'error', message, bakedMs: elapsed(), alarms }
      }
      const alarm = firing(alarms)
      if (alarm) return { kind: 'alarm', alarm, bakedMs: elapsed(), alarms }
      nextPoll = elapsed() + pollMs
      if (end) return { kind: 'baked', bakedMs: elapsed(), alarms }
    }
    if (elapsed() >= nextProgress) {
      progress(elapsed(), alarms)
      nextProgress += PROGRESS_MS
    }
    await pause(Math.max(0, Math.min(nextPoll, nextProgress, ms) - elapsed()), signal)
  }
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}
