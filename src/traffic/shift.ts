// A traffic shift: the alias keeps pointing to the previous version and sends the new one a growing
// share (AdditionalVersionWeights), each share baked while the alarms are watched, then points to
// the new version alone. An alarm, a cancelled workflow, or alarms that cannot be read send all
// traffic back to the previous version; another deploy's move leaves the alias to that deploy.
import { cloudWatchOf } from '../aws/clients.js'
import type { RunContext } from '../context.js'
import { firing, readAlarms, type AlarmState } from './alarms.js'
import { bake } from './bake.js'
import { listenForCancel } from './cancel.js'
import { AliasMoved, moveAlias, type AliasAt } from './move.js'
import { durationText, percent, shiftMs, type ShiftStep } from './schedule.js'
import type { ShiftRecord, ShiftStop } from './timeline.js'

interface Shift {
  at: AliasAt
  /** The alias's version before this run, and this run's. */
  from: string
  to: string
  steps: ShiftStep[]
}

/** The shift as far as it went, and the alias's ARN. Throws only when a rollback itself failed. */
export async function shiftTraffic(
  ctx: RunContext,
  shift: Shift
): Promise<{ record: ShiftRecord; aliasArn?: string }> {
  const { from, to, steps } = shift
  const { log } = ctx
  const names = ctx.settings.alarms
  const cloudWatch = names.length ? await cloudWatchOf(ctx.clients) : undefined
  const watch = async (): Promise<AlarmState[]> => (cloudWatch ? readAlarms(cloudWatch, names) : [])
  const record: ShiftRecord = { alias: shift.at.name, from, to, steps: [], outcome: 'held' }
  const started = Date.now()
  // The weight the alias carries: the last step's, once its move landed.
  const weight = () => record.steps.at(-1)?.weight ?? 0
  const stopped = (stop: ShiftStop) =>
    Object.assign(record, { stop, stoppedAfterMs: Date.now() - started, stoppedAtWeight: weight() })

  // An alarm already in ALARM, or alarms that cannot be read: no traffic moves at all.
  try {
    const before = firing(await watch())
    if (before) return { record: stopped({ kind: 'alarm-before', alarm: before }) }
  } catch (error) {
    return { record: stopped({ kind: 'error', message: messageOf(error) }) }
  }
  log.info(
    `Traffic shift of alias ${shift.at.name} from version ${from} to ${to}: ${steps.map(s => percent(s.weight)).join(' → ')}, ${durationText(shiftMs(steps))} in all${names.length ? `, watching ${names.length} alarm${names.length > 1 ? 's' : ''}` : ', no alarms watched'}`
  )
  let at: AliasAt & { arn?: string } = shift.at
  const cancel = listenForCancel()
  try {
    try {
      for (const step of steps.slice(0, -1)) {
        if (cancel.signal.aborted) {
          stopped({ kind: 'cancelled', signal: String(cancel.signal.reason) })
          break
        }
        at = await moveAlias(ctx, at, {
          version: from,
          weight: { version: to, weight: step.weight },
          record: { kind: 'shifting', version: to, previous: from }
        })
        const line = `${percent(step.weight)} of alias ${at.name} to version ${to}`
        log.info(`Traffic: ${line}; bakes ${durationText(step.bakeMs)}`)
        const entry = { weight: step.weight, at: new Date().toISOString(), plannedMs: step.bakeMs }
        const end = await bake({
          ms: step.bakeMs,
          watch,
          signal: cancel.signal,
          progress: (ms, alarms) =>
            log.info(
              `Traffic: ${line}, ${durationText(ms)} of ${durationText(step.bakeMs)}; ${alarmsText(alarms)}`
            )
        })
        const { bakedMs, alarms, ...stop } = end
        record.steps.push({ ...entry, bakedMs, alarms })
        if (stop.kind === 'baked') continue
        stopped(stop)
        break
      }
      if (!record.stop) {
        at = await moveAlias(ctx, at, {
          version: to,
          record: { kind: 'promoted', version: to, previous: from }
        })
        log.info(`Traffic: 100% of alias ${at.name} to version ${to}`)
        return { record: { ...record, outcome: 'promoted' }, aliasArn: at.arn }
      }
    } catch (error) {
      // The alias moved under the run: it is another deploy's now, and stays where that one put it.
      if (error instanceof AliasMoved)
        return { record: stopped({ kind: 'overtaken', version: error.now?.FunctionVersion }) }
      stopped({ kind: 'error', message: messageOf(error) })
    }
    // Nothing moved yet: the alias is where it was, and nothing is to undo.
    if (!record.steps.length) return { record }
    // Still listening: the runner's SIGTERM, 7.5 s after its SIGINT, must not cut this short.
    log.warning(
      `Traffic: alias ${at.name} goes back to version ${from} alone (${percent(weight())} was on version ${to})`
    )
    at = await moveAlias(ctx, at, {
      version: from,
      record: { kind: 'rolled-back', version: from, from: to }
    })
    return { record: { ...record, outcome: 'rolled-back' }, aliasArn: at.arn }
  } finally {
    // After a cancel, the runner's later SIGTERM must not cut the record's writing short either.
    if (!cancel.signal.aborted) cancel.dispose()
  }
}

/** `errors OK, latency INSUFFICIENT_DATA`, or that none are watched. */
const alarmsText = (alarms: AlarmState[]): string =>
  alarms.length
    ? `alarms: ${alarms.map(a => `${a.name} ${a.state}`).join(', ')}`
    : 'no alarms watched'

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
