// A traffic shift as it happened, as data: the record keeps it, report/traffic.ts words it once.
import type { AlarmState } from './alarms.js'

/** One move of the alias and what the alarms said by the end of its bake. */
interface ShiftStepRecord {
  /** The new version's share, in [0, 1]. */
  weight: number
  /** When the alias moved (ISO 8601). */
  at: string
  /** How long it baked: the planned time, or less when the shift stopped during it. */
  bakedMs: number
  plannedMs: number
  /** The watched alarms at the bake's last look. */
  alarms: AlarmState[]
}

/** Why a shift stopped before the end. */
export type ShiftStop =
  | { kind: 'alarm'; alarm: AlarmState }
  /** Before any traffic moved: an alarm already in ALARM. */
  | { kind: 'alarm-before'; alarm: AlarmState }
  /** The workflow was cancelled: the runner's SIGINT, or SIGTERM. */
  | { kind: 'cancelled'; signal: string }
  /** A call failed (alarms unreadable, say): the shift cannot watch, so it does not go on. */
  | { kind: 'error'; message: string }
  /** Another deploy moved the alias: it is theirs now, and this run leaves it there. */
  | { kind: 'overtaken'; version?: string }

export interface ShiftRecord {
  alias: string
  from: string
  to: string
  steps: ShiftStepRecord[]
  /** promoted: all traffic on `to`; rolled-back: all on `from`; held: nothing moved or theirs now. */
  outcome: 'promoted' | 'rolled-back' | 'held'
  stop?: ShiftStop
  /** When the stop happened, from the shift's start, and at which weight. */
  stoppedAfterMs?: number
  stoppedAtWeight?: number
}
