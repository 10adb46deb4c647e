// The run's context: the clients, and who the credentials are (the account every ARN is in). The
// plan's first reads start alongside GetCallerIdentity (early-reads.ts) and are handed to the plans.
import { functionArn, roleArn } from '../aws/arn.js'
import { createClients } from '../aws/clients.js'
import { checkAccount, getIdentity } from '../aws/identity.js'
import type { RunContext } from '../context.js'
import type { Settings } from '../inputs/settings.js'
import { changeLine } from '../report/words.js'
import { log } from '../runner/log.js'
import { readProvenance } from '../runner/provenance.js'
import { DEFAULT_TIMING } from '../timing.js'
import { type EarlyReads, startEarlyReads } from './early-reads.js'

export async function createContext(
  settings: Settings
): Promise<{ ctx: RunContext; early: EarlyReads }> {
  const timing = DEFAULT_TIMING
  const clients = createClients(settings.region, settings.endpointUrl, timing.sdkMaxAttempts)
  const early = startEarlyReads(clients, settings)
  const identity = await getIdentity(clients.sts)
  log.info(`Credentials: ${identity.arn}`)
  checkAccount(identity, settings)
  const { partition, accountId } = identity
  const ctx: RunContext = {
    settings,
    clients,
    identity,
    provenance: readProvenance(),
    timing,
    log,
    wordChange: changeLine,
    functionArn: functionArn(partition, settings.region, accountId, settings.functionName),
    roleArn: roleArn(partition, accountId, settings.role.path, settings.role.name)
  }
  return { ctx, early }
}
