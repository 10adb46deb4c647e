// The action, top to bottom, once index.ts has checked the inputs: learn the account, plan, apply,
// smoke-test, verify, move the alias, report.
import * as core from '../runner/workflow-commands.js'
import { createContext } from '../context.js'
import { withCauses } from '../failure.js'
import { applyFunction, planFunction, type FunctionOutcome } from '../function/index.js'
import { holdReason } from './promotion-gate.js'
import { plannedAliasArn, promote } from '../function/promote.js'
import { groupAfter } from '../runner/log.js'
import { branch, reportFailure } from './record.js'
import {
  qualifiedNameOf,
  setOutputs,
  setTargetOutputs,
  targetsOf,
  type RunResult
} from '../report/outputs.js'
import { reportSmoke } from '../report/smoke.js'
import { writeSummary } from '../report/summary.js'
import { reportVerdict } from '../report/verdict.js'
import { changeRow } from '../report/words.js'
import { applyRole, planRole } from '../role/index.js'
import { verdictOf } from '../verify/checks.js'
import { verifyLogged } from '../verify/dry-run.js'
import { smokeTest } from '../smoke/invoke.js'
import type { RunInputs } from './read-inputs.js'

/** Runs with inputs already checked (`run-inputs.ts`, before this module and the AWS SDK load). */
export async function run({ settings, code }: RunInputs): Promise<void> {
  try {
    for (const notice of settings.notices) core.notice(notice)
    const ctx = await createContext(settings)
    let targets = targetsOf(ctx)
    setTargetOutputs(targets)

    // Read everything first, so that a problem found on the way (say, runtime missing for a
    // function that does not exist) stops the run before any write.
    const [functionPlan, rolePlan] = await Promise.all([planFunction(ctx, code), planRole(ctx)])
    // The role may live at another path than the one the inputs imply: name the real one.
    if (rolePlan.live?.arn && rolePlan.live.arn !== targets.roleArn) {
      targets = { ...targets, roleArn: rolePlan.live.arn }
      setTargetOutputs(targets)
    }
    // The function's branch deploys, publishes and smoke-tests what it published; the role's
    // branch ensures the role, then verifies it. Neither waits for the other: verification only
    // reads, and the smoke test only invokes. Both settle before anything is reported, so the
    // role's held lines are written before, never after, the run's error.
    const deploying = applyFunction(ctx, functionPlan).then(async fn => ({
      ...fn,
      smoke: await smokeTest(ctx, fn.version)
    }))
    const [fnSettled, roleSettled] = await Promise.allSettled([
      deploying,
      groupAfter(`Role ${settings.role.name}`, deploying, async () => {
        const role = await applyRole(ctx, rolePlan)
        return { ...role, checks: await verifyLogged(ctx, role, plannedAliasArn(ctx)) }
      })
    ])
    const failRun = (fnEnd: PromiseSettledResult<FunctionOutcome>) =>
      reportFailure(
        targets,
        settings.dryRun,
        [
          branch(fnEnd, `function ${settings.functionName}`, functionPlan.changes),
          branch(roleSettled, `role ${settings.role.name}`, rolePlan.changes)
        ],
        fnSettled.status === 'fulfilled' ? fnSettled.value.smoke : undefined
      )
    if (fnSettled.status === 'rejected' || roleSettled.status === 'rejected')
      return failRun(fnSettled)
    const role = roleSettled.value
    const { checks } = role
    const { smoke } = fnSettled.value

    // The alias moves last, and only when the smoke test and verification passed.
    const hold = holdReason(settings.verify, smoke, checks)
    const [promoted] = await Promise.allSettled([promote(ctx, functionPlan, fnSettled.value, hold)])
    if (promoted.status === 'rejected') return failRun(promoted)
    const fn = promoted.value
    const result: RunResult = {
      ...targets,
      dryRun: settings.dryRun,
      version: fn.version,
      aliasArn: fn.aliasArn,
      codeSha256: fn.codeSha256,
      roleArn: role.roleArn,
      verified: settings.verify === 'off' ? 'skipped' : verdictOf(checks),
      qualifiedName: qualifiedNameOf(settings, fn.version),
      smokeTest: smoke,
      promoted: fn.promoted,
      changes: [...fn.changes, ...role.changes].map(changeRow),
      checks
    }
    // Outputs and summary first: a failed check must still leave them for the next job.
    setOutputs(result)
    await writeSummary(result)
    reportSmoke(smoke, fn)
    reportVerdict(settings.verify, checks)
  } catch (error) {
    core.setFailed(withCauses(error))
  }
}
