// Whether IBM's session can carry session tags, which would replace the role's own tags as
// aws:PrincipalTag/* ("Session tags override a role's tags with the same key": IAM User Guide,
// Passing session tags in AWS STS). Passing session tags needs sts:TagSession in the role's trust
// policy (same page), so the role's tags are the session's only when no Allow statement of the
// trust policy could grant IBM's role sts:TagSession.
import { statementOutcomes } from './evaluate.js'
import { isUnknown } from './logic.js'
import type { PolicyDocument } from './types.js'

export function sessionTagsPossible(trust: PolicyDocument, principalArn: string): boolean {
  const session = principalArn
    .replace(':iam::', ':sts::')
    .replace(/:role\/(?:.*\/)?/, ':assumed-role/')
  const outcomes = statementOutcomes(trust, {
    principal: { AWS: `${session}/session` },
    action: 'sts:TagSession'
  })
  if (isUnknown(outcomes)) return true
  return outcomes.some(o => o.effect !== 'Deny' && o.principal !== false && o.action !== false)
}
