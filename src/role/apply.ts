// Ensures the role that API Connect assumes: planRole reads (GetRole, GetRolePolicy), decideRole
// turns what IAM shows into the writes needed, applyRole makes them. The documents themselves
// come from role/documents.ts.
//
// Matrix jobs for several functions may share one role and run at once. Jobs for the same IBM
// principal write the same trust statement (same Sid, same content) and each its own inline grant,
// so read-merge-write races converge; a CreateRole or write that loses a race is answered by
// reading the role again and reconciling. Jobs for two API Connect regions each keep their own
// statement (one per principal), but IAM has no conditional write: two UpdateAssumeRolePolicy
// calls in the same instant, each merged from the same read, can drop one region's statement.
// That job's rerun adds it back without touching the other's.
import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type IAMClient,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  waitUntilRoleExists
} from '@aws-sdk/client-iam'
import type { Change, RunContext } from '../context.js'
import type { PolicyDocument } from '../iam-policy/types.js'
import { log } from '../log.js'
import { parsePolicyDocument } from '../iam-policy/evaluate.js'
import { provenanceTags } from '../provenance.js'
import { errorName } from '../aws/retry.js'
import {
  grantPolicy,
  grantPolicyName,
  mergeTrustPolicy,
  policiesEqual,
  policySize,
  statementsOf,
  TRUST_POLICY_QUOTA,
  trustPolicy,
  type TrustTarget
} from './documents.js'

/** What IAM shows of the role. */
export interface LiveRole {
  arn: string
  path: string
  description?: string
  permissionsBoundary?: string
  tags: Record<string, string>
  trustPolicy: PolicyDocument
  /** This function's grant, when the role has it. */
  grant?: PolicyDocument
}

/** The role as this run wants it. */
export interface DesiredRole {
  name: string
  path: string
  /** Set only when the user gave one: an existing role's description is otherwise left alone. */
  description?: string
  /** For a new role without a user description. */
  defaultDescription: string
  permissionsBoundary?: string
  /** The user's tags: added or updated on an existing role, never removed. */
  tags: Record<string, string>
  /** Added on create only, so that reruns from other commits do not rewrite them. */
  provenanceTags: Record<string, string>
  trust: TrustTarget
  functionArn: string
  grantName: string
  grant: PolicyDocument
}

export type RoleStep = { change: Change } & (
  | { kind: 'create-role' }
  | { kind: 'update-trust' }
  | { kind: 'update-description' }
  | { kind: 'put-boundary' }
  | { kind: 'tag-role'; tags: Record<string, string> }
  | { kind: 'put-grant' }
)

export interface RolePlan {
  desired: DesiredRole
  live?: LiveRole
  /** Writes, in the order they must be made. */
  steps: RoleStep[]
  /** Every step's change, then what is already as wanted. */
  changes: Change[]
  /** The trust policy the role has (or will have) once the steps are made. */
  trustPolicy: PolicyDocument
  warnings: string[]
  /** Reasons the steps cannot be made (path, quotas): an error when the role is managed. */
  blockers: string[]
}

export interface RoleOutcome {
  changes: Change[]
  /** The live ARN (from GetRole or CreateRole); the expected one when the role was not created. */
  roleArn: string
  /** The trust policy stored, or planned in a dry run. */
  trustPolicy: PolicyDocument
  grantPolicyName: string
  grantPolicy: PolicyDocument
}

/** How long IAM may take to show a new role. */
const ROLE_VISIBLE_TIMEOUT_S = 120
/** Rounds of read-decide-write when other runs keep changing the role under us. */
const MAX_ROUNDS = 3

export async function planRole(ctx: RunContext): Promise<RolePlan> {
  const desired = desiredRole(ctx)
  const live = await readRole(ctx.clients.iam, desired.name, desired.grantName)
  const plan = decideRole(desired, live)
  if (ctx.settings.role.manage && plan.blockers.length > 0)
    throw new Error(plan.blockers.join('\n'))
  log.info(
    `Role ${desired.name}: ${live ? `exists (${live.arn})` : 'missing'}; ${plan.steps.length} write(s) needed`
  )
  return plan
}

