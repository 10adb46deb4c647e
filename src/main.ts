// The action, top to bottom, once index.ts has checked the inputs: learn the account, plan, apply,
// verify, report.
import * as core from './workflow-commands.js'
import { createContext } from './context.js'
import { withCauses } from './failure.js'
import { applyFunction, planFunction } from './function/index.js'
import { groupAfter, log } from './log.js'
import { branch, reportFailure } from './report/failed-run.js'
import { setOutputs, setTargetOutputs, targetsOf, type RunResult } from './report/outputs.js'
import { writeSummary } from './report/summary.js'
import { reportVerdict } from './report/verdict.js'
import { changeRow } from './report/words.js'
import { applyRole, planRole } from './role/index.js'
import { verdictOf } from './verify/checks.js'
import { verify } from './verify/dry-run.js'
import type { RunInputs } from './run-inputs.js'

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
    const deploying = applyFunction(ctx, functionPlan)
    // Both branches settle before anything is reported, so the role's held lines are written
    // before, never after, the run's error.
    const [fnSettled, roleSettled] = await Promise.allSettled([
      deploying,
      groupAfter(`Role ${settings.role.name}`, deploying, () => applyRole(ctx, rolePlan))
    ])
    if (fnSettled.status === 'rejected' || roleSettled.status === 'rejected') {
      await reportFailure(targets, settings.dryRun, [
        branch(fnSettled, `function ${settings.functionName}`, functionPlan.changes),
        branch(roleSettled, `role ${settings.role.name}`, rolePlan.changes)
      ])
      return
    }
    const fn = fnSettled.value
    const role = roleSettled.value

    const checks =
      settings.verify === 'off'
        ? []
        : await log.group('Verify (STS dry run)', async () => {
            const checks = await verify(ctx, role, fn.aliasArn)
            for (const c of checks)
              log.info(`${c.status.padEnd(11)} ${c.name}: ${c.actual} (${c.method})`)
            return checks
          })
    const result: RunResult = {
      ...targets,
      dryRun: settings.dryRun,
      version: fn.version,
      aliasArn: fn.aliasArn,
      codeSha256: fn.codeSha256,
      roleArn: role.roleArn,
      verified: settings.verify === 'off' ? 'skipped' : verdictOf(checks),
      changes: [...fn.changes, ...role.changes].map(changeRow),
      checks
    }
    // Outputs and summary first: a failed check must still leave them for the next job.
    setOutputs(result)
    await writeSummary(result)
    reportVerdict(settings.verify, checks)
  } catch (error) {
    core.setFailed(withCauses(error))
  }
}
