// IAM write failures in words that say what to do, and the errors that mean another run changed
// the role between our read and our write.
//
// Errors are told apart by the SDK's name: `<Code>Exception` for the errors IAM's model lists
// (NoSuchEntity, LimitExceeded…), the code itself for the others (AccessDenied, Throttling).
import { errorName } from '../aws/retry.js'
import { stepText } from '../failure.js'
import { markFailed, StepFailed } from '../failure.js'
import type { RoleChange, RoleStep } from './changes.js'
import type { DesiredRole, RolePlan } from './plan.js'

/** The IAM operation that makes each kind of role change. */
export const ROLE_OPERATION: Record<RoleStep['kind'], string> = {
  role: 'CreateRole',
  trust: 'UpdateAssumeRolePolicy',
  description: 'UpdateRole',
  boundary: 'PutRolePermissionsBoundary',
  tags: 'TagRole',
  grant: 'PutRolePolicy'
}

/**
 * A role branch that failed at `step`: the writes made (`done`, possibly over several rounds), the
 * planned ones not made, and the role's ARN if it exists.
 */
export function roleFailed(
  plan: RolePlan,
  done: RoleChange[],
  step: RoleStep | undefined,
  roleArn: string | undefined,
  error: unknown
): StepFailed {
  const name = plan.desired.name
  const made = new Set(done.map(c => c.kind))
  const rest = plan.changes.filter(c => !made.has(c.kind))
  return new StepFailed(
    step
      ? { operation: `iam:${ROLE_OPERATION[step.kind]}`, resource: `role ${name}` }
      : { doing: `role ${name}` },
    [...done, ...markFailed(rest, () => false)],
    { roleArn },
    error
  )
}

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
  const failed = `${stepText({ operation, resource: role })} failed`
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
    return new Error(`${failed}: ${quota[operation]}`)
  else if (code === 'MalformedPolicyDocumentException' && /principal/i.test(message))
    advice = principalAdvice(message, desired.trust.principalArn)
  else if (code === 'UnmodifiableEntityException')
    advice = ' The role is protected (a service-linked role?); choose another role-name.'
  return new Error(`${failed}: ${code}: ${message}.${advice}`)
}

/**
 * IAM refuses a trust policy naming a principal that does not exist. The fault is the input only
 * when the principal IAM names is the one the action wrote; a principal in a statement the action
 * kept from the role as it was is the role's own.
 */
function principalAdvice(message: string, ours: string): string {
  const named = /arn:aws[\w-]*:(iam|sts)::\d{12}:[^\s"',}]+/.exec(message)?.[0]
  if (named && named !== ours)
    return ` IAM refuses ${named}, named by a statement of the role's trust policy that this action did not write: fix or remove that statement in the role, then run the job again.`
  return ` IAM refuses a principal that does not exist: check api-connect-role-arn (or api-connect-region); ${ours} must be an existing role.`
}
