// Deploys the function as planned: creates or updates it, waits for Lambda to settle and publishes
// a version (publish.ts); the alias moves later, once the checks passed (promote.ts). Writes only;
// the decisions were made in plan.ts and publish-plan.ts, the waits and retries are in waits.ts.
import {
  CreateFunctionCommand,
  type Runtime,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand
} from '@aws-sdk/client-lambda'
import { errorName, retry } from '../aws/retry.js'
import type { Step } from '../failure.js'
import type { RunContext } from '../context.js'
import { markFailed, StepFailed, type Known, type Promoted } from '../failure.js'
import { provenanceTags } from '../runner/provenance.js'
import { stepOf, type FunctionChange, type FunctionPlan, type Upload } from './changes.js'
import { failure } from './plan.js'
import { codeChanged, publishVersion } from './publish.js'
import type { LiveConfiguration } from './read.js'
import { applyTags } from './apply-tags.js'
import { putCodeSigning } from './code-signing.js'
import { codeFor } from './staging.js'
import {
  conflictOrRoleRetry,
  conflictRetry,
  explainRoleError,
  roleRetry,
  waitForActive,
  waitForUpdate
} from './waits.js'

export interface FunctionOutcome {
  changes: FunctionChange[]
  codeSha256?: string
  /** The published version (new or reused) when publish or alias was set. */
  version?: string
  /** Set once the alias points to `version` (promote.ts), or when it already did. */
  aliasArn?: string
  /** With an alias: true once it points to `version`; false when held back (traffic/promote.ts). */
  promoted?: Promoted
}

/** Where a deploy is, so that a failure can say which step failed and what was done before it. */
interface Progress {
  step: Step
  done: Set<FunctionChange['kind']>
  changes: FunctionChange[]
  known: Known
}

/**
 * Makes the plan's writes, or none in a dry run. `replan` reads and plans again, for the one case
 * where the plan turns out stale: another job created the function since it was read. A failure
 * is thrown as StepFailed: the step, the changes made so far, and what is known for sure.
 */
export async function deploy(
  ctx: RunContext,
  plan: FunctionPlan,
  replan: () => Promise<FunctionPlan>,
  replanned = false
): Promise<FunctionOutcome> {
  if (ctx.settings.dryRun)
    return {
      changes: plan.changes,
      codeSha256: plan.codeSha256,
      version: reused(plan.changes)
    }
  const progress: Progress = {
    step: { doing: `function ${ctx.settings.functionName}` },
    done: new Set(),
    changes: plan.changes,
    known: {}
  }
  try {
    return await makeWrites(ctx, plan, replan, replanned, progress)
  } catch (error) {
    if (error instanceof StepFailed) throw error // from the deploy planned again
    const changes = markFailed(progress.changes, change => progress.done.has(change.kind))
    throw new StepFailed(progress.step, changes, progress.known, error)
  }
}

