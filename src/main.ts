// The action, top to bottom: read inputs, learn the account, deploy, ensure the role, verify, report.
import * as core from '@actions/core'
import { functionArn, roleArn } from './arn.js'
import { createClients } from './aws-clients.js'
import { checkAccount, getIdentity } from './identity.js'
import { readSettings } from './inputs.js'

export async function run(): Promise<void> {
  try {
    const settings = readSettings(core.getInput)
    const clients = createClients(settings.region, settings.endpointUrl)

    const identity = await getIdentity(clients.sts)
    core.info(`Credentials: ${identity.arn}`)
    checkAccount(identity, settings)

    const fnArn = functionArn(
      identity.partition,
      settings.region,
      identity.accountId,
      settings.functionName
    )
    const role = roleArn(
      identity.partition,
      identity.accountId,
      settings.role.path,
      settings.role.name
    )

    core.setOutput('function-name', settings.functionName)
    core.setOutput('function-arn', fnArn)
    core.setOutput('region', settings.region)
    core.setOutput('role-arn', role)
    core.setOutput('api-connect-role-arn', settings.apiConnect.principalArn)
    core.setOutput('external-id', settings.apiConnect.externalId)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
