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

/** Stops a run that would write to an account other than the one the user meant. */
export function checkAccount(
  identity: Identity,
  expected: { expectedAccountId?: string; functionAccountId?: string }
): void {
  if (expected.expectedAccountId && expected.expectedAccountId !== identity.accountId)
    throw new Error(
      `expected-account-id: the credentials belong to account ${identity.accountId}, not ${expected.expectedAccountId}; nothing was changed`
    )
  if (expected.functionAccountId && expected.functionAccountId !== identity.accountId)
    throw new Error(
      `function-name: the function ARN is in account ${expected.functionAccountId}, but the credentials belong to ${identity.accountId}; nothing was changed`
    )
}
