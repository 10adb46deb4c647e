// Who is calling: the access key id in the SigV4 scope names a session issued by AssumeRole, an
// identity configured for the emulator, or (any other key) the default caller. Signatures are not
// checked: this is a test double, not a security boundary.
import { ServiceError } from '../protocols/errors.js'
import { stableUserId } from '../core/ids.js'
import type { Principal } from '../iam/evaluation.js'
import type { EmulatorContext } from '../core/context.js'

/** `aws:PrincipalType`'s values for the callers the emulator knows (IAM User Guide, policy
 *  variables, "Principal key values"): the root user, an IAM user, a federated user, a session. */
export type PrincipalType = 'Account' | 'User' | 'FederatedUser' | 'AssumedRole'

export interface Caller {
  arn: string
  account: string
  userId: string
  principalType: PrincipalType
  principal: Extract<Principal, { kind: 'AWS' }>
}

function principalTypeOf(arn: string): PrincipalType {
  const resource = arn.split(':')[5] ?? ''
  if (resource === 'root') return 'Account'
  if (resource.startsWith('federated-user/')) return 'FederatedUser'
  return 'User'
}

export function accountOf(arn: string): string {
  return arn.split(':')[4] ?? ''
}

/** The role ARN behind an assumed-role session ARN (the role's path is not in it). */
function roleArnOfSession(sessionArn: string): string {
  const [, roleName] = sessionArn.split(':')[5].split('/')
  return `arn:aws:iam::${accountOf(sessionArn)}:role/${roleName}`
}

function callerFromArn(arn: string, sessionName: string): Caller {
  const account = accountOf(arn)
  const resource = arn.split(':')[5] ?? ''
  if (resource.startsWith('role/')) {
    const roleName = resource.split('/').pop()
    const sessionArn = `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`
    return fromSession(
      sessionArn,
      arn,
      `${stableUserId(arn).replace('AIDA', 'AROA')}:${sessionName}`
    )
  }
  if (resource.startsWith('assumed-role/')) {
    const session = resource.split('/')[2]
    return fromSession(
      arn,
      roleArnOfSession(arn),
      `${stableUserId(arn).replace('AIDA', 'AROA')}:${session}`
    )
  }
  return {
    arn,
    account,
    userId: stableUserId(arn),
    principalType: principalTypeOf(arn),
    principal: { kind: 'AWS', account, arns: [arn] }
  }
}

function fromSession(sessionArn: string, roleArn: string, userId: string): Caller {
  const account = accountOf(sessionArn)
  return {
    arn: sessionArn,
    account,
    userId,
    principalType: 'AssumedRole',
    principal: { kind: 'AWS', account, arns: [sessionArn, roleArn] }
  }
}

export function callerOf(ctx: EmulatorContext, accessKeyId: string | undefined): Caller {
  const session = accessKeyId ? ctx.state.sts.sessions.get(accessKeyId) : undefined
  if (session) {
    if (session.expiresAt <= ctx.now()) {
      throw new ServiceError(
        403,
        'ExpiredToken',
        'The security token included in the request is expired'
      )
    }
    return fromSession(
      session.assumedRoleArn,
      session.roleArn,
      `${session.roleId}:${session.sessionName}`
    )
  }
  const configured = accessKeyId ? ctx.config.identities.get(accessKeyId) : undefined
  return callerFromArn(configured ?? ctx.config.callerArn, accessKeyId ?? 'emulator')
}
