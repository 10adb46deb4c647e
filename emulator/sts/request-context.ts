// The request context IAM builds for a call, so that a trust policy's conditions on these keys are
// answered as IAM answers them (IAM User Guide, "AWS global condition context keys"):
// - aws:CurrentTime, aws:EpochTime: "always included in the request context";
// - aws:SecureTransport: whether the request came over TLS. STS's endpoints are HTTPS only, so the
//   emulator (plain HTTP on loopback) answers as the real service would: true;
// - aws:PrincipalType (Account, User, FederatedUser, AssumedRole: "Principal key values" in the
//   policy variables page), aws:PrincipalArn (for a role session, the role's ARN, not the
//   session's) and aws:PrincipalAccount, for a call signed by an AWS principal.
// Keys the emulator cannot know (aws:SourceIp, aws:PrincipalOrgID, aws:PrincipalTag/*, MFA...) are
// absent, as they are for a caller without them.
import type { Caller } from './identity.js'

export type RequestContext = Record<string, string>

/** The keys of any request, whoever makes it. */
export function requestContext(now: number): RequestContext {
  return {
    'aws:SecureTransport': 'true',
    'aws:CurrentTime': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(now / 1000))
  }
}

/** The keys about an AWS principal that signed the request. */
export function principalContext(caller: Caller): RequestContext {
  return {
    'aws:PrincipalType': caller.principalType,
    'aws:PrincipalArn': caller.principal.arns.at(-1)!,
    'aws:PrincipalAccount': caller.account
  }
}
