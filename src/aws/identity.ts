// Who the credentials belong to: the account and partition that every ARN is built from.
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts'
import { accountOf, partitionOf } from './arn.js'

export interface Identity {
  accountId: string
  partition: string
  arn: string
}

export async function getIdentity(sts: STSClient): Promise<Identity> {
  const { Arn } = await sts.send(new GetCallerIdentityCommand({}))
  if (!Arn) throw new Error('sts:GetCallerIdentity returned no ARN')
  return { arn: Arn, accountId: accountOf(Arn), partition: partitionOf(Arn) }
}

/**
 * Stops a run that would write to an account other than the one the user meant, or trust a
 * principal that IAM cannot accept from this partition. Every problem at once; nothing written.
 */
/** What the inputs say about the account (the Settings of inputs/settings.ts, as read here). */
interface AccountClaims {
  expectedAccountId?: string
  functionAccountId?: string
  functionPartition?: string
  apiConnect: { principalArn: string; source: string }
}

export function checkAccount(identity: Identity, settings: AccountClaims): void {
  const { accountId, partition } = identity
  const problems: string[] = []
  if (settings.expectedAccountId && settings.expectedAccountId !== accountId)
    problems.push(
      `expected-account-id: the credentials belong to account ${accountId}, not ${settings.expectedAccountId}`
    )
  if (settings.functionAccountId && settings.functionAccountId !== accountId)
    problems.push(
      `function-name: the function ARN is in account ${settings.functionAccountId}, but the credentials belong to ${accountId}`
    )
  if (settings.functionPartition && settings.functionPartition !== partition)
    problems.push(
      `function-name: the function ARN is in partition ${settings.functionPartition}, the credentials in ${partition}`
    )
  const principal = settings.apiConnect.principalArn
  if (partitionOf(principal) !== partition) {
    const input =
      settings.apiConnect.source === 'api-connect-role-arn input'
        ? 'api-connect-role-arn'
        : 'api-connect-region'
    problems.push(
      `${input}: ${principal} is in partition ${partitionOf(principal)}, but the credentials are in ${partition}, where a role cannot trust it`
    )
  }
  if (problems.length) throw new Error(`${problems.join('; ')}; nothing was changed`)
}
