// The IAM documents the end-to-end tests seed and expect: API Connect's trust statement and the
// grant the action writes, built one way for every file.
import { createHash } from 'node:crypto'
import { IBM_US_EAST, ORG } from '../../harness/constants.js'

/** A policy document holding the given statements. */
export const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement })

/** The Sid the action gives its statement for a principal: ApiConnect + sha256(principal). */
export const apiConnectSid = (principal: string): string =>
  `ApiConnect${createHash('sha256').update(principal).digest('hex').slice(0, 8)}`

/** The trust statement API Connect needs: IBM's principal, only with the provider org's external ID. */
export const apiConnectStatement = (
  principal = IBM_US_EAST,
  org = ORG,
  sid = apiConnectSid(principal)
) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { AWS: principal },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': org } }
})

/** The inline policy the action writes: invoke this function and its versions and aliases only. */
export const invokeGrant = (functionArn: string) =>
  policy({
    Sid: 'ApiConnectInvokeFunction',
    Effect: 'Allow',
    Action: 'lambda:InvokeFunction',
    Resource: [functionArn, `${functionArn}:*`]
  })
