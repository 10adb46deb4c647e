// IAM write failures in words that say what to do, and the errors that mean another run changed
// the role between our read and our write.
//
// Errors are told apart by the SDK's name: `<Code>Exception` for the errors IAM's model lists
// (NoSuchEntity, LimitExceeded…), the code itself for the others (AccessDenied, Throttling).
import { errorName } from '../aws/retry.js'
import type { DesiredRole } from './plan.js'

/** Another run created or changed the role between our read and our write. */
export const lostRace = (error: unknown): boolean =>
  ['EntityAlreadyExistsException', 'ConcurrentModificationException'].includes(
    errorName(error) ?? ''
  )

/** An IAM write failure, in words that say what to do. */
export function iamFailure(operation: string, desired: DesiredRole, error: unknown): Error {
  const code = errorName(error) ?? 'Error'
  const message = ((error as Error)?.message ?? String(error)).replace(/\.$/, '')
  const role = `role ${desired.name}`
  const quota: Record<string, string> = {
    CreateRole: `The account has reached IAM's quota of roles (${message}). Delete unused roles, ask AWS for a higher "Roles per account" quota, or point role-name at an existing role.`,
    PutRolePolicy: `The inline policies of ${role} would exceed IAM's quota (${message}): the role serves too many functions. Give this function its own role with role-name.`,
    UpdateAssumeRolePolicy: `The trust policy of ${role} would exceed IAM's quota (${message}). Remove unused statements, choose another role-name, or ask AWS for a higher "Role trust policy length" quota.`,
    TagRole: `${role} would exceed IAM's limit of 50 tags (${message}).`
  }
  let advice = ''
  if (code === 'AccessDenied')
    advice = ` The workflow's credentials need iam:${operation} on ${role}; or let someone else manage the role and set manage-role: false.`
  else if (code === 'LimitExceededException' && quota[operation])
    return new Error(`${operation} on ${role} failed: ${quota[operation]}`)
  else if (code === 'MalformedPolicyDocumentException' && /principal/i.test(message))
    advice = ` IAM refuses a principal that does not exist: check api-connect-role-arn (or api-connect-region); ${desired.trust.principalArn} must be an existing role.`
  else if (code === 'UnmodifiableEntityException')
    advice = ' The role is protected (a service-linked role?); choose another role-name.'
  return new Error(`${operation} on ${role} failed: ${code}: ${message}.${advice}`)
}
