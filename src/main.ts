// The action, top to bottom: read inputs, learn the account, plan, apply, verify, report.
import * as core from '@actions/core'
import { functionArn, roleArn } from './aws/arn.js'
import { createClients } from './aws/clients.js'
import { failed } from './verify/checks.js'
import { packageCode } from './function/code-package.js'
import type { RunContext } from './context.js'
import { applyFunction, planFunction } from './function/apply.js'
import { checkPackage } from './function/plan.js'
import { applyRole, planRole } from './role/apply.js'
import { checkAccount, getIdentity } from './aws/identity.js'
import { readSettings } from './inputs.js'
import { groupAfter } from './log.js'
import { readProvenance } from './provenance.js'
import {
  setOutputs,
  setTargetOutputs,
  writeSummary,
  type RunResult,
  type Targets
} from './report.js'
import { verify } from './verify/dry-run.js'

export async function run(): Promise<void> {
  try {
    const settings = readSettings(core.getInput)
    const code = settings.code.kind === 'path' ? await packageCode(settings.code.path) : undefined
    checkPackage(settings, code)
    const clients = createClients(settings.region, settings.endpointUrl)

    const identity = await getIdentity(clients.sts)
    core.info(`Credentials: ${identity.arn}`)
    checkAccount(identity, settings)
    const ctx: RunContext = {
      settings,
      clients,
      identity,
      provenance: readProvenance(),
      functionArn: functionArn(
        identity.partition,
        settings.region,
        identity.accountId,
        settings.functionName
      ),
      roleArn: roleArn(
        identity.partition,
        identity.accountId,
        settings.role.path,
        settings.role.name
      )
    }

    const targets: Targets = {
      functionName: settings.functionName,
      functionArn: ctx.functionArn,
      region: settings.region,
      roleArn: ctx.roleArn,
      apiConnectRoleArn: settings.apiConnect.principalArn,
      externalId: settings.apiConnect.externalId
    }
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
        : await core.group('Verify (STS dry run)', async () => {
            const checks = await verify(ctx, role, fn.aliasArn)
            for (const c of checks)
              core.info(`${c.status.padEnd(11)} ${c.name}: ${c.actual} (${c.method})`)
            return checks
          })
    const failures = failed(checks)
    const result: RunResult = {
      ...targets,
      dryRun: settings.dryRun,
      version: fn.version,
      aliasArn: fn.aliasArn,
      codeSha256: fn.codeSha256,
      roleArn: role.roleArn,
      verified: settings.verify === 'off' ? 'skipped' : failures.length ? 'false' : 'true',
      changes: [...fn.changes, ...role.changes],
      checks
    }
    // Outputs and summary first: a failed check must still leave them for the next job.
    setOutputs(result)
    await writeSummary(result)

    if (failures.length) {
      const message = `Verification failed: ${failures.map(c => `${c.name} (expected ${c.expected}, got ${c.actual})`).join('; ')}`
      if (settings.verify === 'fail') core.setFailed(message)
      else core.warning(message)
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
