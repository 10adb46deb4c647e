// Deploys the function as planned: creates or updates it, waits for Lambda to settle, publishes a
// version and moves the alias. Writes only; the decisions were made in plan.ts and publish-plan.ts,
// and the waits and retries are in waits.ts.
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  type LambdaClient,
  PublishVersionCommand,
  type Runtime,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand
} from '@aws-sdk/client-lambda'
import { errorName, retry } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { provenanceDescription, provenanceTags } from '../provenance.js'
import type { FunctionChange } from './changes.js'
import type { CodePackage } from './code-package.js'
import { failure, type FunctionChanges } from './plan.js'
import type { PublishPlan } from './publish-plan.js'
import type { LiveConfiguration } from './read.js'
import { codeFor } from './staging.js'
import {
  conflictOrRoleRetry,
  conflictRetry,
  explainRoleError,
  roleRetry,
  waitForActive,
  waitForUpdate,
  waitForVersion
} from './waits.js'

export interface FunctionPlan {
  /** What will change (in a dry run: what would), for the outputs and the summary. */
  changes: FunctionChange[]
  function: FunctionChanges
  publish?: PublishPlan
  /** $LATEST as read, when the function exists. */
  live?: LiveConfiguration
  /** The `code` package, when there is one. */
  code?: CodePackage
}

export interface FunctionOutcome {
  changes: FunctionChange[]
  codeSha256?: string
  /** The published version (new or reused) when publish or alias was set. */
  version?: string
  aliasArn?: string
}

/**
 * Makes the plan's writes, or none in a dry run. `replan` reads and plans again, for the one case
 * where the plan turns out stale: another job created the function since it was read.
 */
export async function deploy(
  ctx: RunContext,
  plan: FunctionPlan,
  replan: () => Promise<FunctionPlan>,
  replanned = false
): Promise<FunctionOutcome> {
  const { settings, log } = ctx
  if (settings.dryRun)
    return {
      changes: plan.changes,
      codeSha256: plan.function.codeSha256,
      version: plan.publish?.reuse
    }
  const lambda = ctx.clients.lambda
  const name = settings.functionName
  const fn = plan.function
  let latest: LiveConfiguration | undefined = plan.live

  if (fn.create) {
    const spec = fn.create
    const active = await log.group(`Create function ${name}`, async () => {
      const Code = await codeFor(ctx, spec.upload, plan.code?.zip)
      const response = await retry(
        () =>
          lambda.send(
            new CreateFunctionCommand({
              FunctionName: name,
              PackageType: spec.PackageType,
              Runtime: spec.Runtime as Runtime | undefined,
              Handler: spec.Handler,
              Role: spec.Role,
              Architectures: spec.Architectures,
              MemorySize: spec.MemorySize,
              Timeout: spec.Timeout,
              Description: spec.Description,
              Environment: spec.Environment,
              Code,
              Tags: provenanceTags(ctx.provenance)
            })
          ),
        roleRetry(ctx, 'lambda:CreateFunction')
      ).catch(error => {
        // Another job created it since we looked (matrix jobs, reruns): deploy as an update.
        if (
          errorName(error) === 'ResourceConflictException' &&
          /already exist/i.test(String(error))
        )
          return undefined
        throw explainRoleError(error, spec.Role)
      })
      if (!response) return undefined
      log.info(`Created ${response.FunctionArn} (CodeSha256 ${response.CodeSha256})`)
      return waitForActive(ctx, name)
    })
    if (!active) {
      // Once only: a second "already exists" after planning again means Lambda's reads and
      // writes disagree for now, and looping would not settle it.
      if (replanned)
        throw new Error(
          `lambda:CreateFunction: function ${name} already exists, yet reading it again found no function; run the action again`
        )
      log.info(
        `Function ${name} was created by someone else meanwhile: planning again as an update`
      )
      return deploy(ctx, await replan(), replan, true)
    }
    latest = active
  } else {
    if (fn.configuration) {
      const update = fn.configuration
      latest = await log.group(`Update function ${name} configuration`, async () => {
        await retry(
          () =>
            lambda.send(
              new UpdateFunctionConfigurationCommand({
                FunctionName: name,
                ...update,
                Runtime: update.Runtime as Runtime | undefined
              })
            ),
          conflictOrRoleRetry(ctx, 'lambda:UpdateFunctionConfiguration', name)
        ).catch(error => {
          throw explainRoleError(error, update.Role)
        })
        return waitForUpdate(ctx, name)
      })
    }
    if (fn.code) {
      const code = fn.code
      latest = await log.group(`Update function ${name} code`, async () => {
        const Code = await codeFor(ctx, code.upload, plan.code?.zip)
        const updated = await retry(
          () =>
            lambda.send(
              new UpdateFunctionCodeCommand({
                FunctionName: name,
                ...Code,
                Architectures: code.Architectures
              })
            ),
          conflictRetry(ctx, 'lambda:UpdateFunctionCode', name)
        )
        log.info(`Uploaded: CodeSha256 ${updated.CodeSha256}`)
        return waitForUpdate(ctx, name)
      })
    }
    // The update waiter watches LastUpdateStatus only; a function whose State stays Failed is
    // still broken, and publishing or pointing an alias at it would hide that.
    if ((fn.configuration || fn.code) && latest?.State === 'Failed')
      throw new Error(
        `function ${name} is still in state Failed after this deploy (${failure(latest)}); Lambda's function states guide says a function whose creation failed must be deleted and created again: delete it and run the action again`
      )
  }

  const outcome: FunctionOutcome = {
    changes: plan.changes,
    codeSha256: latest?.CodeSha256 ?? fn.codeSha256
  }
  if (!plan.publish) return outcome
  const publish = plan.publish
  const version =
    publish.reuse ??
    (await log.group(`Publish a version of ${name}`, () => publishVersion(ctx, latest)))
  outcome.version = version
  // The plan could not know the new version's number: the changes learn it now.
  outcome.changes = plan.changes.map(change =>
    change.kind === 'version' && change.action === 'create'
      ? { ...change, version }
      : change.kind === 'alias' && change.action !== 'unchanged'
        ? { ...change, to: version }
        : change
  )
  if (publish.alias) {
    const { name: aliasName, action, arn } = publish.alias
    if (action !== 'unchanged') log.info(`Pointing alias ${aliasName} to version ${version}`)
    outcome.aliasArn =
      action === 'unchanged' ? arn : await pointAlias(lambda, name, aliasName, action, version)
  }
  return outcome
}