export async function applyRole(ctx: RunContext, plan: RolePlan): Promise<RoleOutcome> {
  const { dryRun, role } = ctx.settings
  for (const warning of [...plan.warnings, ...(role.manage ? [] : plan.blockers)])
    log.warning(warning)

  if (dryRun || !role.manage) {
    const why = dryRun ? 'dry run' : 'manage-role is false'
    const changes = plan.changes.map(c =>
      c.action === 'unchanged' ? c : { ...c, detail: `not done (${why}): ${c.detail}` }
    )
    for (const change of changes.filter(c => c.action !== 'unchanged')) {
      const line = `${change.target}: ${change.action}: ${change.detail}`
      if (dryRun) log.info(`Dry run: ${line}`)
      else log.warning(`${line}. Ask whoever manages the role to make this change.`)
    }
    return outcome(plan, changes, plan.live?.arn ?? ctx.roleArn)
  }

  const done: Change[] = []
  let current = plan
  let roleArn = plan.live?.arn
  for (let round = 1; ; round++) {
    try {
      for (const step of current.steps) {
        roleArn = (await makeStep(ctx.clients.iam, current, step)) ?? roleArn
        done.push(step.change)
      }
      const unchanged = current.changes.filter(c => c.action === 'unchanged')
      return outcome(current, [...done, ...unchanged], roleArn ?? ctx.roleArn)
    } catch (error) {
      const code = errorName(error)
      if (round >= MAX_ROUNDS || !lostRace(error)) throw error
      log.info(
        `Role ${plan.desired.name}: ${code}: another run changed the role at the same time; reading it again to reconcile`
      )
      // The winner's new role may not be visible yet.
      if (code === 'EntityAlreadyExistsException')
        await waitForRole(ctx.clients.iam, plan.desired.name)
      current = await planRole(ctx)
      roleArn = current.live?.arn ?? roleArn
    }
  }
}

/** Makes one write; returns the role's ARN when it created the role. */
async function makeStep(
  iam: IAMClient,
  plan: RolePlan,
  step: RoleStep
): Promise<string | undefined> {
  const { desired } = plan
  const RoleName = desired.name
  const attempt = <T>(operation: string, call: () => Promise<T>): Promise<T> =>
    call().catch((error: unknown) => {
      throw lostRace(error) ? error : iamFailure(operation, desired, error)
    })
  const { target, action, detail } = step.change
  const done = () => log.info(`${target}: ${action}: ${detail}`)

  switch (step.kind) {
    case 'create-role': {
      const tags = { ...desired.provenanceTags, ...desired.tags }
      const { Role } = await attempt('CreateRole', () =>
        iam.send(
          new CreateRoleCommand({
            RoleName,
            Path: desired.path,
            AssumeRolePolicyDocument: JSON.stringify(plan.trustPolicy),
            Description: desired.description ?? desired.defaultDescription,
            PermissionsBoundary: desired.permissionsBoundary,
            Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
          })
        )
      )
      done()
      await waitForRole(iam, RoleName)
      return Role?.Arn
    }
    case 'update-trust':
      await attempt('UpdateAssumeRolePolicy', () =>
        iam.send(
          new UpdateAssumeRolePolicyCommand({
            RoleName,
            PolicyDocument: JSON.stringify(plan.trustPolicy)
          })
        )
      )
      break
    case 'update-description':
      await attempt('UpdateRole', () =>
        iam.send(new UpdateRoleCommand({ RoleName, Description: desired.description }))
      )
      break
    case 'put-boundary':
      await attempt('PutRolePermissionsBoundary', () =>
        iam.send(
          new PutRolePermissionsBoundaryCommand({
            RoleName,
            PermissionsBoundary: desired.permissionsBoundary
          })
        )
      )
      break
    case 'tag-role':
      await attempt('TagRole', () =>
        iam.send(
          new TagRoleCommand({
            RoleName,
            Tags: Object.entries(step.tags).map(([Key, Value]) => ({ Key, Value }))
          })
        )
      )
      break
    case 'put-grant':
      await attempt('PutRolePolicy', () =>
        iam.send(
          new PutRolePolicyCommand({
            RoleName,
            PolicyName: desired.grantName,
            PolicyDocument: JSON.stringify(desired.grant)
          })
        )
      )
      break
  }
  done()
  return undefined
}

