// The STS dry run (README, "What the STS dry run proves"): prove from the runner what can be proven about API Connect
// assuming the role and invoking the function. Reads only; the decisions live in checks.ts.
//
// Every AWS failure here becomes a check (failed, or "not checked" for the optional extras) rather
// than an exception: the run must still set its outputs and write its summary.
import { describeError } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { type NamedPolicy, type PolicyDocument, sessionTagsPossible } from '../iam-policy/index.js'
import type { RoleOutcome } from '../role/apply.js'
import { readRole, type LiveRole } from '../role/read.js'
import {
  type Check,
  checkFrom,
  invokeCheckName,
  type InvokeKnown,
  localInvokeChecks,
  roleUnreadChecks,
  trustChecks,
  type TrustQuestion,
  withStatus
} from './checks.js'
import { probeSelfAssume, validateTrust } from './extras.js'
import { type FunctionPolicies, functionTagsFor, readFunctionPolicies } from './function-facts.js'
import { unboundFederations } from './federations.js'
import { secondOpinion } from './second-opinion.js'
import { invokeChecks, readIdentityPolicies, readManagedPolicy } from './invoke.js'
import { type IdentityPolicies, onlyInvokeCheck } from './only-invoke.js'
import { settled } from './settled.js'

export async function verify(
  ctx: RunContext,
  role: RoleOutcome,
  aliasArn?: string,
  planned?: PlannedRoleAnalysis
): Promise<Check[]> {
  const { settings, identity } = ctx
  const resources = [ctx.functionArn, ...(aliasArn ? [aliasArn] : [])]
  const checks: Check[] = [
    {
      name: 'The credentials work',
      expected: settings.expectedAccountId
        ? `account ${settings.expectedAccountId}`
        : 'an identity',
      actual: identity.arn,
      status: 'pass',
      method: 'sts:GetCallerIdentity'
    }
  ]

  // The function's own policies, read once while the role is looked at.
  const functionPolicies = readFunctionPolicies(ctx, resources)
  // A dry run checks the planned documents. A role managed elsewhere gets no write, dry run or
  // not: its live documents are the planned ones, so it is read below.
  if (settings.dryRun && settings.role.manage)
    return [
      ...checks,
      ...(await plannedChecks(ctx, role, resources, await functionPolicies, planned))
    ]

  // IAM is eventually consistent: a role written seconds ago may not read back as written yet.
  const roleChanged =
    !settings.dryRun && settings.role.manage && role.changes.some(c => c.action !== 'unchanged')
  // The role's policies are read once, for the third question and a local invoke answer alike.
  const reads = new Map<string, Promise<IdentityPolicies>>()
  // Read just before the writes (pre-write.ts), which wrote only this run's statement and grant:
  // the planned documents are the role's, and IAM is not asked for them again.
  if (planned && !('error' in planned.policies))
    reads.set(planned.boundaryArn ?? '', Promise.resolve(planned.policies))
  const grant = knownGrant(ctx, role)
  const policiesOf = (boundaryArn: string | undefined) => () => {
    const key = boundaryArn ?? ''
    if (!reads.has(key)) reads.set(key, readPolicies(ctx, boundaryArn, grant, role.grantPolicyName))
    return reads.get(key)!
  }
  const invokeAbout = (live: LiveRole) =>
    invokeChecks(ctx, live.arn || ctx.roleArn, live.permissionsBoundary, resources, roleChanged, {
      functionPolicies,
      principalTags: sessionTagsPossible(live.trustPolicy, settings.apiConnect.principalArn)
        ? undefined
        : live.tags,
      identityPolicies: policiesOf(live.permissionsBoundary)
    })
  // The invoke question about the role as last read goes out first, and IAM answers it while the
  // trust policy is analysed (CPU-bound, some 10 ms).
  const last = role.live
  const asked = last && invokeAbout(last)
  asked?.catch(() => undefined) // awaited below, unless the role turns out unreadable
  // The role's policies are read alongside: the third question needs them whatever IAM answers.
  if (last) policiesOf(last.permissionsBoundary)().catch(() => undefined)
  if (asked) await new Promise(setImmediate)

  const read =
    reusedRead(ctx, role) ??
    (await settled(ctx, 'iam:GetRole', roleChanged, () => askRole(ctx, resources)))
  checks.push(...read.checks)
  const { live } = read
  if (!live) return checks
  warnFederations(ctx, live.trustPolicy)

  const same = live.arn === last?.arn && live.permissionsBoundary === last.permissionsBoundary
  const roleArn = live.arn || ctx.roleArn
  const policies = readOrError(policiesOf(live.permissionsBoundary)())
  checks.push(...(await (asked && same ? asked : invokeAbout(live))))
  checks.push(onlyInvokeCheck(await policies, roleArn, ONLY_INVOKE_METHOD))
  if (settings.validateTrustPolicy) checks.push(await validateTrust(ctx, live.trustPolicy))
  if (settings.accessAnalyzerChecks)
    checks.push(...(await secondOpinion(ctx, live.trustPolicy, checks)))
  if (settings.probeSelfAssume) checks.push(await probeSelfAssume(ctx, roleArn))
  return checks
}

