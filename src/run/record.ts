// The run's record, built once for success and failure alike: the outputs, the `result` document
// and the job summary say every change made, what is known for sure, the smoke test and the checks
// that ran and, when a branch failed, which step failed; then the step fails with every error.
import type { Change, NotDone } from '../changes.js'
import { StepFailed, withCauses, type Known } from '../failure.js'
import type { Settings } from '../inputs/settings.js'
import type { RoleOutcome } from '../role/index.js'
import {
  qualifiedNameOf,
  setOutputs,
  type FailedStep,
  type RunResult,
  type Targets
} from '../report/outputs.js'
import { lambdaPolicyOf } from '../report/lambda-policy.js'
import { writeSummary } from '../report/summary.js'
import { changeRow } from '../report/words.js'
import * as workflowCommands from '../runner/workflow-commands.js'
import type { SmokeResult } from '../smoke/result.js'
import { ShiftStopped, type Promotion } from '../traffic/promote.js'
import { verdictOf, type Check } from '../verify/checks.js'

/** How a branch ended: its outcome, or its error over the changes it planned. */
export type Ended<T> =
  { ok: true; outcome: T } | { ok: false; error: unknown; planned: Change[]; name: string }

interface RunEnd {
  function: Ended<Promotion>
  role: Ended<RoleOutcome & { checks: Check[] }>
  smokeTest?: SmokeResult
}

/** One branch's share of the record: its changes, what it knew, and its failed step if any. */
interface Share {
  changes: Change[]
  known: Known
  failed?: FailedStep
}

function shareOf<T extends { changes: Change[] }>(
  end: Ended<T>,
  known: (outcome: T) => Known
): Share {
  if (end.ok) return { changes: end.outcome.changes, known: known(end.outcome) }
  const { error } = end
  if (error instanceof StepFailed)
    return {
      changes: error.changes,
      known: error.known,
      failed: { step: error.step, error: error.reason }
    }
  // Not a StepFailed: nothing says which writes were made, so none is claimed.
  return {
    changes: end.planned.map(c =>
      c.action === 'unchanged' ? c : { ...c, notDone: 'not reached' }
    ),
    known: {},
    failed: { step: end.name, error: withCauses(error) }
  }
}

/**
 * The record of a run that got past planning. A failed run keeps every change made so far and the
 * checks that ran, but `verified` stays false: it did not finish what verification vouches for.
 */
export function recordOf(settings: Settings, targets: Targets, end: RunEnd): RunResult {
  const fn = shareOf(end.function, ({ codeSha256, version, aliasArn }) => ({
    codeSha256,
    version,
    aliasArn
  }))
  const role = shareOf(end.role, ({ roleArn }) => ({ roleArn }))
  const failed = [fn.failed, role.failed].flatMap(f => (f ? [f] : []))
  const known: Known = { ...fn.known, ...role.known }
  const checks = end.role.ok ? end.role.outcome.checks : []
  const finished = end.function.ok && failed.length === 0 ? end.function.outcome : undefined
  const record: RunResult = {
    ...targets,
    dryRun: settings.dryRun,
    version: known.version,
    aliasArn: known.aliasArn,
    codeSha256: known.codeSha256,
    roleArn: known.roleArn ?? targets.roleArn,
    verified: !finished ? 'false' : settings.verify === 'off' ? 'skipped' : verdictOf(checks),
    qualifiedName: finished && qualifiedNameOf(settings, finished.version),
    smokeTest: end.smokeTest,
    // A refused alias move fails the run: promoted is then false, never empty.
    promoted: finished?.promoted ?? known.promoted,
    previousVersion: previousVersion(fn.changes),
    trafficShift: end.function.ok
      ? end.function.outcome.shift
      : end.function.error instanceof ShiftStopped
        ? end.function.error.shift
        : undefined,
    changes: [...fn.changes, ...role.changes].map(changeRow),
    checks,
    failed: failed.length ? failed : undefined
  }
  return { ...record, lambdaPolicy: lambdaPolicyOf(record) }
}

/** Where the alias pointed when this run read it: the alias change's `from`. */
const previousVersion = (changes: Change[]): string | undefined =>
  changes.find(c => c.kind === 'alias')?.from

/**
 * The record of a run refused before any write (verify/pre-write.ts): no change made, the planned
 * checks that refused it, and the refusal as the failed step.
 */
export function refusedRecord(
  settings: Settings,
  targets: Targets,
  planned: Change[],
  checks: Check[],
  refusal: string
): RunResult {
  const notDone: NotDone = settings.dryRun ? 'dry run' : 'not reached'
  const record: RunResult = {
    ...targets,
    dryRun: settings.dryRun,
    verified: 'false',
    previousVersion: previousVersion(planned),
    changes: planned.map(c => (c.action === 'unchanged' ? c : { ...c, notDone })).map(changeRow),
    checks,
    failed: [{ step: `the check before any write (role ${settings.role.name})`, error: refusal }]
  }
  return { ...record, lambdaPolicy: lambdaPolicyOf(record) }
}

/** Outputs and summary first, so a failure still leaves them; a failed run then fails the step. */
export async function writeRecord(result: RunResult): Promise<void> {
  setOutputs(result)
  await writeSummary(result)
  const failed = result.failed ?? []
  for (const f of failed.slice(0, -1)) workflowCommands.error(`${f.step} failed: ${f.error}`)
  const last = failed[failed.length - 1]
  if (last) workflowCommands.setFailed(`${last.step} failed: ${last.error}`)
}
