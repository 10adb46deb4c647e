// STS's rules, with no HTTP: who may assume a role (its trust policy, evaluated with the request
// context IAM builds for the caller) and the session that AssumeRole issues.
import type { EmulatorContext } from '../core/context.js'
import { secretKey, uniqueId } from '../core/ids.js'
import { type Principal, evaluate, statementsOf } from '../iam/evaluation.js'
import { roleByArn } from '../iam/model.js'
import { visibleDocuments } from '../iam/propagation.js'
import type { Role } from '../iam/state.js'
import { ServiceError } from '../protocols/errors.js'
import { validationError } from '../protocols/query.js'
import type { Caller } from './identity.js'
import { type RequestContext, principalContext, requestContext } from './request-context.js'
import type { Session } from './state.js'

/** Whether the role's trust policy, as reads see it now, lets `principal` assume the role with
 *  this request context (see request-context.ts). */
export function trustAllows(
  ctx: EmulatorContext,
  role: Role,
  principal: Principal,
  context: RequestContext
): boolean {
  const trust = evaluate(statementsOf([visibleDocuments(ctx, role).assumeRolePolicy]), {
    principal,
    action: 'sts:AssumeRole',
    resource: role.arn,
    context
  })
  return trust.decision === 'allowed'
}

export function checkSessionName(sessionName: string): void {
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw validationError(
      `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`
    )
  }
}

export interface AssumeRoleInput {
  roleArn: string
  /** Checked by the caller (see checkSessionName), before the caller's identity. */
  sessionName: string
  /** As sent (a string), checked against the role's maximum. */
  durationSeconds?: string
  externalId?: string
}

/** The session, with the credentials that are shown once and not kept. */
export function assumeRole(ctx: EmulatorContext, caller: Caller, input: AssumeRoleInput) {
  const { roleArn, sessionName } = input
  const duration = Number(input.durationSeconds ?? 3600)
  const denied = new ServiceError(
    403,
    'AccessDenied',
    `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`
  )
  // A role that does not exist (or has not propagated yet) is denied like an untrusting one.
  const role = roleByArn(ctx, roleArn)
  if (!role || role.visibleAt > ctx.now()) throw denied
  if (!Number.isInteger(duration) || duration < 900 || duration > role.maxSessionDuration) {
    throw validationError(
      `Value '${input.durationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and ${role.maxSessionDuration}`
    )
  }
  const context = { ...requestContext(ctx.now()), ...principalContext(caller) }
  if (input.externalId !== undefined) context['sts:ExternalId'] = input.externalId
  if (!trustAllows(ctx, role, caller.principal, context)) throw denied

  const session: Session = {
    accessKeyId: uniqueId('ASIA'),
    roleArn: role.arn,
    roleId: role.roleId,
    sessionName,
    assumedRoleArn: `arn:aws:sts::${ctx.config.accountId}:assumed-role/${role.name}/${sessionName}`,
    expiresAt: ctx.now() + duration * 1000
  }
  ctx.state.sts.sessions.set(session.accessKeyId, session)
  return { session, secretAccessKey: secretKey(), sessionToken: secretKey() + secretKey() }
}
