// What the role API Connect assumes should be, and the writes that make the live role so. Pure:
// the reads are in read.ts, the writes in apply.ts, the documents in documents.ts.
import type { RunContext } from '../context.js'
import type { PolicyDocument } from '../iam-policy/index.js'
import { provenanceTags } from '../runner/provenance.js'
import type { RoleChange, RoleStep } from './changes.js'
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
import type { LiveRole } from './read.js'

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

export interface RolePlan {
  desired: DesiredRole
  live?: LiveRole
  /** The writes first, in the order they must be made, then what is already as wanted. */
  changes: RoleChange[]
  /** The trust policy the role has (or will have) once the writes are made. */
  trustPolicy: PolicyDocument
  warnings: string[]
  /** Reasons the writes cannot be made (path, quotas): an error when the role is managed. */
  blockers: string[]
}

/** The writes of a plan, in order. */
export const stepsOf = (plan: RolePlan): RoleStep[] =>
  plan.changes.filter((c): c is RoleStep => c.action !== 'unchanged')

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
  const roleName = desired.name
  const { principalArn, externalId } = desired.trust
  const grant = (action: 'create' | 'update' | 'unchanged'): RoleChange => ({
    roleName,
    kind: 'grant',
    action,
    policyName: desired.grantName,
    functionArn: desired.functionArn
  })

  if (!live)
    return {
      desired,
      changes: [
        {
          roleName,
          kind: 'role',
          action: 'create',
          trust: desired.trust,
          path: desired.path,
          tagCount: Object.keys({ ...desired.provenanceTags, ...desired.tags }).length,
          ...(desired.permissionsBoundary ? { boundary: desired.permissionsBoundary } : {})
        },
        grant('create')
      ],
      trustPolicy: trustPolicy(desired.trust),
      warnings: [],
      blockers: []
    }

  const steps: RoleChange[] = []
  const unchanged: RoleChange[] = []
  const warnings: string[] = []
  const blockers: string[] = []

  // IAM cannot move a role; the root path is the input's default, so only a path the user chose counts.
  if (desired.path !== '/' && live.path !== desired.path)
    blockers.push(
      `role-path: role ${roleName} exists at path ${live.path}, not ${desired.path}, and IAM cannot change a role's path. ` +
        `Set role-path to ${live.path}, or choose another role-name.`
    )

  const merge = mergeTrustPolicy(live.trustPolicy, desired.trust)
  const { sid, replacedExternalIds: replaced } = merge
  for (const label of merge.unconditioned)
    warnings.push(
      `Role ${roleName}: trust statement ${label} let ${principalArn} assume the role without sts:ExternalId, so any API Connect customer could reach this account (the confused deputy). ` +
        `It no longer does; statement ${sid} trusts that principal only with the provider org's external ID.`
    )
  if (replaced.length > 0)
    warnings.push(
      `Role ${roleName}: the trust statement for ${principalArn} (${sid}) pins sts:ExternalId ${replaced.join(', ')}; replacing it with ${externalId} takes the role away from that provider org. ` +
        `A role trusts each API Connect principal for one provider org only: if another org on the same API Connect region deploys with this role-name too, each run takes the role away from the other. Give each org its own role-name.`
    )
  if (merge.kept.length > 0)
    warnings.push(
      `Role ${roleName}: statement ${sid} also trusted ${merge.kept.join(', ')}; they keep that trust in a statement of their own, ${sid}Other. ` +
        `Verification fails while a principal it does not expect can assume the role: remove that statement, or list those principals in accepted-principals.`
    )
  for (const label of merge.open)
    warnings.push(
      `Role ${roleName}: trust statement ${label} lets any principal assume the role without sts:ExternalId. The action leaves it alone; review it.`
    )
  if (merge.changed) {
    const size = policySize(merge.document)
    // A live policy already over the default quota proves a raised quota: let IAM judge then.
    if (size > TRUST_POLICY_QUOTA && policySize(live.trustPolicy) <= TRUST_POLICY_QUOTA)
      blockers.push(
        `Role ${roleName}: its trust policy would be ${size} characters (whitespace not counted) with the API Connect statement, over IAM's default quota of ${TRUST_POLICY_QUOTA}. ` +
          `Remove unused statements from its trust policy, choose another role-name, or ask AWS (Service Quotas, IAM, "Role trust policy length") for a higher quota.`
      )
    steps.push({
      roleName,
      kind: 'trust',
      action: 'update',
      trust: desired.trust,
      sid,
      statement: merge.statement,
      replaced,
      kept: statementsOf(merge.document).length - 1,
      fixed: merge.unconditioned,
      split: merge.kept
    })
  } else {
    unchanged.push({ roleName, kind: 'trust', action: 'unchanged', trust: desired.trust })
  }

  if (desired.description !== undefined && desired.description !== (live.description ?? ''))
    steps.push({
      roleName,
      kind: 'description',
      action: 'update',
      from: live.description ?? '',
      to: desired.description
    })

  const boundary = desired.permissionsBoundary
  if (boundary && boundary !== live.permissionsBoundary)
    steps.push({
      roleName,
      kind: 'boundary',
      action: 'update',
      from: live.permissionsBoundary,
      to: boundary
    })

  const tags = Object.fromEntries(
    Object.entries(desired.tags).filter(([key, value]) => live.tags[key] !== value)
  )
  if (Object.keys(tags).length > 0) {
    const total = Object.keys({ ...live.tags, ...tags }).length
    if (total > 50)
      blockers.push(
        `role-tags: role ${roleName} would have ${total} tags, over IAM's limit of 50. Remove tags from the role or from role-tags.`
      )
    steps.push({ roleName, kind: 'tags', action: 'update', tags })
  }

  if (!live.grant) steps.push(grant('create'))
  else if (!policiesEqual(live.grant, desired.grant)) steps.push(grant('update'))
  else unchanged.push(grant('unchanged'))

  return {
    desired,
    live,
    changes: [...steps, ...unchanged],
    trustPolicy: merge.document,
    warnings,
    blockers
  }
}