/**
 * Publishes $LATEST, guarded by the CodeSha256 and RevisionId this run deployed (or read), so code
 * that another writer deployed meanwhile is never published under this run's name.
 */
async function publishVersion(
  ctx: RunContext,
  latest: LiveConfiguration | undefined
): Promise<string> {
  const lambda = ctx.clients.lambda
  const name = ctx.settings.functionName
  const published = await retry(
    () =>
      lambda.send(
        new PublishVersionCommand({
          FunctionName: name,
          CodeSha256: latest?.CodeSha256,
          RevisionId: latest?.RevisionId,
          Description: provenanceDescription(ctx.provenance)
        })
      ),
    conflictRetry(ctx, 'lambda:PublishVersion', name)
  ).catch(error => {
    // RevisionId mismatch: PreconditionFailedException; CodeSha256 mismatch: InvalidParameterValue.
    if (
      errorName(error) === 'PreconditionFailedException' ||
      (errorName(error) === 'InvalidParameterValueException' &&
        /CodeSHA256/i.test((error as Error).message))
    )
      throw new Error(
        `function ${name} changed while this run deployed it (another deployment?), so nothing was published: ${(error as Error).message}`
      )
    throw error
  })
  const version = published.Version
  if (!version) throw new Error(`lambda:PublishVersion returned no version for ${name}`)
  ctx.log.info(`Published version ${version} (CodeSha256 ${published.CodeSha256})`)
  if (published.State && published.State !== 'Active') await waitForVersion(ctx, name, version)
  return version
}

async function pointAlias(
  lambda: LambdaClient,
  functionName: string,
  alias: string,
  action: 'create' | 'update',
  version: string
): Promise<string | undefined> {
  const update = async (): Promise<string | undefined> =>
    (
      await lambda.send(
        new UpdateAliasCommand({
          FunctionName: functionName,
          Name: alias,
          FunctionVersion: version
        })
      )
    ).AliasArn
  if (action === 'update') return update()
  try {
    const created = await lambda.send(
      new CreateAliasCommand({ FunctionName: functionName, Name: alias, FunctionVersion: version })
    )
    return created.AliasArn
  } catch (error) {
    // Another run created it since we looked: move it instead.
    if (errorName(error) === 'ResourceConflictException') return update()
    throw error
  }
}
