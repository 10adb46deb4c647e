// The function, end to end: planFunction reads Lambda (and S3) and decides, with no write;
// applyFunction makes the writes (none in a dry run). Neither logs the plan: the run does.
import type { RunContext } from '../context.js'
import { deploy, type FunctionOutcome } from './apply.js'
import type { FunctionPlan } from './changes.js'
import type { CodePackage } from './code-package.js'
import { readCodeSigning } from './code-signing.js'
import { planFunctionChanges } from './plan.js'
import { planPublish, sameDeployment } from './publish-plan.js'
import {
  listVersions,
  readAlias,
  readFunction,
  readVersion,
  type LiveConfiguration,
  type LiveFunction
} from './read.js'
import { readS3Sha256 } from './read-s3.js'

export type { FunctionOutcome } from './apply.js'
export type { FunctionPlan } from './changes.js'

/** The plan; `liveRead` is a read of the function already under way (the run's early read). */
export async function planFunction(
  ctx: RunContext,
  code?: CodePackage,
  liveRead?: Promise<LiveFunction | undefined>
): Promise<FunctionPlan> {
  const { settings, clients } = ctx
  const name = settings.functionName
  const live = await (liveRead ?? readFunction(clients.lambda, name))
  if (live && settings.config.codeSigningConfigArn !== undefined)
    live.codeSigningConfigArn = await readCodeSigning(ctx)
  const s3Sha256 =
    live && settings.code.kind === 's3' ? await readS3Sha256(ctx, settings.code) : undefined
  const fn = planFunctionChanges({ settings, pkg: code, live, s3Sha256 })

  // Any write to $LATEST but its tags' makes a new version to publish.
  const latestChanges = fn.changes.some(c => c.kind !== 'tags' && c.action !== 'unchanged')
  const alias =
    settings.publish && live && settings.alias
      ? await readAlias(clients.lambda, name, settings.alias)
      : undefined
  const versions =
    settings.publish && live && !latestChanges
      ? await versionsToReuse(ctx, live.configuration, alias?.FunctionVersion)
      : []
  const publish = planPublish({
    settings,
    latestChanges,
    latest: live?.configuration,
    facts: { versions, alias }
  })

  return { ...fn, changes: [...fn.changes, ...publish], live: live?.configuration, code }
}

/** The planned writes; `replan` plans afresh when the function changed under the run. */
export function applyFunction(
  ctx: RunContext,
  plan: FunctionPlan,
  replan = () => planFunction(ctx, plan.code)
): Promise<FunctionOutcome> {
  return deploy(ctx, plan, replan)
}

/**
 * The published versions that may already match $LATEST. The alias's version is read alone first:
 * on a rerun it is the one that matches, and one GetFunctionConfiguration settles it. Otherwise
 * every version is listed to find the newest: Lambda lists them oldest first, at most 50 a page
 * (MaxItems cannot raise that), so the newest is only on the last page.
 */
async function versionsToReuse(
  ctx: RunContext,
  latest: LiveConfiguration,
  aliasVersion: string | undefined
): Promise<LiveConfiguration[]> {
  const { lambda } = ctx.clients
  const name = ctx.settings.functionName
  if (aliasVersion && /^\d+$/.test(aliasVersion)) {
    const version = await readVersion(lambda, name, aliasVersion)
    if (version && sameDeployment(version, latest)) return [version]
  }
  return listVersions(lambda, name)
}
