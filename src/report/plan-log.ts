// The plans in the log, before any write: the function's changes ("Would update" in a dry run)
// and warnings, the role's state and write count. The run logs them (first plans and replans
// alike); function/ and role/ only return data.
import type { FunctionPlan } from '../function/index.js'
import { stepsOf, type RolePlan } from '../role/plan.js'
import type { Log } from '../runner/log.js'
import { planLine } from './words.js'

export function logFunctionPlan(log: Log, plan: FunctionPlan, dryRun: boolean): void {
  for (const change of plan.changes) log.info(planLine(change, dryRun))
  for (const warning of plan.warnings) log.warning(warning)
}

export function logRolePlan(log: Log, plan: RolePlan): void {
  const { desired, live } = plan
  log.info(
    `Role ${desired.name}: ${live ? `exists (${live.arn})` : 'missing'}; ${stepsOf(plan).length} write(s) needed`
  )
}