/**
 * This function's grant as the plan read it (null: the plan found none), when this run did not
 * write it since; undefined when it must be read (back) again.
 */
function knownGrant(ctx: RunContext, role: RoleOutcome): NamedPolicy | null | undefined {
  const name = role.grantPolicyName
  const written = role.changes.some(c => c.kind === 'grant' && c.action !== 'unchanged')
  if ((written && ctx.settings.role.manage) || !role.live) return undefined
  return role.live.grant ? { name, document: role.live.grant } : null
}

/** The role's identity policies, all but the grant the run already knows. */
async function readPolicies(
  ctx: RunContext,
  boundaryArn: string | undefined,
  grant: NamedPolicy | null | undefined,
  grantName: string
): Promise<IdentityPolicies> {
  const { name } = ctx.settings.role
  const replaced = grant === undefined ? undefined : grantName
  const read = await readIdentityPolicies(ctx.clients.iam, name, boundaryArn, replaced)
  return grant ? { ...read, policies: [...read.policies, grant] } : read
}

/** A warning for each accepted federation whose statement does not bound the token. */
function warnFederations(ctx: RunContext, trust: PolicyDocument): void {
  for (const warning of unboundFederations(trust, ctx.settings.acceptedPrincipals))
    ctx.log.warning(warning)
}

const ONLY_INVOKE_METHOD =
  "analysis of the role's inline, attached and AWS managed policies (default versions) and its permissions boundary, over every action and resource"

async function readOrError(
  read: Promise<IdentityPolicies>
): Promise<IdentityPolicies | { error: string }> {
  return read.catch((error: unknown) => ({ error: describeError(error) }))
}

const TRUST_METHOD =
  'analysis of the trust policy as IAM stores it, over every principal, external ID and sts:AssumeRole* action'

/** The trust question for this run, about the role at `roleArn` (the live one, when read). */
function question(ctx: RunContext, roleArn = ctx.roleArn): TrustQuestion {
  const { apiConnect, acceptedPrincipals } = ctx.settings
  return {
    principalArn: apiConnect.principalArn,
    externalId: apiConnect.externalId,
    roleArn: roleArn || ctx.roleArn,
    accepted: acceptedPrincipals,
    now: new Date()
  }
}

interface RoleRead {
  live?: LiveRole
  checks: Check[]
}

/**
 * The role as the plan or the wait for a new role last read it, when no write changed its trust
 * policy or boundary since (`RoleOutcome.live`); asked again instead if a trust check fails on it.
 */
function reusedRead(ctx: RunContext, role: RoleOutcome): RoleRead | undefined {
  if (!role.live) return undefined
  const { live } = role
  const checks = trustChecks(live.trustPolicy, question(ctx, live.arn), TRUST_METHOD)
  return withStatus(checks, 'fail').length ? undefined : { live, checks }
}

/** GetRole now: the role's trust checks, or why the role could not be read. */
async function askRole(ctx: RunContext, resources: string[]): Promise<RoleRead> {
  const { name } = ctx.settings.role
  try {
    const live = await readRole(ctx.clients.iam, name)
    if (live)
      return { live, checks: trustChecks(live.trustPolicy, question(ctx, live.arn), TRUST_METHOD) }
    return { checks: roleUnreadChecks(resources, `role ${name} does not exist`, 'fail') }
  } catch (error) {
    const why = `GetRole failed: ${describeError((error as Error).cause ?? error)}`
    return { checks: roleUnreadChecks(resources, why, 'undecided') }
  }
}

/** The role as it will be after the planned writes: what the planned analysis needs of it. */
type PlannedRole = Pick<RoleOutcome, 'trustPolicy' | 'grantPolicyName' | 'grantPolicy' | 'live'>