/** IAM may not show a new role for a few seconds: poll GetRole (bounded) instead of sleeping. */
async function waitForRole(iam: IAMClient, RoleName: string): Promise<void> {
  log.info(`Role ${RoleName}: waiting until IAM shows it (up to ${ROLE_VISIBLE_TIMEOUT_S} s)`)
  const started = Date.now()
  try {
    await waitUntilRoleExists(
      { client: iam, minDelay: 1, maxDelay: 5, maxWaitTime: ROLE_VISIBLE_TIMEOUT_S },
      { RoleName }
    )
  } catch (error) {
    throw new Error(
      `Role ${RoleName} was created, but IAM did not show it within ${ROLE_VISIBLE_TIMEOUT_S} s (${(error as Error).message}). Rerun the job: it will find the role and continue.`
    )
  }
  log.info(`Role ${RoleName}: visible after ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

async function readRole(
  iam: IAMClient,
  RoleName: string,
  PolicyName: string
): Promise<LiveRole | undefined> {
  const read = <T>(operation: string, call: () => Promise<T>): Promise<T | undefined> =>
    call().catch((error: unknown) => {
      if (errorName(error) === 'NoSuchEntityException') return undefined
      throw new Error(
        `Cannot read role ${RoleName}: ${operation} failed: ${errorName(error)}: ${(error as Error).message}` +
          (errorName(error) === 'AccessDenied'
            ? `. The workflow's credentials need iam:${operation} on the role.`
            : '')
      )
    })
  const [role, grant] = await Promise.all([
    read('GetRole', () => iam.send(new GetRoleCommand({ RoleName }))),
    read('GetRolePolicy', () => iam.send(new GetRolePolicyCommand({ RoleName, PolicyName })))
  ])
  if (!role?.Role) return undefined
  const { Arn, Path, Description, PermissionsBoundary, Tags, AssumeRolePolicyDocument } = role.Role
  return {
    arn: Arn ?? '',
    path: Path ?? '/',
    description: Description,
    permissionsBoundary: PermissionsBoundary?.PermissionsBoundaryArn,
    tags: Object.fromEntries((Tags ?? []).map(t => [t.Key ?? '', t.Value ?? ''])),
    trustPolicy: decode(`the trust policy of role ${RoleName}`, AssumeRolePolicyDocument),
    grant: grant?.PolicyDocument
      ? decode(`policy ${PolicyName} of role ${RoleName}`, grant.PolicyDocument)
      : undefined
  }
}

function decode(what: string, text: string | undefined): PolicyDocument {
  try {
    return parsePolicyDocument(text ?? '')
  } catch (error) {
    throw new Error(`Cannot parse ${what}: ${(error as Error).message}`)
  }
}

// --- deciding (pure) -------------------------------------------------------------------------

export function desiredRole(ctx: RunContext): DesiredRole {
  const { settings, provenance, functionArn } = ctx
  const { role, apiConnect } = settings
  return {
    name: role.name,
    path: role.path,
    description: role.description,
    defaultDescription:
      `Assumed by IBM API Connect (${apiConnect.principalArn}) to invoke Lambda functions. ` +
      `Managed by apic-lambda-deploy from ${provenance.repository}.`,
    permissionsBoundary: role.permissionsBoundary,
    tags: role.tags,
    provenanceTags: provenanceTags(provenance),
    trust: { principalArn: apiConnect.principalArn, externalId: apiConnect.externalId },
    functionArn,
    grantName: grantPolicyName(settings.functionName, settings.region),
    grant: grantPolicy(functionArn)
  }
}

