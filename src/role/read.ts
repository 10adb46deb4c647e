// The role as IAM shows it now, read back rather than assumed: for the plan (with this function's
// grant) and for verification (the trust policy as IAM stores it).
import { GetRoleCommand, GetRolePolicyCommand, type IAMClient } from '@aws-sdk/client-iam'
import { errorName } from '../aws/retry.js'
import { parsePolicyDocument, type PolicyDocument } from '../iam-policy/index.js'

/** What IAM shows of the role. */
export interface LiveRole {
  arn: string
  path: string
  description?: string
  permissionsBoundary?: string
  tags: Record<string, string>
  trustPolicy: PolicyDocument
  /** The inline policy that was asked for (this function's grant), when the role has it. */
  grant?: PolicyDocument
}

/**
 * The role, and the inline policy `grantName` when given; undefined when the role does not exist.
 * Failures say which read failed and what permission it needs.
 */
export async function readRole(
  iam: IAMClient,
  RoleName: string,
  grantName?: string
): Promise<LiveRole | undefined> {
  const read = <T>(operation: string, call: () => Promise<T>): Promise<T | undefined> =>
    call().catch((error: unknown) => {
      if (errorName(error) === 'NoSuchEntityException') return undefined
      throw new Error(
        `Cannot read role ${RoleName}: ${operation} failed: ${errorName(error)}: ${(error as Error).message}` +
          (errorName(error) === 'AccessDenied'
            ? `. The workflow's credentials need iam:${operation} on the role.`
            : ''),
        { cause: error }
      )
    })
  const [role, grant] = await Promise.all([
    read('GetRole', () => iam.send(new GetRoleCommand({ RoleName }))),
    grantName
      ? read('GetRolePolicy', () =>
          iam.send(new GetRolePolicyCommand({ RoleName, PolicyName: grantName }))
        )
      : undefined
  ])
  if (!role?.Role) return undefined
  const { Arn, Path, Description, PermissionsBoundary, Tags, AssumeRolePolicyDocument } = role.Role
  return {
    arn: Arn ?? '',
    path: Path ?? '/',
    description: Description,
    permissionsBoundary: PermissionsBoundary?.PermissionsBoundaryArn,
    tags: Object.fromEntries((Tags ?? []).map(t => [t.Key ?? '', t.Value ?? ''])),
    trustPolicy: decode(`the trust policy of role ${RoleName}`, AssumeRolePolicyDocument),
    grant: grant?.PolicyDocument
      ? decode(`policy ${grantName} of role ${RoleName}`, grant.PolicyDocument)
      : undefined
  }
}

function decode(what: string, text: string | undefined): PolicyDocument {
  try {
    return parsePolicyDocument(text ?? '')
  } catch (error) {
    throw new Error(`Cannot parse ${what}: ${(error as Error).message}`)
  }
}