/** The planned role's trust checks and its identity policies (live ones and the planned grant). */
export interface PlannedRoleAnalysis {
  trust: Check[]
  onlyInvoke: Check
  policies: IdentityPolicies | { error: string }
  /** The boundary the policies were read with (the planned one, else the live one). */
  boundaryArn?: string
}

export const PLANNED_METHOD = 'analysis of the planned documents (dry run)'

/**
 * The planned trust policy, and the planned grant next to what else the role has (its other
 * policies and its planned or current boundary), as IAM will evaluate them after a run: the
 * analysis verification runs, on the documents before any write (pre-write.ts) and in a dry run.
 */
export async function plannedRoleAnalysis(
  ctx: RunContext,
  role: PlannedRole,
  method = PLANNED_METHOD,
  /** The role's policies but the grant, when they were read already (run/early-reads.ts). */
  read?: Promise<NamedPolicy[]>
): Promise<PlannedRoleAnalysis> {
  const { name, permissionsBoundary } = ctx.settings.role
  const grant: NamedPolicy = { name: role.grantPolicyName, document: role.grantPolicy }
  const trust = trustChecks(role.trustPolicy, question(ctx), method)
  try {
    // The plan's read of the role: nothing is written before this, so it is still the role as it is.
    const live = role.live
    const boundaryArn = permissionsBoundary ?? live?.permissionsBoundary
    const current = {
      policies: !live
        ? []
        : read
          ? await read
          : (await readIdentityPolicies(ctx.clients.iam, name, undefined, grant.name)).policies,
      boundary: boundaryArn ? await readManagedPolicy(ctx.clients.iam, boundaryArn) : undefined
    }
    // The planned grant replaces the live one of the same name (not read).
    const policies = { policies: [...current.policies, grant], boundary: current.boundary }
    return {
      trust,
      onlyInvoke: onlyInvokeCheck(policies, ctx.roleArn, method),
      policies,
      boundaryArn
    }
  } catch (error) {
    const read = { error: describeError(error) }
    return { trust, onlyInvoke: onlyInvokeCheck(read, ctx.roleArn, method), policies: read }
  }
}

/** In a dry run: the planned role's analysis (made before the writes, or now) and its invoke checks. */
async function plannedChecks(
  ctx: RunContext,
  role: RoleOutcome,
  resources: string[],
  functionPolicies: FunctionPolicies,
  analysed?: PlannedRoleAnalysis
): Promise<Check[]> {
  const method = PLANNED_METHOD
  const grant: NamedPolicy = { name: role.grantPolicyName, document: role.grantPolicy }
  const now = new Date()
  warnFederations(ctx, role.trustPolicy)
  const { trust, onlyInvoke, policies: read } = analysed ?? (await plannedRoleAnalysis(ctx, role))
  const known = {
    functionPolicies: 'unread' in functionPolicies ? undefined : functionPolicies.byResource,
    region: ctx.settings.region
  }
  // A function policy that could not be read may allow or deny the role: no invoke answer then.
  const invoke = (
    policies: NamedPolicy[],
    boundary: NamedPolicy | undefined,
    how: string,
    all: InvokeKnown
  ) =>
    'unread' in functionPolicies
      ? resources.map(r =>
          checkFrom(
            invokeCheckName(r),
            'allowed',
            'cannot-evaluate',
            how,
            `${functionPolicies.unread}; the function's own policy may allow or deny the role`
          )
        )
      : localInvokeChecks(ctx.roleArn, policies, boundary, resources, how, now, all)
  if ('error' in read) {
    const partial = `${method}; the role's other policies and boundary could not be read (${read.error})`
    return [...trust, ...invoke([grant], undefined, partial, known), onlyInvoke]
  }
  const { policies, boundary } = read
  const documents = [...policies, boundary, ...(known.functionPolicies?.values() ?? [])]
  const all = { ...known, resourceTags: await functionTagsFor(ctx, documents) }
  return [...trust, ...invoke(policies, boundary, method, all), onlyInvoke]
}

/** The dry run in its own log group, a line per check; none when `verify` is off. */
export async function verifyLogged(
  ctx: RunContext,
  role: RoleOutcome,
  aliasArn?: string,
  planned?: PlannedRoleAnalysis
): Promise<Check[]> {
  if (ctx.settings.verify === 'off') return []
  return ctx.log.group('Verify (STS dry run)', async () => {
    const checks = await verify(ctx, role, aliasArn, planned)
    for (const c of checks)
      ctx.log.info(`${c.status.padEnd(11)} ${c.name}: ${c.actual} (${c.method})`)
    return checks
  })
}
