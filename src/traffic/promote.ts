// The last write of a run: the alias moves to this run's version once the smoke test and
// verification passed (run/promotion-gate.ts), all at once or by a traffic shift (shift.ts); with
// `rollback: true`, back to the recorded version. Held back, it stays on the version it had, so API
// Connect, calling `function:alias`, only ever reaches versions that passed.
import type { AliasConfiguration } from '@aws-sdk/client-lambda'
import type { RunContext } from '../context.js'
import type { Change } from '../changes.js'
import { markFailed, StepFailed, type Known, type Step } from '../failure.js'
import type { FunctionOutcome, FunctionPlan } from '../function/index.js'
import { AliasMoved, moveAlias, type AliasAt } from './move.js'
import type { AliasRecord } from './record.js'
import { durationText, percent, scheduleOf } from './schedule.js'
import { shiftTraffic } from './shift.js'
import type { ShiftRecord } from './timeline.js'

type AliasChange = Extract<FunctionPlan['changes'][number], { kind: 'alias' }>

/** The function's outcome once the alias moved (or did not), with the shift as far as it went. */
export type Promotion = FunctionOutcome & { shift?: ShiftRecord }

/** A traffic shift that stopped before the end: the failure, and the shift as far as it went. */
export class ShiftStopped extends StepFailed {
  constructor(
    where: Step,
    changes: Change[],
    known: Known,
    cause: unknown,
    readonly shift: ShiftRecord
  ) {
    super(where, changes, known, cause)
  }
}

/**
 * Moves the alias as planned, from the version this run read only, or marks its change held back
 * when `hold` says why not. A failed or stopped move throws StepFailed with every change and where
 * the alias ended: `promoted` false, or rolled-back when a shift sent it back.
 */
export async function promote(
  ctx: RunContext,
  plan: FunctionPlan,
  deployed: FunctionOutcome,
  hold: string | undefined
): Promise<Promotion> {
  const alias = plan.changes.find((c): c is AliasChange => c.kind === 'alias')
  const { version } = deployed
  if (!alias || ctx.settings.dryRun || !version) return deployed
  const fn = { ...deployed, version }
  if (alias.action === 'unchanged')
    return { ...fn, aliasArn: alias.arn, promoted: alias.rollback ? 'rolled-back' : true }
  if (hold) return holdBack(ctx, alias, fn, hold)
  const at: AliasAt = { name: alias.alias, action: alias.action, revisionId: alias.revisionId }
  const steps = scheduleOf(ctx.settings.trafficShift)
  const from = alias.from
  // A shift needs a published version to shift from, other than this one.
  if (alias.rollback || !from || !/^\d+$/.test(from) || from === fn.version || steps.length === 1)
    return moveAtOnce(ctx, at, alias, fn)
  const step: Step = { doing: `the traffic shift of alias ${ctx.settings.functionName}:${at.name}` }
  const { record, aliasArn } = await shiftTraffic(ctx, { at, from, to: fn.version, steps }).catch(
    (error: unknown) => {
      throw new StepFailed(
        step,
        markFailed(fn.changes, c => c.kind !== 'alias'),
        { codeSha256: fn.codeSha256, version: fn.version, promoted: false },
        new Error(
          `the traffic shift stopped and sending alias ${at.name} back to version ${from} failed too: it may still send part of the traffic to version ${fn.version}. Run the job again (a rerun resolves the weight), or move the alias yourself`,
          { cause: error }
        )
      )
    }
  )
  if (record.outcome === 'promoted') return { ...fn, aliasArn, promoted: true, shift: record }
  const rolledBack = record.outcome === 'rolled-back'
  throw new ShiftStopped(
    step,
    fn.changes.map(c =>
      c.kind === 'alias' ? { ...c, notDone: rolledBack ? 'rolled back' : 'failed' } : c
    ),
    {
      codeSha256: fn.codeSha256,
      version: fn.version,
      promoted: rolledBack ? 'rolled-back' : false
    },
    new Error(stopText(record)),
    record
  )
}

/** Why the shift stopped and where the alias is: the failed step's error. */
function stopText(r: ShiftRecord): string {
  const at = `${durationText(r.stoppedAfterMs ?? 0)} into the shift, at ${percent(r.stoppedAtWeight ?? 0)} on version ${r.to}`
  const back =
    r.outcome === 'rolled-back'
      ? `alias ${r.alias} went back to version ${r.from}`
      : `alias ${r.alias} stays on version ${r.from}`
  const end = `${back}; version ${r.to} is published but not promoted`
  const stop = r.stop
  switch (stop?.kind) {
    case 'alarm':
      return `alarm ${stop.alarm.name} went to ALARM${stop.alarm.since ? ` at ${stop.alarm.since}` : ''} (${at}): ${end}`
    case 'alarm-before':
      return `alarm ${stop.alarm.name} was already in ALARM before any traffic moved: ${end}`
    case 'cancelled':
      return `the workflow was cancelled (${stop.signal}) ${at}: ${end}`
    case 'overtaken':
      return `another deploy moved alias ${r.alias} during the traffic shift (${at}); it stays where that deploy put it, and version ${r.to} is published but not promoted`
    default:
      return `${stop?.message ?? 'the traffic shift stopped'} (${at}): ${end}`
  }
}