/** The writes that turn the live role (undefined: missing) into the desired one. */
export function decideRole(desired: DesiredRole, live: LiveRole | undefined): RolePlan {
  const role = `role ${desired.name}`
  const { principalArn, externalId } = desired.trust
  const trusts = `trusts ${principalArn} with sts:ExternalId ${externalId}`
  const grantTarget = `${role}: policy ${desired.grantName}`
  const grantText = `allows lambda:InvokeFunction on ${desired.functionArn} and ${desired.functionArn}:*`

  if (!live) {
    const tagCount = Object.keys({ ...desired.provenanceTags, ...desired.tags }).length
    const boundary = desired.permissionsBoundary
    const steps: RoleStep[] = [
      {
        kind: 'create-role',
        change: {
          target: role,
          action: 'create',
          detail: `${trusts}; path ${desired.path}; ${tagCount} tags${boundary ? `; permissions boundary ${boundary}` : ''}`
        }
      },
      { kind: 'put-grant', change: { target: grantTarget, action: 'create', detail: grantText } }
    ]
    return {
      desired,
      steps,
      changes: steps.map(s => s.change),
      trustPolicy: trustPolicy(desired.trust),
      warnings: [],
      blockers: []
    }
  }

  const steps: RoleStep[] = []
  const unchanged: Change[] = []
  const warnings: string[] = []
  const blockers: string[] = []

  // IAM cannot move a role; the root path is the input's default, so only a path the user chose counts.
  if (desired.path !== '/' && live.path !== desired.path)
    blockers.push(
      `role-path: role ${desired.name} exists at path ${live.path}, not ${desired.path}, and IAM cannot change a role's path. ` +
        `Set role-path to ${live.path}, or choose another role-name.`
    )

  const merge = mergeTrustPolicy(live.trustPolicy, desired.trust)
  const { sid, replacedExternalIds: replaced } = merge
  for (const label of merge.unconditioned)
    warnings.push(
      `Role ${desired.name}: trust statement ${label} let ${principalArn} assume the role without sts:ExternalId, so any API Connect customer could reach this account (the confused deputy). ` +
        `It no longer does; statement ${sid} trusts that principal only with the provider org's external ID.`
    )
  if (replaced.length > 0)
    warnings.push(
      `Role ${desired.name}: the trust statement for ${principalArn} (${sid}) pins sts:ExternalId ${replaced.join(', ')}; replacing it with ${externalId} takes the role away from that provider org. ` +
        `A role trusts each API Connect principal for one provider org only: if another org on the same API Connect region deploys with this role-name too, each run takes the role away from the other. Give each org its own role-name.`
    )
  for (const label of merge.open)
    warnings.push(
      `Role ${desired.name}: trust statement ${label} lets any principal assume the role without sts:ExternalId. The action leaves it alone; review it.`
    )
  if (merge.changed) {
    const size = policySize(merge.document)
    // A live policy already over the default quota proves a raised quota: let IAM judge then.
    if (size > TRUST_POLICY_QUOTA && policySize(live.trustPolicy) <= TRUST_POLICY_QUOTA)
      blockers.push(
        `Role ${desired.name}: its trust policy would be ${size} characters (whitespace not counted) with the API Connect statement, over IAM's default quota of ${TRUST_POLICY_QUOTA}. ` +
          `Remove unused statements from its trust policy, choose another role-name, or ask AWS (Service Quotas, IAM, "Role trust policy length") for a higher quota.`
      )
    const kept = statementsOf(merge.document).length - 1
    const detail =
      merge.statement === 'updated'
        ? `statement ${sid} now ${trusts}${replaced.length ? ` (was sts:ExternalId ${replaced.join(', ')})` : ''}`
        : merge.statement === 'added'
          ? `statement ${sid} added: ${trusts}; ${kept} other statement(s) kept`
          : `${trusts} (already)`
    const fixed = merge.unconditioned.length
      ? `; ${merge.unconditioned.join(', ')} no longer trust ${principalArn} without sts:ExternalId`
      : ''
    steps.push({
      kind: 'update-trust',
      change: { target: `${role}: trust policy`, action: 'update', detail: detail + fixed }
    })
  } else {
    unchanged.push({ target: `${role}: trust policy`, action: 'unchanged', detail: trusts })
  }

  if (desired.description !== undefined && desired.description !== (live.description ?? ''))
    steps.push({
      kind: 'update-description',
      change: {
        target: `${role}: description`,
        action: 'update',
        detail: `"${live.description ?? ''}" → "${desired.description}"`
      }
    })

  const boundary = desired.permissionsBoundary
  if (boundary && boundary !== live.permissionsBoundary)
    steps.push({
      kind: 'put-boundary',
      change: {
        target: `${role}: permissions boundary`,
        action: 'update',
        detail: `${live.permissionsBoundary ?? 'none'} → ${boundary}`
      }
    })

  const tags = Object.fromEntries(
    Object.entries(desired.tags).filter(([key, value]) => live.tags[key] !== value)
  )
  if (Object.keys(tags).length > 0) {
    const total = Object.keys({ ...live.tags, ...tags }).length
    if (total > 50)
      blockers.push(
        `role-tags: role ${desired.name} would have ${total} tags, over IAM's limit of 50. Remove tags from the role or from role-tags.`
      )
    steps.push({
      kind: 'tag-role',
      tags,
      change: {
        target: `${role}: tags`,
        action: 'update',
        detail: Object.entries(tags)
          .map(([key, value]) => `${key}=${value}`)
          .join(', ')
      }
    })
  }

  if (!live.grant)
    steps.push({
      kind: 'put-grant',
      change: { target: grantTarget, action: 'create', detail: grantText }
    })
  else if (!policiesEqual(live.grant, desired.grant))
    steps.push({
      kind: 'put-grant',
      change: { target: grantTarget, action: 'update', detail: grantText }
    })
  else unchanged.push({ target: grantTarget, action: 'unchanged', detail: grantText })

  return {
    desired,
    live,
    steps,
    changes: [...steps.map(s => s.change), ...unchanged],
    trustPolicy: merge.document,
    warnings,
    blockers
  }
}

