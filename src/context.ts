// What every phase of a run shares: the settings, the clients, the ARNs known up front, and the
// one timing and logger that every wait and every line goes through.
import { functionArn, roleArn } from './aws/arn.js'
import { type AwsClients, createClients } from './aws/clients.js'
import { checkAccount, getIdentity, type Identity } from './aws/identity.js'
import { type EarlyReads, startEarlyReads } from './run/early-reads.js'
import { log, type Log } from './runner/log.js'
import { type Provenance, readProvenance } from './runner/provenance.js'
import type { Settings } from './inputs/settings.js'
import { DEFAULT_TIMING, type Timing } from './timing.js'

export interface RunContext {
  settings: Settings
  clients: AwsClients
  identity: Identity
  provenance: Provenance
  timing: Timing
  log: Log
  /** Known before any call to Lambda or IAM, so the two can run concurrently. */
  functionArn: string
  roleArn: string
  /** The plan's reads by name, started alongside GetCallerIdentity (absent in hand-built contexts). */
  early?: EarlyReads
}

/** Builds the context: the clients, and who the credentials are (the account every ARN is in). */
export async function createContext(settings: Settings): Promise<RunContext> {
  const timing = DEFAULT_TIMING
  const clients = createClients(settings.region, settings.endpointUrl, timing.sdkMaxAttempts)
  const early = startEarlyReads(clients, settings)
  const identity = await getIdentity(clients.sts)
  log.info(`Credentials: ${identity.arn}`)
  checkAccount(identity, settings)
  const { partition, accountId } = identity
  return {
    settings,
    clients,
    identity,
    provenance: readProvenance(),
    timing,
    log,
    functionArn: functionArn(partition, settings.region, accountId, settings.functionName),
    roleArn: roleArn(partition, accountId, settings.role.path, settings.role.name),
    early
  }
}
