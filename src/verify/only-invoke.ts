// The third trust question: the role can do nothing but invoke Lambda functions. Its identity
// policies as read (or as planned), decided over every action and resource by
// iam-policy/only-invoke.ts; a role that can do more hands whoever assumes it those powers.
import { canOnlyInvoke, INVOKE_ACTIONS, type NamedPolicy } from '../iam-policy/index.js'
import { type Check, ONLY_INVOKE, ONLY_INVOKE_EXPECTED } from './checks.js'

export interface IdentityPolicies {
  policies: NamedPolicy[]
  boundary?: NamedPolicy
}

export function onlyInvokeCheck(
  read: IdentityPolicies | { error: string },
  roleArn: string,
  method: string
): Check {
  const check = { name: ONLY_INVOKE, expected: ONLY_INVOKE_EXPECTED, method }
  if ('error' in read) {
    return {
      ...check,
      actual: `cannot evaluate: the role's policies could not be read (${read.error})`,
      status: 'undecided'
    }
  }
  const analysis = canOnlyInvoke(read, { roleArn })
  const statements = analysis.beyond
    .map(
      b =>
        `"${b.statement}" allows ${b.actions.join(', ')}${b.conditional ? ' (under its condition)' : ''}`
    )
    .join('; ')
  if (analysis.decision === 'more') {
    return {
      ...check,
      actual: `${statements}. Detach or narrow these policies: the role API Connect assumes needs only ${INVOKE_ACTIONS[0]} on its functions.`,
      status: 'fail'
    }
  }
  if (analysis.decision === 'cannot-evaluate') {
    const why = analysis.undecided.join('; ')
    return {
      ...check,
      actual: `cannot evaluate: ${why}${statements ? ` (${statements})` : ''}`,
      status: 'undecided'
    }
  }
  const boundary = read.boundary ? ', within the permissions boundary' : ''
  return {
    ...check,
    actual: `nothing but invoke (${read.policies.length} ${read.policies.length === 1 ? 'policy' : 'policies'}${boundary})`,
    status: 'pass'
  }
}
