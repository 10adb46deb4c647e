// STS over the Query protocol: who am I, and AssumeRole gated by the role's trust policy.
// https://docs.aws.amazon.com/STS/latest/APIReference/
import { ServiceError } from '../protocols/errors.js'
import { secretKey, uniqueId } from '../core/ids.js'
import { visibleDocuments } from '../iam/propagation.js'
import { callerOf } from './identity.js'
import { evaluate, statementsOf } from '../iam/policy.js'
import { required } from '../protocols/query.js'
import { queryService } from '../protocols/query-service.js'

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/'

function validationError(message: string): ServiceError {
  return new ServiceError(400, 'ValidationError', `1 validation error detected: ${message}`)
}

export const stsService = queryService(STS_NAMESPACE, '2011-06-15', {
  GetCallerIdentity(_params, ctx, req) {
    const caller = callerOf(ctx, req.accessKeyId)
    return { Arn: caller.arn, UserId: caller.userId, Account: caller.account }
  },

  AssumeRole(params, ctx, req) {
    const roleArn = required(params, 'RoleArn')
    const sessionName = required(params, 'RoleSessionName')
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      throw validationError(
        `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`
      )
    }
    const duration = Number(params.get('DurationSeconds') ?? 3600)
    const caller = callerOf(ctx, req.accessKeyId)
    const denied = new ServiceError(
      403,
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`
    )
    // A role that does not exist (or has not propagated yet) is denied like an untrusting one.
    const role = [...ctx.state.iam.roles.values()].find(r => r.arn === roleArn)
    if (!role || role.visibleAt > ctx.now()) throw denied
    if (!Number.isInteger(duration) || duration < 900 || duration > role.maxSessionDuration) {
      throw validationError(
        `Value '${params.get('DurationSeconds')}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and ${role.maxSessionDuration}`
      )
    }
    const externalId = params.get('ExternalId')
    const context: Record<string, string> = {
      'aws:PrincipalArn': caller.principal.arns.at(-1)!,
      'aws:PrincipalAccount': caller.account
    }
    if (externalId !== undefined) context['sts:ExternalId'] = externalId
    const trust = evaluate(statementsOf([visibleDocuments(ctx, role).assumeRolePolicy]), {
      principal: caller.principal,
      action: 'sts:AssumeRole',
      resource: role.arn,
      context
    })
    if (trust.decision !== 'allowed') throw denied

    const accessKeyId = uniqueId('ASIA')
    const expiresAt = ctx.now() + duration * 1000
    const assumedRoleArn = `arn:aws:sts::${ctx.config.accountId}:assumed-role/${role.name}/${sessionName}`
    ctx.state.sts.sessions.set(accessKeyId, {
      accessKeyId,
      roleArn: role.arn,
      roleId: role.roleId,
      sessionName,
      assumedRoleArn,
      expiresAt
    })
    return {
      Credentials: {
        AccessKeyId: accessKeyId,
        SecretAccessKey: secretKey(),
        SessionToken: secretKey() + secretKey(),
        Expiration: new Date(expiresAt)
      },
      AssumedRoleUser: { AssumedRoleId: `${role.roleId}:${sessionName}`, Arn: assumedRoleArn }
    }
  }
})
