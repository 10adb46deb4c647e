// Never let IBM into a role that fails (README, "Before any write"): before the first write, the
// role as it will be after the planned writes — the planned trust policy, the live permissions plus
// the planned grant — gets the analysis verification runs (dry-run.ts plannedRoleAnalysis). When
// it would fail for a reason the action's own statements do not cause, the run writes nothing,
// neither role nor function. The action's own trust statement and grant are the planned ones, so
// whatever still fails comes from elsewhere. With manage-role false the action writes nothing to
// IAM: it lets nobody in, and verification reports the role as it is; with verify off nothing is
// checked, this included.
import type { RunContext } from '../context.js'
import type { NamedPolicy } from '../iam-policy/index.js'
import type { RolePlan } from '../role/index.js'
import { type Check, NOBODY_ELSE, ONLY_INVOKE } from './checks.js'
import { PLANNED_METHOD, plannedRoleAnalysis, type PlannedRoleAnalysis } from './dry-run.js'

interface BeforeWrites {
  analysis: PlannedRoleAnalysis
  /** Why nothing may be written, with the fix; undefined when the writes may go ahead. */
  refusal?: string
}

const BEFORE_WRITES = 'analysis of the planned documents, before any write'

/** The planned role's analysis and, when it would fail, the refusal; undefined when not asked. */
export async function beforeWrites(
  ctx: RunContext,
  plan: RolePlan,
  liveExecutionRole: string | undefined,
  /** The role's policies but the grant, read alongside the plan (run/early-reads.ts). */
  rolePolicies?: Promise<NamedPolicy[]>
): Promise<BeforeWrites | undefined> {
  const { settings } = ctx
  if (!settings.role.manage || settings.verify === 'off') return undefined
  const planned = {
    trustPolicy: plan.trustPolicy,
    grantPolicyName: plan.desired.grantName,
    grantPolicy: plan.desired.grant,
    live: plan.live
  }
  const method = settings.dryRun ? PLANNED_METHOD : BEFORE_WRITES
  const analysis = await plannedRoleAnalysis(ctx, planned, method, rolePolicies)
  const refusal = refusalOf(
    [...analysis.trust, analysis.onlyInvoke],
    plan.live?.arn || ctx.roleArn,
    { functionName: settings.functionName, roles: [settings.config.role, liveExecutionRole] }
  )
  return { analysis, ...(refusal ? { refusal } : {}) }
}

/**
 * Why IBM may not be let into the role, from the planned checks and the function's execution
 * roles (planned and live): one sentence per reason, each with its fix.
 */
function refusalOf(
  checks: Check[],
  roleArn: string,
  execution: { functionName: string; roles: (string | undefined)[] }
): string | undefined {
  const failed = (name: string) => checks.find(c => c.name === name && c.status === 'fail')
  const reasons: string[] = []
  const others = failed(NOBODY_ELSE)
  if (others) reasons.push(`its trust policy already lets others in: ${others.actual}`)
  const more = failed(ONLY_INVOKE)
  if (more) reasons.push(`it can do more than invoke: ${more.actual}`)
  if (execution.roles.some(arn => arn && sameRole(arn, roleArn)))
    reasons.push(
      `it is the execution role of function ${execution.functionName}: whoever assumes it would act as the function. Give API Connect a role of its own (role-name: another role; by default apic-invoke-<function>).`
    )
  if (!reasons.length) return undefined
  const numbered = reasons.map((reason, i) => `(${i + 1}) ${reason}`).join(' ')
  return `Nothing was written: IBM API Connect would be let into role ${roleArn}, which would then fail verification for reasons this action's own statements do not cause: ${numbered} Fix the role, or set role-name to a role of its own for API Connect.`
}

/** One IAM role: the same partition and account, and the same name (IAM names ignore case). */
function sameRole(a: string, b: string): boolean {
  const parts = (arn: string) => {
    const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn)
    return m && `${m[1]}:${m[2]}:${m[3]!.toLowerCase()}`
  }
  const [x, y] = [parts(a), parts(b)]
  return x !== null && x === y
}
