// The role API Connect assumes, end to end: planRole reads IAM and decides, with no write;
// applyRole makes the writes (none in a dry run, or when the role is managed elsewhere).
import type { RunContext } from '../context.js'
import { applyRole as apply, type RoleOutcome } from './apply.js'
import { decideRole, desiredRole, type RolePlan } from './plan.js'
import { readRole, type LiveRole } from './read.js'

export type { RoleOutcome } from './apply.js'
export type { RolePlan } from './plan.js'

/** The plan; `liveRead` is a read of the role already under way (the run's early read). */
export async function planRole(
  ctx: RunContext,
  liveRead?: Promise<LiveRole | undefined>
): Promise<RolePlan> {
  const desired = desiredRole(ctx)
  const live = await (liveRead ?? readRole(ctx.clients.iam, desired.name, desired.grantName))
  const { manage } = ctx.settings.role
  // Verification would fail for want of the role, but only after the function's writes: say it now.
  if (!manage && !live && !ctx.settings.dryRun)
    throw new Error(
      `role ${desired.name} does not exist (path ${desired.path}), and with manage-role: false the action creates no role: create it where roles are managed, or set manage-role: true. Nothing was written.`
    )
  const plan = decideRole(desired, live)
  if (manage && plan.blockers.length > 0) throw new Error(plan.blockers.join('\n'))
  return plan
}

/** The planned writes; `replan` plans afresh when the role changed under the run. */
export function applyRole(
  ctx: RunContext,
  plan: RolePlan,
  replan = () => planRole(ctx)
): Promise<RoleOutcome> {
  return apply(ctx, plan, replan)
}
