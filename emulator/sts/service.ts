// STS over the Query protocol: who am I, and AssumeRole gated by the role's trust policy. Each
// handler parses the parameters, lets the model decide, and renders the answer.
// https://docs.aws.amazon.com/STS/latest/APIReference/
import { required } from '../protocols/query.js'
import { queryService } from '../protocols/query-service.js'
import { callerOf } from './identity.js'
import { assumeRole, checkSessionName } from './model.js'

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/'

export const stsService = queryService(STS_NAMESPACE, '2011-06-15', {
  GetCallerIdentity(_params, ctx, req) {
    const caller = callerOf(ctx, req.accessKeyId)
    return { Arn: caller.arn, UserId: caller.userId, Account: caller.account }
  },

  AssumeRole(params, ctx, req) {
    const roleArn = required(params, 'RoleArn')
    const sessionName = required(params, 'RoleSessionName')
    checkSessionName(sessionName)
    const { session, secretAccessKey, sessionToken } = assumeRole(
      ctx,
      callerOf(ctx, req.accessKeyId),
      {
        roleArn,
        sessionName,
        durationSeconds: params.get('DurationSeconds'),
        externalId: params.get('ExternalId')
      }
    )
    return {
      Credentials: {
        AccessKeyId: session.accessKeyId,
        SecretAccessKey: secretAccessKey,
        SessionToken: sessionToken,
        Expiration: new Date(session.expiresAt)
      },
      AssumedRoleUser: {
        AssumedRoleId: `${session.roleId}:${session.sessionName}`,
        Arn: session.assumedRoleArn
      }
    }
  }
})