async function makeWrites(
  ctx: RunContext,
  plan: FunctionPlan,
  replan: () => Promise<FunctionPlan>,
  replanned: boolean,
  progress: Progress
): Promise<FunctionOutcome> {
  const { log } = ctx
  const lambda = ctx.clients.lambda
  const name = ctx.settings.functionName
  const resource = `function ${name}`
  const on = (operation: string): Step => ({ operation, resource })
  const begin = (step: Step) => (progress.step = step)
  /** The code fields of `write`, a zip over the direct-upload limit staged in S3 first. */
  const codeOf = async (upload: Upload, write: Step) => {
    begin(stagingStep(upload, write))
    const Code = await codeFor(ctx, upload, plan.code?.zip)
    begin(write)
    return Code
  }
  let latest: LiveConfiguration | undefined = plan.live
  // The code this run deploys: the package's own SHA-256 when known before the upload, else what
  // Lambda answered to this run's own write (an S3 object without a checksum, an image).
  let ours = plan.codeSha256
  const create = stepOf(plan.changes, 'function')
  const configuration = stepOf(plan.changes, 'configuration')
  const code = stepOf(plan.changes, 'code')
  const tags = stepOf(plan.changes, 'tags')

  if (create) {
    const spec = create.request
    const active = await log.group(`Create function ${name}`, async () => {
      const Code = await codeOf(create.upload, on('lambda:CreateFunction'))
      const response = await retry(
        () =>
          lambda.send(
            new CreateFunctionCommand({
              FunctionName: name,
              PackageType: spec.PackageType,
              ...spec.settings,
              Runtime: spec.settings.Runtime as Runtime | undefined,
              Role: spec.Role,
              Code: { ...Code, SourceKMSKeyArn: spec.SourceKMSKeyArn },
              Tags: { ...provenanceTags(ctx.provenance), ...spec.Tags }
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
      progress.done.add('function')
      ours ??= response.CodeSha256
      log.info(`Created ${response.FunctionArn} (CodeSha256 ${response.CodeSha256})`)
      begin({ doing: `waiting for function ${name} to become Active` })
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
      begin({ doing: `planning function ${name} again` })
      return deploy(ctx, await replan(), replan, true)
    }
    latest = active
  } else {
    if (configuration?.request) {
      const update = configuration.request
      latest = await log.group(`Update function ${name} configuration`, async () => {
        begin(on('lambda:UpdateFunctionConfiguration'))
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
        progress.done.add('configuration')
        begin({ doing: `waiting for the configuration update of function ${name} to finish` })
        return waitForUpdate(ctx, name)
      })
    }
    if (configuration?.codeSigning) {
      const arn = configuration.codeSigning
      await log.group(`Set function ${name} code signing`, async () => {
        begin(on('lambda:PutFunctionCodeSigningConfig'))
        await putCodeSigning(ctx, arn)
        progress.done.add('configuration')
      })
    }
    if (code) {
      latest = await log.group(`Update function ${name} code`, async () => {
        const Code = await codeOf(code.upload, on('lambda:UpdateFunctionCode'))
        const updated = await retry(
          () =>
            lambda.send(
              new UpdateFunctionCodeCommand({
                FunctionName: name,
                ...Code,
                ...code.request
              })
            ),
          conflictRetry(ctx, 'lambda:UpdateFunctionCode', name)
        )
        progress.done.add('code')
        ours ??= updated.CodeSha256
        log.info(`Uploaded: CodeSha256 ${updated.CodeSha256}`)
        begin({ doing: `waiting for the code update of function ${name} to finish` })
        return waitForUpdate(ctx, name)
      })
    }
    if (tags) {
      await log.group(`Update function ${name} tags`, async () => {
        await applyTags(ctx, tags, begin)
        progress.done.add('tags')
      })
    }
    // The wait for an update watches LastUpdateStatus only; a function whose State stays Failed is
    // still broken, and publishing or pointing an alias at it would hide that.
    if ((configuration?.request || code) && latest?.State === 'Failed') {
      begin({ doing: `checking the state of function ${name}` })
      throw new Error(
        `function ${name} is still in state Failed after this deploy (${failure(latest)}); Lambda's function states guide says a function whose creation failed must be deleted and created again: delete it and run the action again`
      )
    }
  }

  // Another writer may have deployed between this run's write and the end of its wait: what
  // $LATEST runs now must be what this run deployed, or nothing of it is published or reported.
  if (ours && latest?.CodeSha256 && latest.CodeSha256 !== ours) {
    begin({ doing: `checking the code of function ${name} after this run's update` })
    throw codeChanged(name, ours, latest.CodeSha256)
  }
  const codeSha256 = latest?.CodeSha256 ?? ours
  progress.known.codeSha256 = codeSha256
  const outcome: FunctionOutcome = { changes: plan.changes, codeSha256 }
  if (!plan.changes.some(c => c.kind === 'version')) return outcome
  const version =
    reused(plan.changes) ??
    (await log.group(`Publish a version of ${name}`, () => {
      begin(on('lambda:PublishVersion'))
      return publishVersion(ctx, latest, ours)
    }))
  progress.done.add('version')
  progress.known.version = outcome.version = version
  // The plan could not know the new version's number: the changes learn it now.
  outcome.changes = progress.changes = plan.changes.map(change =>
    change.kind === 'version' && change.action === 'create'
      ? { ...change, version }
      : change.kind === 'alias' && change.action !== 'unchanged'
        ? { ...change, to: version }
        : change
  )
  return outcome
}

/** The published version that already matches $LATEST, when the plan reuses one. */
const reused = (changes: FunctionChange[]): string | undefined =>
  changes.find(c => c.kind === 'version' && c.action === 'unchanged')?.version

/** The step that puts a zip over the direct-upload limit in S3 first, if there is one. */
const stagingStep = (upload: Upload, otherwise: Step): Step =>
  upload.kind === 'staged-zip'
    ? {
        operation: 's3:PutObject',
        names: `s3://${upload.bucket}/${upload.key}`,
        why: 'staging the code'
      }
    : otherwise
