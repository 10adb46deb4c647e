// The STS dry run's decisions, pure: who can assume the role (decided over the whole request
// space by iam-policy/who-can-assume.ts, not over samples), whether the role may invoke the
// function, and how each answer becomes a check in the report.
import {
  decideInvoke,
  type Decision,
  describeWayIn,
  type InvokeQuestion,
  type NamedPolicy,
  type PolicyDocument,
  trustVerdict,
  type WayIn,
  whoCanAssume
} from '../iam-policy/index.js'
import { PUBLISHED_PRINCIPALS, regionOfPrincipal } from '../inputs/api-connect-regions.js'

/**
 * pass and fail: decided. undecided: a core check whose answer could not be decided (it never
 * counts as passed). not-checked: an optional extra that could not run.
 */
type CheckStatus = 'pass' | 'fail' | 'undecided' | 'not-checked'

/** The `verified` output: `true` only when every check ran and passed. */
export type Verified = 'true' | 'false' | 'undecided' | 'incomplete' | 'skipped'

export interface Check {
  name: string
  expected: string
  actual: string
  status: CheckStatus
  /** How the answer was obtained, e.g. "local evaluation of the trust policy as IAM stores it". */
  method: string
  /** For the trust analysis: every way in other than API Connect's, accepted ones included. */
  waysIn?: WayIn[]
}

/** What the trust policy is asked: IBM's principal with this org's ID, and nobody else. */
export interface TrustQuestion {
  principalArn: string
  externalId: string
  /** The role whose trust policy it is: its account and partition. */
  roleArn: string
  /** Principals the user declared in accepted-principals. */
  accepted: readonly string[]
  now: Date
}

export const CAN_ASSUME = 'API Connect can assume the role'
export const NOBODY_ELSE = 'Nobody else can assume the role'
export const ONLY_INVOKE = 'The role can do nothing but invoke'
export const ONLY_INVOKE_EXPECTED =
  'no action but lambda:InvokeFunction, lambda:InvokeAsync, lambda:InvokeFunctionUrl'
const NO_OTHER_WAY = 'no other way in'

export function trustChecks(
  trust: PolicyDocument,
  question: TrustQuestion,
  method: string
): Check[] {
  const { principalArn, externalId, roleArn, accepted, now } = question
  const analysis = whoCanAssume(
    trust,
    { principalArn, externalId },
    { roleArn, now, accepted, apiConnectPrincipals: PUBLISHED_PRINCIPALS }
  )
  const { target, waysIn, undecided } = analysis
  const { failing } = trustVerdict(analysis)
  const declared = waysIn.filter(way => way.accepted)
  const declaredText = declared.length
    ? `; declared in accepted-principals: ${declared.map(describeWayIn).join('; ')}`
    : ''
  return [
    {
      name: CAN_ASSUME,
      expected: 'allowed',
      actual:
        target.decision === 'allowed'
          ? `allowed${regionsText(principalArn, waysIn)}`
          : `${target.decision}: ${target.reason}`,
      status: { allowed: 'pass', denied: 'fail', 'cannot-evaluate': 'undecided' }[
        target.decision
      ] as CheckStatus,
      method
    },
    {
      name: NOBODY_ELSE,
      expected: NO_OTHER_WAY,
      actual: failing.length
        ? `${failing.map(describeWayIn).join('; ')}. ${advice(failing)}${declaredText}`
        : undecided.length
          ? `cannot evaluate: ${undecided.join('; ')}${declaredText}`
          : `${NO_OTHER_WAY}${declaredText}`,
      status: failing.length ? 'fail' : undecided.length ? 'undecided' : 'pass',
      method,
      ...(waysIn.length ? { waysIn } : {})
    }
  ]
}

/**
 * Each API Connect region that can assume the role, when more than this run's: one role may serve
 * several regions, each through its published principal with this org's external ID.
 */
function regionsText(principalArn: string, waysIn: WayIn[]): string {
  const others = waysIn
    .filter(way => way.apiConnect)
    .map(way => regionOfPrincipal(way.principal) ?? way.principal)
  if (!others.length) return ''
  const own = regionOfPrincipal(principalArn) ?? principalArn
  const regions = [...new Set([`${own} (this run's)`, ...others])]
  return `; API Connect regions that can assume the role with this org's external ID: ${regions.join(', ')}`
}

/** What to do about the ways in that fail. */
function advice(failing: WayIn[]): string {
  const ibm = failing.some(way => way.ibmOtherExternalId)
  const others = failing.some(way => !way.ibmOtherExternalId)
  return [
    ibm &&
      "Remove the statements that let IBM's principal in with another or no external ID: a role trusts one provider org per API Connect principal.",
    others &&
      'Remove the other statements (or principals), or list the principals the role trusts on purpose in accepted-principals.'
  ]
    .filter(Boolean)
    .join(' ')
}

/** What the invoke decision knows beside the role's policies (see iam-policy/invoke-decision.ts). */
export type InvokeKnown = Pick<InvokeQuestion, 'region' | 'resourceTags' | 'principalTags'> & {
  /** Each resource's function policy (undefined: none). */
  functionPolicies?: ReadonlyMap<string, PolicyDocument | undefined>
}

/**
 * `lambda:InvokeFunction` on each ARN, evaluated locally over the role's policies for every value
 * of the keys the runner cannot know.
 */
export function localInvokeChecks(
  roleArn: string,
  policies: NamedPolicy[],
  boundary: NamedPolicy | undefined,
  resources: string[],
  method: string,
  now: Date,
  known: InvokeKnown = {}
): Check[] {
  const { functionPolicies, ...keys } = known
  return resources.map(resource => {
    const functionPolicy = functionPolicies?.get(resource)
    const evaluation = decideInvoke(
      { policies, boundary, ...(functionPolicy ? { functionPolicy } : {}) },
      { roleArn, resource, now, ...keys }
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
    status: decision === 'cannot-evaluate' ? 'undecided' : pass ? 'pass' : 'fail',
    method
  }
}

export const invokeCheckName = (resource: string): string => `Role may invoke ${resource}`

/**
 * Every check that needs the role, when it cannot be read: failed when it does not exist,
 * undecided when it could not be read.
 */
export function roleUnreadChecks(
  resources: string[],
  why: string,
  status: 'fail' | 'undecided'
): Check[] {
  const names = [
    [CAN_ASSUME, 'allowed'],
    [NOBODY_ELSE, NO_OTHER_WAY],
    ...resources.map(r => [invokeCheckName(r), 'allowed']),
    [ONLY_INVOKE, ONLY_INVOKE_EXPECTED]
  ]
  return names.map(([name, expected]) => ({
    name: name!,
    expected: expected!,
    actual: why,
    status,
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
