// The function's plan in the log, before any write: each change ("Would update" in a dry run),
// then each warning. The run logs it (first plan and replans alike); function/ only returns data.
import type { FunctionPlan } from '../function/index.js'
import type { Log } from '../runner/log.js'
import { planLine } from './words.js'

export function logFunctionPlan(log: Log, plan: FunctionPlan, dryRun: boolean): void {
  for (const change of plan.changes) log.info(planLine(change, dryRun))
  for (const warning of plan.function.warnings) log.warning(warning)
}
