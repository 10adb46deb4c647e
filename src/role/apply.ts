// Makes the role's planned writes (none in a dry run, or when the role is managed elsewhere).
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
  type IAMClient,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand
} from '@aws-sdk/client-iam'
import { errorName } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import type { PolicyDocument } from '../iam-policy/index.js'
import type { RoleChange, RoleStep } from './changes.js'
import { iamFailure, lostRace, ROLE_OPERATION, roleFailed } from './errors.js'
import { stepsOf, type RolePlan } from './plan.js'
import type { LiveRole } from './read.js'
import { waitForRole } from './visible.js'

export interface RoleOutcome {
  changes: RoleChange[]
  /** The live ARN (from GetRole or CreateRole); the expected one when the role was not created. */
  roleArn: string
  /** The trust policy stored, or planned in a dry run. */
  trustPolicy: PolicyDocument
  grantPolicyName: string
  grantPolicy: PolicyDocument
  /**
   * The role as IAM last showed it, when that read still shows its trust policy and boundary as
   * they are now (the plan's read when neither was written, or the read that saw a new role):
   * verification uses it instead of reading again.
   */
  live?: LiveRole
}

/** Rounds of read-decide-write when other runs keep changing the role under us. */
const MAX_ROUNDS = 3

/** `replan` reads the role again and decides again, after a write lost a race. */
export async function applyRole(
  ctx: RunContext,
  plan: RolePlan,
  replan: () => Promise<RolePlan>
): Promise<RoleOutcome> {
  const { settings, log } = ctx
  const { dryRun, role } = settings
  for (const warning of [...plan.warnings, ...(role.manage ? [] : plan.blockers)])
    log.warning(warning)

  if (dryRun || !role.manage) {
    const notDone: RoleChange['notDone'] = dryRun ? 'dry run' : 'manage-role is false'
    const changes = plan.changes.map(c => (c.action === 'unchanged' ? c : { ...c, notDone }))
    for (const change of changes.filter(c => c.action !== 'unchanged')) {
      if (dryRun) log.info(`Dry run: ${ctx.wordChange(change)}`)
      else
        log.warning(`${ctx.wordChange(change)}. Ask whoever manages the role to make this change.`)
    }
    return outcome(plan, changes, plan.live?.arn ?? ctx.roleArn, plan.live)
  }

  const done: RoleChange[] = []
  let current = plan
  let roleArn = plan.live?.arn
  for (let round = 1; ; round++) {
    let making: RoleStep | undefined
    try {
      // IAM accepts writes to a role it has just created: every write goes at once, and the
      // wait for the new role to show runs once, after them.
      for (const step of stepsOf(current)) {
        making = step
        roleArn = (await makeStep(ctx, current, step)) ?? roleArn
        done.push(step)
      }
      making = undefined
      const created = done.some(step => step.kind === 'role')
      const rewritten = done.some(step => step.kind === 'trust' || step.kind === 'boundary')
      const live = created
        ? await waitForRole(ctx, plan.desired.name)
        : rewritten
          ? undefined
          : current.live
      const unchanged = current.changes.filter(c => c.action === 'unchanged')
      return outcome(current, [...done, ...unchanged], roleArn ?? ctx.roleArn, live)
    } catch (error) {
      const code = errorName(error)
      if (round >= MAX_ROUNDS || !lostRace(error))
        throw roleFailed(current, done, making, roleArn, error)
      log.info(
        `Role ${plan.desired.name}: ${code}: another run changed the role at the same time; reading it again to reconcile`
      )
      // The winner's new role may not be visible yet.
      if (code === 'EntityAlreadyExistsException') await waitForRole(ctx, plan.desired.name)
      current = await replan()
      roleArn = current.live?.arn ?? roleArn
    }
  }
}

/** Makes one write; returns the role's ARN when it created the role. */
async function makeStep(
  ctx: RunContext,
  plan: RolePlan,
  step: RoleStep
): Promise<string | undefined> {
  const iam: IAMClient = ctx.clients.iam
  const { desired } = plan
  const RoleName = desired.name
  const attempt = <T>(call: () => Promise<T>): Promise<T> =>
    call().catch((error: unknown) => {
      throw lostRace(error) ? error : iamFailure(ROLE_OPERATION[step.kind], desired, error)
    })
  const done = () => ctx.log.info(ctx.wordChange(step))

  switch (step.kind) {
    case 'role': {
      const tags = { ...desired.provenanceTags, ...desired.tags }
      const { Role } = await attempt(() =>
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
      return Role?.Arn
    }
    case 'trust':
      await attempt(() =>
        iam.send(
          new UpdateAssumeRolePolicyCommand({
            RoleName,
            PolicyDocument: JSON.stringify(plan.trustPolicy)
          })
        )
      )
      break
    case 'description':
      await attempt(() => iam.send(new UpdateRoleCommand({ RoleName, Description: step.to })))
      break
    case 'boundary':
      await attempt(() =>
        iam.send(new PutRolePermissionsBoundaryCommand({ RoleName, PermissionsBoundary: step.to }))
      )
      break
    case 'tags':
      await attempt(() =>
        iam.send(
          new TagRoleCommand({
            RoleName,
            Tags: Object.entries(step.tags).map(([Key, Value]) => ({ Key, Value }))
          })
        )
      )
      break
    case 'grant':
      await attempt(() =>
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

function outcome(
  plan: RolePlan,
  changes: RoleChange[],
  roleArn: string,
  live: LiveRole | undefined
): RoleOutcome {
  return {
    changes,
    roleArn,
    live,
    trustPolicy: plan.trustPolicy,
    grantPolicyName: plan.desired.grantName,
    grantPolicy: plan.desired.grant
  }
}
