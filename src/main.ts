// The action, top to bottom: read inputs, learn the account, plan, apply, verify, report.
import * as core from '@actions/core'
import { createContext, type RunContext } from './context.js'
import { packageCode } from './function/code-package.js'
import { applyFunction, planFunction } from './function/index.js'
import { checkPackage } from './function/upload.js'
import { readSettings } from './inputs.js'
import type { Settings } from './settings.js'
import { groupAfter, log } from './log.js'
import { setOutputs, setTargetOutputs, type RunResult, type Targets } from './report/outputs.js'
import { writeSummary } from './report/summary.js'
import { changeRow } from './report/words.js'
import { applyRole, planRole } from './role/index.js'
import { verdictOf, withStatus, type Check } from './verify/checks.js'
import { verify } from './verify/dry-run.js'

export async function run(): Promise<void> {
  try {
    const settings = readSettings(core.getInput)
    for (const notice of settings.notices) core.notice(notice)
    const code = settings.code.kind === 'path' ? await packageCode(settings.code.path) : undefined
    checkPackage(settings, code)
    const ctx = await createContext(settings)
    const targets = targetsOf(ctx)
    setTargetOutputs(targets)

    // Read everything first, so that a problem found on the way (say, runtime missing for a
    // function that does not exist) stops the run before any write.
    const [functionPlan, rolePlan] = await Promise.all([planFunction(ctx, code), planRole(ctx)])
    const deploying = applyFunction(ctx, functionPlan)
    const [fn, role] = await Promise.all([
      deploying,
      groupAfter(`Role ${settings.role.name}`, deploying, () => applyRole(ctx, rolePlan))
    ])

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
