// The last write of a run: the alias moves to this run's version, once the smoke test and
// verification passed (run/promotion-gate.ts). Held back, it stays on the version it had, so API
// Connect, calling `function:alias`, only ever reaches versions that passed.
import type { Step } from '../failure.js'
import type { RunContext } from '../context.js'
import { markFailed, StepFailed } from '../failure.js'
import type { FunctionOutcome } from './apply.js'
import type { FunctionPlan } from './changes.js'
import { aliasOvertaken, pointAlias } from './publish.js'
import { readAlias } from './read.js'

/**
 * Moves the alias as planned, from the version this run read only, or marks its change held back
 * when `hold` says why not. A failed move throws StepFailed with every change, the alias's marked
 * failed, and `promoted: false`: the alias is not on this run's version.
 */
export async function promote(
  ctx: RunContext,
  plan: FunctionPlan,
  fn: FunctionOutcome,
  hold: string | undefined
): Promise<FunctionOutcome> {
  const alias = plan.changes.find(c => c.kind === 'alias')
  if (!alias || ctx.settings.dryRun || !fn.version) return fn
  const { alias: aliasName, action, arn, revisionId } = alias
  if (action === 'unchanged') return { ...fn, aliasArn: arn, promoted: true }
  const name = ctx.settings.functionName
  if (hold) {
    ctx.log.warning(
      `Alias ${aliasName} stays on ${action === 'create' ? 'no version (it was not created)' : `version ${alias.from ?? '?'}`}: ${hold}. Version ${fn.version} is published but not promoted.`
    )
    return {
      ...fn,
      // A held-back alias that existed keeps its ARN: API Connect still calls it.
      aliasArn: action === 'update' ? arn : undefined,
      promoted: false,
      changes: fn.changes.map(c => (c.kind === 'alias' ? { ...c, notDone: 'held back' } : c))
    }
  }
  const step: Step = {
    operation: `lambda:${action === 'create' ? 'CreateAlias' : 'UpdateAlias'}`,
    names: aliasName,
    resource: `function ${name}`
  }
  ctx.log.info(`Pointing alias ${aliasName} to version ${fn.version}`)
  try {
    const aliasArn = await pointAlias(
      ctx.clients.lambda,
      name,
      { name: aliasName, action, revisionId },
      fn.version
    )
    return { ...fn, aliasArn, promoted: true }
  } catch (error) {
    const changes = markFailed(fn.changes, c => c.kind !== 'alias')
    const known = { codeSha256: fn.codeSha256, version: fn.version, promoted: false }
    if (!aliasOvertaken(action, error)) throw new StepFailed(step, changes, known, error)
    const now = await readAlias(ctx.clients.lambda, name, aliasName).catch(() => undefined)
    // This run's own move, sent again by the SDK after a lost answer, is refused alike: it landed.
    if (now?.FunctionVersion === fn.version)
      return { ...fn, aliasArn: now.AliasArn, promoted: true }
    throw new StepFailed(
      step,
      changes,
      known,
      overtaken(aliasName, now?.FunctionVersion, fn.version)
    )
  }
}

/** An older run never moves the alias back: it says who won and leaves the alias there. */
const overtaken = (alias: string, theirs: string | undefined, ours: string): Error =>
  new Error(
    `another deploy moved alias ${alias} to version ${theirs ?? '(unknown: it could not be read again)'} after this run read it; version ${ours} is published but not promoted, and the alias stays where that deploy put it`
  )

/** The alias's ARN as verification checks it: known before the alias exists or moves. */
export const plannedAliasArn = (ctx: RunContext): string | undefined =>
  ctx.settings.alias && !ctx.settings.dryRun
    ? `${ctx.functionArn}:${ctx.settings.alias}`
    : undefined