function outcome(plan: RolePlan, changes: Change[], roleArn: string): RoleOutcome {
  return {
    changes,
    roleArn,
    trustPolicy: plan.trustPolicy,
    grantPolicyName: plan.desired.grantName,
    grantPolicy: plan.desired.grant
  }
}

// --- errors ----------------------------------------------------------------------------------

// Errors are told apart by the SDK's name: `<Code>Exception` for the errors IAM's model lists
// (NoSuchEntity, LimitExceeded…), the code itself for the others (AccessDenied, Throttling).

/** Another run created or changed the role between our read and our write. */
const lostRace = (error: unknown): boolean =>
  ['EntityAlreadyExistsException', 'ConcurrentModificationException'].includes(
    errorName(error) ?? ''
  )

/** An IAM write failure, in words that say what to do. */
export function iamFailure(operation: string, desired: DesiredRole, error: unknown): Error {
  const code = errorName(error) ?? 'Error'
  const message = ((error as Error)?.message ?? String(error)).replace(/\.$/, '')
  const role = `role ${desired.name}`
  const quota: Record<string, string> = {
    CreateRole: `The account has reached IAM's quota of roles (${message}). Delete unused roles, ask AWS for a higher "Roles per account" quota, or point role-name at an existing role.`,
    PutRolePolicy: `The inline policies of ${role} would exceed IAM's quota (${message}): the role serves too many functions. Give this function its own role with role-name.`,
    UpdateAssumeRolePolicy: `The trust policy of ${role} would exceed IAM's quota (${message}). Remove unused statements, choose another role-name, or ask AWS for a higher "Role trust policy length" quota.`,
    TagRole: `${role} would exceed IAM's limit of 50 tags (${message}).`
  }
  let advice = ''
  if (code === 'AccessDenied')
    advice = ` The workflow's credentials need iam:${operation} on ${role}; or let someone else manage the role and set manage-role: false.`
  else if (code === 'LimitExceededException' && quota[operation])
    return new Error(`${operation} on ${role} failed: ${quota[operation]}`)
  else if (code === 'MalformedPolicyDocumentException' && /principal/i.test(message))
    advice = ` IAM refuses a principal that does not exist: check api-connect-role-arn (or api-connect-region); ${desired.trust.principalArn} must be an existing role.`
  else if (code === 'UnmodifiableEntityException')
    advice = ' The role is protected (a service-linked role?); choose another role-name.'
  return new Error(`${operation} on ${role} failed: ${code}: ${message}.${advice}`)
}
