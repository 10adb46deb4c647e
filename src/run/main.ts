// The action, top to bottom, once index.ts has checked the inputs: learn the account, plan, apply,
// smoke-test, verify, move the alias, report.
import * as workflowCommands from '../runner/workflow-commands.js'
import { withCauses } from '../failure.js'
import { applyFunction, planFunction, type FunctionPlan } from '../function/index.js'
import { requireAlarms } from '../traffic/alarms.js'
import { plannedAliasArn, promote, type Promotion } from '../traffic/promote.js'
import { planRollback } from '../traffic/rollback.js'
import { groupAfter } from '../runner/log.js'
import { setTargetOutputs, targetsOf } from '../report/outputs.js'
import { reportSmoke } from '../report/smoke.js'
import { reportVerdict } from '../report/verdict.js'
import { logFunctionPlan, logRolePlan } from '../report/plan-log.js'
import { applyRole, planRole, type RolePlan } from '../role/index.js'
import { verifyLogged } from '../verify/dry-run.js'
import { beforeWrites } from '../verify/pre-write.js'
import { smokeTest } from '../smoke/invoke.js'
import type { Change } from '../changes.js'
import type { RunContext } from '../context.js'
import type { CodePackage } from '../function/code-package.js'
import { createContext } from './context.js'
import { holdReason } from './promotion-gate.js'
import type { RunInputs } from './read-inputs.js'
import { recordOf, refusedRecord, writeRecord, type Ended } from './record.js'

/** Runs with inputs already checked (`read-inputs.ts`, before this module and the AWS SDK load). */
export async function run({ settings, code }: RunInputs): Promise<void> {
  try {
    for (const notice of settings.notices) workflowCommands.notice(notice)
    const { ctx, early } = await createContext(settings)
    let targets = targetsOf(ctx)
    setTargetOutputs(targets)

    // Read everything first, so that a problem found on the way (say, runtime missing for a
    // function that does not exist, or an alarm CloudWatch does not know) stops the run before
    // any write. A rollback plans the alias's move back, and no code.
    const [functionPlan, rolePlan] = await Promise.all([
      settings.rollback
        ? planRollback(ctx, early.function)
        : planFunction(ctx, code, early.function),
      planRole(ctx, early.role),
      requireAlarms(settings, early.alarms)
    ])
    logFunctionPlan(ctx.log, functionPlan, settings.dryRun)
    logRolePlan(ctx.log, rolePlan)
    // The role may live at another path than the one the inputs imply: name the real one.
    if (rolePlan.live?.arn && rolePlan.live.arn !== targets.roleArn) {
      targets = { ...targets, roleArn: rolePlan.live.arn }
      setTargetOutputs(targets)
    }
    // Never let IBM into a role that fails: the planned role is analysed before any write.
    const before = await beforeWrites(ctx, rolePlan, functionPlan.live?.Role, early.rolePolicies)
    if (before?.refusal) {
      const { trust, onlyInvoke } = before.analysis
      const planned = [...functionPlan.changes, ...rolePlan.changes]
      await writeRecord(
        refusedRecord(settings, targets, planned, [...trust, onlyInvoke], before.refusal)
      )
      return
    }
    // The function's branch deploys, publishes and smoke-tests what it published; the role's
    // branch ensures the role, then verifies it. Neither waits for the other: verification only
    // reads, and the smoke test only invokes. Both settle before anything is reported, so the
    // role's held lines are written before, never after, the run's error.
    const deploying = applyFunction(ctx, functionPlan, () => replanFunction(ctx, code)).then(
      async fn => ({ ...fn, smoke: await smokeTest(ctx, fn.version, functionPlan.live) })
    )
    const [fnEnd, roleEnd] = await Promise.all([
      ended(deploying, functionPlan.changes, `function ${settings.functionName}`),
      ended(
        groupAfter(`Role ${settings.role.name}`, deploying, async () => {
          // A role that changed under the run (a replan) is read afresh, not from before the writes.
          let replanned = false
          const role = await applyRole(ctx, rolePlan, () => {
            replanned = true
            return replanRole(ctx)
          })
          const planned = replanned ? undefined : before?.analysis
          const checks = await verifyLogged(ctx, role, plannedAliasArn(ctx), planned)
          return { ...role, checks }
        }),
        rolePlan.changes,
        `role ${settings.role.name}`
      )
    ])
    const smoke = fnEnd.ok ? fnEnd.outcome.smoke : undefined

    // The alias moves last, and only when the smoke test and verification passed.
    let fnFinal: Ended<Promotion> = fnEnd
    if (fnEnd.ok && roleEnd.ok) {
      const hold = holdReason(settings.verify, smoke, roleEnd.outcome.checks)
      fnFinal = await ended(
        promote(ctx, functionPlan, fnEnd.outcome, hold),
        functionPlan.changes,
        `function ${settings.functionName}`
      )
    }
    const result = recordOf(settings, targets, {
      function: fnFinal,
      role: roleEnd,
      smokeTest: smoke
    })
    await writeRecord(result)
    if (result.failed || !fnFinal.ok || !roleEnd.ok) return
    reportSmoke(smoke, fnFinal.outcome)
    reportVerdict(settings.verify, roleEnd.outcome.checks)
  } catch (error) {
    workflowCommands.setFailed(withCauses(error))
  }
}

/** A plan made again after a lost race (a fresh read), logged as the first one was. */
async function replanFunction(ctx: RunContext, code?: CodePackage): Promise<FunctionPlan> {
  const plan = await planFunction(ctx, code)
  logFunctionPlan(ctx.log, plan, ctx.settings.dryRun)
  return plan
}

async function replanRole(ctx: RunContext): Promise<RolePlan> {
  const plan = await planRole(ctx)
  logRolePlan(ctx.log, plan)
  return plan
}

/** A branch's end as the record takes it: never a rejection. */
function ended<T>(work: Promise<T>, planned: Change[], name: string): Promise<Ended<T>> {
  return work.then(
    outcome => ({ ok: true as const, outcome }),
    (error: unknown) => ({ ok: false as const, error, planned, name })
  )
}
