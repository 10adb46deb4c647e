// PLACEHOLDER until the deploy issue lands: plans and changes nothing.
import type { CodePackage } from './code-package.js'
import type { Change, RunContext } from './context.js'

export interface FunctionPlan {
  changes: Change[]
}

export interface FunctionOutcome {
  changes: Change[]
  codeSha256?: string
  version?: string
}

export async function planFunction(_ctx: RunContext, _code?: CodePackage): Promise<FunctionPlan> {
  return { changes: [] }
}

export async function applyFunction(
  _ctx: RunContext,
  plan: FunctionPlan
): Promise<FunctionOutcome> {
  return { changes: plan.changes }
}
