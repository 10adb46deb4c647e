// PLACEHOLDER until the role issue lands: plans and changes nothing.
import type { Change, RunContext } from './context.js'

export interface RolePlan {
  changes: Change[]
}

export interface RoleOutcome {
  changes: Change[]
  roleArn: string
}

export async function planRole(_ctx: RunContext): Promise<RolePlan> {
  return { changes: [] }
}

export async function applyRole(ctx: RunContext, plan: RolePlan): Promise<RoleOutcome> {
  return { changes: plan.changes, roleArn: ctx.roleArn }
}
