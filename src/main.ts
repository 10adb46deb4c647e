// The action, top to bottom: read inputs, learn the account, plan, apply, verify, report.
import * as core from '@actions/core'
import { functionArn, roleArn } from './arn.js'
import { createClients } from './aws-clients.js'
import { packageCode } from './code-package.js'
import type { RunContext } from './context.js'
import { applyFunction, planFunction } from './deploy-function.js'
import { applyRole, planRole } from './ensure-role.js'
import { checkAccount, getIdentity } from './identity.js'
import { readSettings } from './inputs.js'
import { readProvenance } from './provenance.js'

export async function run(): Promise<void> {
  try {
    const settings = readSettings(core.getInput)
    const code = settings.code.kind === 'path' ? await packageCode(settings.code.path) : undefined
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

    // Read everything first, so that a problem found on the way (say, runtime missing for a
    // function that does not exist) stops the run before any write.
    const [functionPlan, rolePlan] = await Promise.all([planFunction(ctx, code), planRole(ctx)])
    const [fn, role] = await Promise.all([
      applyFunction(ctx, functionPlan),
      applyRole(ctx, rolePlan)
    ])

    core.setOutput('function-name', settings.functionName)
    core.setOutput('function-arn', ctx.functionArn)
    core.setOutput('region', settings.region)
    core.setOutput('role-arn', role.roleArn)
    core.setOutput('api-connect-role-arn', settings.apiConnect.principalArn)
    core.setOutput('external-id', settings.apiConnect.externalId)
    core.setOutput('code-sha256', fn.codeSha256 ?? '')
    core.setOutput('version', fn.version ?? '')
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
