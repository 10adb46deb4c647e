// The plan's first reads need only names, not the account: they start with GetCallerIdentity
// instead of after it, so the plan costs one round trip less. main.ts hands each to the first plan
// as an argument; a plan made again (after a lost race) reads afresh.
import type { AwsClients } from '../aws/clients.js'
import { readFunction, type LiveFunction } from '../function/read.js'
import { grantPolicyName } from '../role/documents.js'
import { readRole, type LiveRole } from '../role/read.js'
import type { Settings } from '../inputs/settings.js'

export interface EarlyReads {
  function: Promise<LiveFunction | undefined>
  role: Promise<LiveRole | undefined>
}

export function startEarlyReads(clients: AwsClients, settings: Settings): EarlyReads {
  const reads: EarlyReads = {
    function: readFunction(clients.lambda, settings.functionName),
    role: readRole(
      clients.iam,
      settings.role.name,
      grantPolicyName(settings.functionName, settings.region)
    )
  }
  // A run stopped by the account check never asks for these: their errors are not the run's.
  for (const read of Object.values(reads)) read.catch(() => undefined)
  return reads
}