/** All at once: a new alias, a rollback, `traffic-shift: all-at-once`, or nothing to shift from. */
async function moveAtOnce(
  ctx: RunContext,
  at: AliasAt,
  alias: AliasChange,
  fn: FunctionOutcome & { version: string }
): Promise<Promotion> {
  const { weight, from } = alias
  const name = ctx.settings.functionName
  const record: AliasRecord = alias.rollback
    ? { kind: 'rolled-back', version: fn.version, from: weight?.version ?? from ?? '?' }
    : { kind: 'promoted', version: fn.version, previous: from }
  if (weight)
    ctx.log.info(
      `Alias ${at.name} sends ${percent(weight.weight)} to version ${weight.version}, left by a traffic shift that has not finished: this move ends it`
    )
  if (ctx.settings.trafficShift.kind !== 'all-at-once' && !alias.rollback)
    ctx.log.info(
      `Alias ${at.name} ${at.action === 'create' ? 'is new' : `points to ${from ?? 'no published version'}`}: no traffic to shift, it moves at once`
    )
  ctx.log.info(`Pointing alias ${at.name} to version ${fn.version}`)
  const promoted = alias.rollback ? 'rolled-back' : true
  try {
    const moved = await moveAlias(ctx, at, { version: fn.version, record })
    return { ...fn, aliasArn: moved.arn, promoted }
  } catch (error) {
    const step: Step = {
      operation: `lambda:${at.action === 'create' ? 'CreateAlias' : 'UpdateAlias'}`,
      names: at.name,
      resource: `function ${name}`
    }
    const changes = markFailed(fn.changes, c => c.kind !== 'alias')
    const known = { codeSha256: fn.codeSha256, version: fn.version, promoted: false }
    const why = error instanceof AliasMoved ? overtaken(at.name, error.now, fn.version) : error
    throw new StepFailed(step, changes, known, why)
  }
}

/**
 * Held back: the alias stays on its version. A weight on this very version, left by a shift that
 * did not finish, is taken away: the checks that just failed were this version's.
 */
async function holdBack(
  ctx: RunContext,
  alias: AliasChange,
  fn: FunctionOutcome & { version: string },
  hold: string
): Promise<Promotion> {
  const { alias: name, action, from, weight } = alias
  ctx.log.warning(
    `Alias ${name} stays on ${action === 'create' ? 'no version (it was not created)' : `version ${from ?? '?'}`}: ${hold}. Version ${fn.version} is published but not promoted.`
  )
  if (weight?.version === fn.version && from) {
    ctx.log.warning(
      `Alias ${name} sent ${percent(weight.weight)} to version ${fn.version}, left by a traffic shift that has not finished: it goes back to version ${from} alone`
    )
    await moveAlias(
      ctx,
      { name, action: 'update', revisionId: alias.revisionId },
      { version: from, record: { kind: 'rolled-back', version: from, from: fn.version } }
    ).catch((error: unknown) =>
      ctx.log.warning(`Could not take that weight away: ${(error as Error).message}`)
    )
  }
  return {
    ...fn,
    // A held-back alias that existed keeps its ARN: API Connect still calls it.
    aliasArn: action === 'update' ? alias.arn : undefined,
    promoted: false,
    changes: fn.changes.map(c => (c.kind === 'alias' ? { ...c, notDone: 'held back' } : c))
  }
}

/** An older run never moves the alias back: it says who won and leaves the alias there. */
const overtaken = (alias: string, now: AliasConfiguration | undefined, ours: string): Error =>
  new Error(
    `another deploy moved alias ${alias} to version ${now?.FunctionVersion ?? '(unknown: it could not be read again)'} after this run read it; version ${ours} is published but not promoted, and the alias stays where that deploy put it`
  )

/** The alias's ARN as verification checks it: known before the alias exists or moves. */
export const plannedAliasArn = (ctx: RunContext): string | undefined =>
  ctx.settings.alias && !ctx.settings.dryRun
    ? `${ctx.functionArn}:${ctx.settings.alias}`
    : undefined
