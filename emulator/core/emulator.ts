// The running emulator as tests and the admin surface hold it (see server.ts for how it starts).
import type { EmulatorState, RuntimeConfig } from './context.js'
import type { FaultSpec } from './faults.js'
import type { RequestLogEntry } from './log.js'
import type { ConfigPatch, PublicConfig } from './options.js'
import type { snapshot } from './snapshot.js'

export interface Emulator {
  url: string
  accountId: string
  /** Every request in arrival order; emptied (not replaced) by reset(). */
  log: RequestLogEntry[]
  state: EmulatorState
  /** Live settings: handlers read them on every request. */
  config: RuntimeConfig
  injectFault(fault: FaultSpec): void
  clearFaults(): void
  faults(): FaultSpec[]
  /** The log entries of operations that change state (see isWriteOperation). */
  writes(): RequestLogEntry[]
  /** Operation names in call order, optionally of one service. */
  operations(service?: string): string[]
  /** Applies the patch (delays, caller) and returns the resulting settings. */
  configure(patch: ConfigPatch): PublicConfig
  /** Sets the state of every CloudWatch alarm of that name (as a metric breach would). */
  setAlarmState(name: string, state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA', reason?: string): void
  snapshot(): ReturnType<typeof snapshot>
  /** Back to the seeded state, with an empty log and no faults; settings are kept. */
  reset(): void
  stop(): Promise<void>
}
