// IAM write failures: the advice names the input really at fault.
import { MalformedPolicyDocumentException } from '@aws-sdk/client-iam'
import { iamFailure } from '../../src/role/errors.js'
import type { DesiredRole } from '../../src/role/plan.js'

const OURS = 'arn:aws:iam::623947394061:role/ibm-apiconnect-us-east-a'
const desired = { name: 'apic-invoke-orders', trust: { principalArn: OURS } } as DesiredRole
const malformed = (principal: string) =>
  new MalformedPolicyDocumentException({
    message: `Invalid principal in policy: "AWS":"${principal}"`,
    $metadata: {}
  })

test('a bad principal that the action wrote points to api-connect-role-arn', () => {
  expect(iamFailure('UpdateAssumeRolePolicy', desired, malformed(OURS)).message).toMatch(
    /check api-connect-role-arn/
  )
})

test('a bad principal in a statement the action kept is the role’s, not an input’s', () => {
  const message = iamFailure(
    'UpdateAssumeRolePolicy',
    desired,
    malformed('arn:aws:iam::111122223333:role/deleted')
  ).message
  expect(message).toContain(
    "IAM refuses arn:aws:iam::111122223333:role/deleted, named by a statement of the role's trust policy that this action did not write"
  )
  expect(message).not.toContain('api-connect-role-arn')
})
