// The plan's first reads need only names, not the account: they start with GetCallerIdentity
// instead of after it, so the plan costs one round trip less. main.ts hands each to the first plan
// as an argument; a plan made again (after a lost race) reads afresh.
import { cloudWatchOf, type AwsClients } from '../aws/clients.js'
import { readAlarms, type AlarmState } from '../traffic/alarms.js'
import { errorName } from '../aws/retry.js'
import { readFunction, type LiveFunction } from '../function/read.js'
import type { NamedPolicy } from '../iam-policy/index.js'
import { grantPolicyName } from '../role/documents.js'
import { readRole, type LiveRole } from '../role/read.js'
import type { Settings } from '../inputs/settings.js'
import { readIdentityPolicies } from '../verify/invoke.js'

export interface EarlyReads {
  function: Promise<LiveFunction | undefined>
  role: Promise<LiveRole | undefined>
  /** The role's policies but this function's grant, for the analysis before the writes (when it runs). */
  rolePolicies?: Promise<NamedPolicy[]>
  /** The alarms a traffic shift watches: each must exist before the first write. */
  alarms?: Promise<AlarmState[]>
}

export function startEarlyReads(clients: AwsClients, settings: Settings): EarlyReads {
  const { name, manage } = settings.role
  const grantName = grantPolicyName(settings.functionName, settings.region)
  const reads: EarlyReads = {
    function: readFunction(clients.lambda, settings.functionName),
    role: readRole(clients.iam, name, grantName),
    ...(manage && settings.verify !== 'off'
      ? {
          rolePolicies: readIdentityPolicies(clients.iam, name, undefined, grantName).then(
            read => read.policies,
            (error: unknown) => {
              // A role that does not exist yet has no policies.
              if (errorName(error) === 'NoSuchEntity') return []
              throw error
            }
          )
        }
      : {}),
    ...(settings.alarms.length && !settings.rollback
      ? { alarms: cloudWatchOf(clients).then(cw => readAlarms(cw, settings.alarms)) }
      : {})
  }
  // A run stopped by the account check never asks for these: their errors are not the run's.
  for (const read of Object.values(reads)) read.catch(() => undefined)
  return reads
}
