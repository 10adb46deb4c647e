// The action, top to bottom: read inputs, learn the account, plan, apply, verify, report.
import * as core from '@actions/core'
import type { Change } from './changes.js'
import { createContext, type RunContext } from './context.js'
import { StepFailed, type Known } from './failure.js'
import { packageCode, type CodePackage } from './function/code-package.js'
import { applyFunction, planFunction, type FunctionOutcome } from './function/index.js'
import { checkPackage } from './function/upload.js'
import { readInputs } from './inputs.js'
import { InputError, type Settings } from './settings.js'
import { groupAfter, log } from './log.js'
import {
  setOutputs,
  setTargetOutputs,
  type FailedStep,
  type RunResult,
  type Targets
} from './report/outputs.js'
import { writeSummary } from './report/summary.js'
import { changeRow } from './report/words.js'
import { applyRole, planRole, type RoleOutcome } from './role/index.js'
import { verdictOf, withStatus, type Check } from './verify/checks.js'
import { verify } from './verify/dry-run.js'

export async function run(): Promise<void> {
  try {
    const { settings, code } = await readInputsAndCode()
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

/** One branch's end, as the failure report needs it: its changes, what it knew, its error. */
interface Branch {
  changes: Change[]
  known: Known
  failed?: FailedStep
}

function branch(
  settled: PromiseSettledResult<FunctionOutcome | RoleOutcome>,
  name: string,
  planned: Change[]
): Branch {
  if (settled.status === 'fulfilled') {
    const outcome = settled.value
    return {
      changes: outcome.changes,
      known:
        'roleArn' in outcome
          ? { roleArn: outcome.roleArn }
          : { codeSha256: outcome.codeSha256, version: outcome.version, aliasArn: outcome.aliasArn }
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
 * which step failed and what is known, then the run fails with every branch's error.
 */
async function reportFailure(targets: Targets, dryRun: boolean, branches: Branch[]) {
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
    changes: branches.flatMap(b => b.changes).map(changeRow),
    checks: [],
    failed: failedSteps
  }
  setOutputs(result)
  await writeSummary(result)
  for (const f of failedSteps.slice(0, -1)) core.error(`${f.step} failed: ${f.error}`)
  const last = failedSteps[failedSteps.length - 1]
  core.setFailed(`${last.step} failed: ${last.error}`)
}

/**
 * The inputs and the code package, checked together: a packaging problem (too large, a symlink
 * out of the tree) comes with every other input problem in one error, before any AWS call.
 */
async function readInputsAndCode(): Promise<{ settings: Settings; code?: CodePackage }> {
  const { settings, problems } = readInputs(core.getInput)
  let code: CodePackage | undefined
  if (settings.code.kind === 'path' && !problems.some(p => p.startsWith('code:')))
    try {
      code = await packageCode(settings.code.path)
      checkPackage(settings, code)
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems)
      else if (error instanceof Error && error.message.startsWith('code: '))
        problems.push(error.message)
      else throw error
    }
  if (problems.length > 0) throw new InputError(problems)
  return { settings, code }
}

/**
 * A failed or undecided check fails the step under `verify: fail` (a warning under `warn`); an
 * optional extra that could not run is a warning.
 */
function reportVerdict(verify: Settings['verify'], checks: Check[]): void {
  const list = (cs: Check[]) =>
    cs.map(c => `${c.name} (expected ${c.expected}, got ${c.actual})`).join('; ')
  const failures = withStatus(checks, 'fail')
  const undecided = withStatus(checks, 'undecided')
  const problems = [
    ...(failures.length ? [`Verification failed: ${list(failures)}`] : []),
    ...(undecided.length ? [`Verification could not decide: ${list(undecided)}`] : [])
  ]
  if (problems.length) {
    if (verify === 'fail') core.setFailed(problems.join('\n'))
    else core.warning(problems.join('\n'))
  }
  const notRun = withStatus(checks, 'not-checked')
  if (notRun.length) core.warning(`Not checked: ${list(notRun)}`)
}

/** The outputs known before any write, so that a run that fails still names its targets. */
function targetsOf(ctx: RunContext): Targets {
  const { settings } = ctx
  return {
    functionName: settings.functionName,
    functionArn: ctx.functionArn,
    region: settings.region,
    roleArn: ctx.roleArn,
    apiConnectRoleArn: settings.apiConnect.principalArn,
    externalId: settings.apiConnect.externalId
  }
}

/** The message, and each cause's that it does not already say. */
function withCauses(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error)
  for (let cause = (error as Error)?.cause; cause instanceof Error; cause = cause.cause)
    if (!message.includes(cause.message)) message += ` (cause: ${cause.message.slice(0, 500)})`
  return message
}
