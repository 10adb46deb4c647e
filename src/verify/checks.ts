// The STS dry run's decisions, pure: which requests to put to the role's trust policy, what IAM
// must answer for each, and how an answer becomes a check in the report.
import { evaluateIdentityPolicies, evaluateResourcePolicy } from '../iam-policy/evaluate.js'
import type { Decision, NamedPolicy, PolicyDocument, Request } from '../iam-policy/types.js'

/**
 * pass and fail: decided. undecided: a core check whose answer could not be decided (it never
 * counts as passed). not-checked: an optional extra that could not run.
 */
export type CheckStatus = 'pass' | 'fail' | 'undecided' | 'not-checked'

/** The `verified` output: `true` only when every check ran and passed. */
export type Verified = 'true' | 'false' | 'undecided' | 'incomplete' | 'skipped'

export interface Check {
  name: string
  expected: string
  actual: string
  status: CheckStatus
  /** How the answer was obtained, e.g. "local evaluation of the trust policy as IAM stores it". */
  method: string
}

// Values no real caller has: another org's id and an account that is neither the user's nor IBM's.
export const OTHER_EXTERNAL_ID = '00000000-0000-4000-8000-000000000000'
export const OTHER_PRINCIPAL = 'arn:aws:iam::210987654321:role/not-api-connect'

interface Probe {
  name: string
  request: Request
  mustBe: 'allowed' | 'denied'
}

/** The request API Connect makes, and the ones that must fail (the confused-deputy probes). */
export function trustProbes(principalArn: string, externalId: string): Probe[] {
  const assume = (principal: string | undefined, id: string | undefined): Request => ({
    ...(principal ? { principal: { AWS: principal } } : {}),
    action: 'sts:AssumeRole',
    context: id ? { 'sts:ExternalId': id } : {}
  })
  return [
    {
      name: 'API Connect can assume the role',
      request: assume(principalArn, externalId),
      mustBe: 'allowed'
    },
    {
      name: 'No external ID is refused',
      request: assume(principalArn, undefined),
      mustBe: 'denied'
    },
    {
      name: "Another org's external ID is refused",
      request: assume(principalArn, OTHER_EXTERNAL_ID),
      mustBe: 'denied'
    },
    {
      name: 'Another principal is refused',
      request: assume(OTHER_PRINCIPAL, externalId),
      mustBe: 'denied'
    },
    {
      name: 'Anonymous callers are refused',
      request: assume(undefined, externalId),
      mustBe: 'denied'
    }
  ]
}

export function checkFrom(
  name: string,
  mustBe: 'allowed' | 'denied',
  decision: Decision,
  method: string,
  why = ''
): Check {
  const denied = decision === 'explicit-deny' || decision === 'implicit-deny'
  const pass = mustBe === 'allowed' ? decision === 'allowed' : denied
  return {
    name,
    expected: mustBe,
    actual: why ? `${decision}: ${why}` : decision,
    status: pass ? 'pass' : 'fail',
    method
  }
}

export function trustChecks(
  trust: PolicyDocument,
  principalArn: string,
  externalId: string,
  method: string
): Check[] {
  return trustProbes(principalArn, externalId).map(probe => {
    const evaluation = evaluateResourcePolicy(trust, probe.request)
    return checkFrom(probe.name, probe.mustBe, evaluation.decision, method, evaluation.reason)
  })
}

/** `lambda:InvokeFunction` on each ARN, evaluated locally over the role's policies. */
export function localInvokeChecks(
  roleArn: string,
  policies: NamedPolicy[],
  boundary: NamedPolicy | undefined,
  resources: string[],
  method: string
): Check[] {
  return resources.map(resource => {
    const evaluation = evaluateIdentityPolicies(
      { policies, boundary },
      { principal: { AWS: roleArn }, action: 'lambda:InvokeFunction', resource }
    )
    return checkFrom(
      invokeCheckName(resource),
      'allowed',
      evaluation.decision,
      method,
      evaluation.reason
    )
  })
}

export const invokeCheckName = (resource: string): string => `Role may invoke ${resource}`

/** A missing role fails every check that needs it, with the reason. */
export function missingRoleChecks(
  principalArn: string,
  externalId: string,
  resources: string[],
  why: string
): Check[] {
  const names = [
    ...trustProbes(principalArn, externalId).map(p => [p.name, p.mustBe] as const),
    ...resources.map(r => [invokeCheckName(r), 'allowed'] as const)
  ]
  return names.map(([name, expected]) => ({
    name,
    expected,
    actual: why,
    status: 'fail',
    method: 'GetRole'
  }))
}

export const withStatus = (checks: Check[], status: CheckStatus): Check[] =>
  checks.filter(c => c.status === status)

/** A failed check makes `false`; else an undecided one `undecided`; else an extra not run `incomplete`. */
export function verdictOf(checks: Check[]): Exclude<Verified, 'skipped'> {
  if (withStatus(checks, 'fail').length) return 'false'
  if (withStatus(checks, 'undecided').length) return 'undecided'
  if (withStatus(checks, 'not-checked').length) return 'incomplete'
  return 'true'
}
