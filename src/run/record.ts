// A run that failed after planning still tells the whole truth: every change made so far, which
// step failed and what is known for sure, in the outputs and the summary, then every branch's error.
import * as core from '../runner/workflow-commands.js'
import type { Change } from '../changes.js'
import { StepFailed, withCauses, type Known } from '../failure.js'
import type { FunctionOutcome } from '../function/index.js'
import type { RoleOutcome } from '../role/index.js'
import type { SmokeResult } from '../smoke/result.js'
import type { Check } from '../verify/checks.js'
import { setOutputs, type FailedStep, type RunResult, type Targets } from '../report/outputs.js'
import { writeSummary } from '../report/summary.js'
import { changeRow } from '../report/words.js'

/**
 * One branch's end, as the failure report needs it: its changes, what it knew, the checks it ran
 * (the role's branch verifies), its error.
 */
interface Branch {
  changes: Change[]
  known: Known
  checks?: Check[]
  failed?: FailedStep
}

export function branch(
  settled: PromiseSettledResult<FunctionOutcome | (RoleOutcome & { checks: Check[] })>,
  name: string,
  planned: Change[]
): Branch {
  if (settled.status === 'fulfilled') {
    const outcome = settled.value
    return {
      changes: outcome.changes,
      ...('roleArn' in outcome
        ? { known: { roleArn: outcome.roleArn }, checks: outcome.checks }
        : {
            known: {
              codeSha256: outcome.codeSha256,
              version: outcome.version,
              aliasArn: outcome.aliasArn
            }
          })
    }
  }
  const error: unknown = settled.reason
  if (error instanceof StepFailed)
    return {
      changes: error.changes,
      known: error.known,
      // The AWS error may already say where (aws/where.ts): say it once.
      failed: { step: error.step, error: withCauses(error).replace(`${error.step}: `, '') }
    }
  // Not a StepFailed: nothing says which writes were made, so none is claimed.
  return {
    changes: planned.map(c => (c.action === 'unchanged' ? c : { ...c, notDone: 'not reached' })),
    known: {},
    failed: { step: name, error: withCauses(error) }
  }
}

/**
 * A run that failed after planning: the outputs and the summary still say every change made so far,
 * which step failed, what is known, the smoke test and the checks that ran, then the run fails with
 * every branch's error. `verified` stays false: the run did not finish what verification vouches for.
 */
export async function reportFailure(
  targets: Targets,
  dryRun: boolean,
  branches: Branch[],
  smokeTest?: SmokeResult
) {
  const known: Known = Object.assign({}, ...branches.map(b => b.known))
  const failedSteps = branches.flatMap(b => (b.failed ? [b.failed] : []))
  const result: RunResult = {
    ...targets,
    dryRun,
    version: known.version,
    aliasArn: known.aliasArn,
    codeSha256: known.codeSha256,
    roleArn: known.roleArn ?? targets.roleArn,
    verified: 'false',
    smokeTest,
    changes: branches.flatMap(b => b.changes).map(changeRow),
    checks: branches.flatMap(b => b.checks ?? []),
    failed: failedSteps
  }
  setOutputs(result)
  await writeSummary(result)
  for (const f of failedSteps.slice(0, -1)) core.error(`${f.step} failed: ${f.error}`)
  const last = failedSteps[failedSteps.length - 1]
  core.setFailed(`${last.step} failed: ${last.error}`)
}
