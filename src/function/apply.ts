// Deploys the function: reads it (planFunction, no writes), then creates or updates it, waits for
// Lambda to settle, publishes a version and moves the alias (applyFunction). The decisions are in
// function/plan.ts; this file makes the AWS calls and waits.
import * as core from '@actions/core'
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  type FunctionCode,
  type GetFunctionCommandOutput,
  type LambdaClient,
  type Runtime,
  paginateListVersionsByFunction,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive
} from '@aws-sdk/client-lambda'
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { formatSize, type CodePackage } from './code-package.js'
import type { Change, RunContext } from '../context.js'
import {
  failure,
  planFunctionChanges,
  planPublish,
  sameDeployment,
  type FunctionChanges,
  type LiveConfiguration,
  type LiveFunction,
  type PublishFacts,
  type PublishPlan,
  type Upload
} from './plan.js'
import { InputError } from '../inputs.js'
import { provenanceDescription, provenanceTags } from '../provenance.js'
import {
  errorName,
  httpStatus,
  retry,
  RetriesExhausted,
  type RetryDecision,
  type RetryOptions,
  unlessMissing
} from '../aws/retry.js'

export interface FunctionPlan {
  /** What will change (in a dry run: what would), for the outputs and the summary. */
  changes: Change[]
  function: FunctionChanges
  publish?: PublishPlan
  /** $LATEST as read, when the function exists. */
  live?: LiveConfiguration
  /** The `code` package, when there is one. */
  code?: CodePackage
}

export interface FunctionOutcome {
  changes: Change[]
  codeSha256?: string
  /** The published version (new or reused) when publish or alias was set. */
  version?: string
  aliasArn?: string
}

/** How long to wait and retry. Production values; tests shorten them. */
export interface Timing {
  /** Bound of every SDK waiter, in seconds. */
  maxWaitSeconds: number
  /** Waiter polling: first delay and largest delay, in seconds. */
  minDelaySeconds: number
  maxDelaySeconds: number
  /** How long a new execution role may stay unusable for CreateFunction. */
  roleRetryMs: number
  /** Backoff of that retry. */
  initialDelayMs: number
  maxDelayMs: number
  /** Attempts of a call that meets another update in progress. */
  conflictAttempts: number
}

export const DEFAULT_TIMING: Timing = {
  maxWaitSeconds: 300,
  minDelaySeconds: 1,
  maxDelaySeconds: 5,
  roleRetryMs: 120_000,
  initialDelayMs: 1000,
  maxDelayMs: 10_000,
  conflictAttempts: 5
}

// ---- Plan: reads only ----

export async function planFunction(ctx: RunContext, code?: CodePackage): Promise<FunctionPlan> {
  const { settings, clients } = ctx
  const name = settings.functionName
  const live = await readFunction(clients.lambda, name)
  const s3Sha256 =
    live && settings.code.kind === 's3' ? await readS3Sha256(ctx, settings.code) : undefined
  const fn = planFunctionChanges({ settings, pkg: code, live, s3Sha256 })

  let publish: PublishPlan | undefined
  if (settings.publish) {
    const latestChanges = Boolean(fn.create || fn.code || fn.configuration)
    const alias =
      live && settings.alias ? await readAlias(clients.lambda, name, settings.alias) : undefined
    const versions =
      live && !latestChanges
        ? await versionsToReuse(clients.lambda, name, live.configuration, alias)
        : []
    publish = planPublish({
      settings,
      latestChanges,
      latest: live?.configuration,
      facts: { versions, alias }
    })
  }

  const changes = [...fn.changes, ...(publish?.changes ?? [])]
  for (const change of changes) core.info(describeChange(change, settings.dryRun))
  for (const warning of fn.warnings) core.warning(warning)
  return { changes, function: fn, publish, live: live?.configuration, code }
}

async function readFunction(lambda: LambdaClient, name: string): Promise<LiveFunction | undefined> {
  const out = await unlessMissing(
    lambda.send(new GetFunctionCommand({ FunctionName: name })),
    'ResourceNotFoundException'
  )
  if (!out) return undefined
  return {
    configuration: out.Configuration ?? {},
    imageUri: out.Code?.ImageUri,
    resolvedImageUri: out.Code?.ResolvedImageUri
  }
}

/**
 * The full-object SHA-256 that S3 keeps for an object uploaded with that checksum: the same value
 * as Lambda's CodeSha256 for the same bytes. A multipart (composite) checksum is not a hash of the
 * object, and an object without a checksum tells nothing; then the code is deployed every run.
 */
async function readS3Sha256(
  ctx: RunContext,
  source: { bucket: string; key: string; objectVersion?: string }
): Promise<string | undefined> {
  const where = `s3://${source.bucket}/${source.key}`
  try {
    const head = await ctx.clients.s3.send(
      new HeadObjectCommand({
        Bucket: source.bucket,
        Key: source.key,
        VersionId: source.objectVersion,
        ChecksumMode: 'ENABLED'
      })
    )
    const sha = head.ChecksumSHA256
    if (sha && head.ChecksumType !== 'COMPOSITE' && !sha.includes('-')) return sha
  } catch (error) {
    // A HEAD answer has no body: the SDK names a 404 NotFound and a 403 Unknown. S3 answers 403
    // for a missing key too when the caller lacks s3:ListBucket, so both mean the same here.
    const status = httpStatus(error)
    if (status === 404 || status === 403)
      throw new InputError([
        `s3-key: ${where}${source.objectVersion ? ` version ${source.objectVersion}` : ''} does not exist or cannot be read (s3:HeadObject answered HTTP ${status}); check s3-bucket, s3-key${source.objectVersion ? ', s3-object-version' : ''} and that these credentials may s3:GetObject it`
      ])
    core.info(
      `s3:HeadObject ${where} failed (${errorName(error)}); its checksum is unknown, so it is deployed`
    )
  }
  return undefined
}

async function readAlias(
  lambda: LambdaClient,
  functionName: string,
  alias: string
): Promise<PublishFacts['alias']> {
  return unlessMissing(
    lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: alias })),
    'ResourceNotFoundException'
  )
}

/**
 * The published versions that may already match $LATEST. The alias's version is read alone first:
 * on a rerun it is the one that matches, and one GetFunctionConfiguration settles it. Otherwise
 * every version is listed to find the newest: Lambda lists them oldest first, at most 50 a page
 * (MaxItems cannot raise that), so the newest is only on the last page.
 */
async function versionsToReuse(
  lambda: LambdaClient,
  name: string,
  latest: LiveConfiguration,
  alias: PublishFacts['alias']
): Promise<LiveConfiguration[]> {
  const aliasVersion = alias?.FunctionVersion
  if (aliasVersion && /^\d+$/.test(aliasVersion)) {
    const version = await readVersion(lambda, name, aliasVersion)
    if (version && sameDeployment(version, latest)) return [version]
  }
  return listVersions(lambda, name)
}

async function readVersion(
  lambda: LambdaClient,
  name: string,
  version: string
): Promise<LiveConfiguration | undefined> {
  return unlessMissing(
    lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: version })),
    'ResourceNotFoundException'
  )
}

/** Every published version, $LATEST left out. */
async function listVersions(lambda: LambdaClient, name: string): Promise<LiveConfiguration[]> {
  const versions: LiveConfiguration[] = []
  for await (const page of paginateListVersionsByFunction(
    { client: lambda },
    { FunctionName: name }
  ))
    versions.push(...(page.Versions ?? []).filter(v => v.Version !== '$LATEST'))
  return versions
}

// ---- Apply: writes, or nothing in a dry run ----

export async function applyFunction(
  ctx: RunContext,
  plan: FunctionPlan,
  timing: Partial<Timing> = {}
): Promise<FunctionOutcome> {
  if (ctx.settings.dryRun)
    return {
      changes: plan.changes,
      codeSha256: plan.function.codeSha256,
      version: plan.publish?.reuse
    }
  return deploy(ctx, plan, { ...DEFAULT_TIMING, ...timing }, false)
}

async function deploy(
  ctx: RunContext,
  plan: FunctionPlan,
  t: Timing,
  replanned: boolean
): Promise<FunctionOutcome> {
  const { settings } = ctx
  const lambda = ctx.clients.lambda
  const name = settings.functionName
  const fn = plan.function
  let latest: LiveConfiguration | undefined = plan.live

  if (fn.create) {
    const spec = fn.create
    const active = await core.group(`Create function ${name}`, async () => {
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
        roleRetry('lambda:CreateFunction', t)
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
      core.info(`Created ${response.FunctionArn} (CodeSha256 ${response.CodeSha256})`)
      return waitForActive(lambda, name, t)
    })
    if (!active) {
      // Once only: a second "already exists" after planning again means Lambda's reads and
      // writes disagree for now, and looping would not settle it.
      if (replanned)
        throw new Error(
          `lambda:CreateFunction: function ${name} already exists, yet reading it again found no function; run the action again`
        )
      core.info(
        `Function ${name} was created by someone else meanwhile: planning again as an update`
      )
      return deploy(ctx, await planFunction(ctx, plan.code), t, true)
    }
    latest = active
  } else {
    if (fn.configuration) {
      const update = fn.configuration
      latest = await core.group(`Update function ${name} configuration`, async () => {
        await retry(
          () =>
            lambda.send(
              new UpdateFunctionConfigurationCommand({
                FunctionName: name,
                ...update,
                Runtime: update.Runtime as Runtime | undefined
              })
            ),
          conflictOrRoleRetry('lambda:UpdateFunctionConfiguration', lambda, name, t)
        ).catch(error => {
          throw explainRoleError(error, update.Role)
        })
        return waitForUpdate(lambda, name, t)
      })
    }
    if (fn.code) {
      const code = fn.code
      latest = await core.group(`Update function ${name} code`, async () => {
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
          conflictRetry('lambda:UpdateFunctionCode', lambda, name, t)
        )
        core.info(`Uploaded: CodeSha256 ${updated.CodeSha256}`)
        return waitForUpdate(lambda, name, t)
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
    (await core.group(`Publish a version of ${name}`, () => publishVersion(ctx, latest, t)))
  outcome.version = version
  outcome.changes = plan.changes.map(change =>
    change.target.endsWith(' version') && change.action === 'create'
      ? { ...change, detail: `published version ${version}` }
      : change.target.startsWith('alias ') && !publish.reuse
        ? { ...change, detail: change.detail.replace('the new version', `version ${version}`) }
        : change
  )
  if (publish.alias) {
    const { name: aliasName, action, arn } = publish.alias
    if (action !== 'unchanged') core.info(`Pointing alias ${aliasName} to version ${version}`)
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
  latest: LiveConfiguration | undefined,
  t: Timing
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
    conflictRetry('lambda:PublishVersion', lambda, name, t)
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
  core.info(`Published version ${version} (CodeSha256 ${published.CodeSha256})`)
  if (published.State && published.State !== 'Active') {
    core.info(`Waiting for version ${version} of ${name} to become Active`)
    await waitUntilPublishedVersionActive(waiterConfig(lambda, t), {
      FunctionName: name,
      Qualifier: version
    }).catch(error => {
      throw waiterError(error, `version ${version} of ${name} to become Active`, t)
    })
  }
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

/** The Code of CreateFunction, or the code fields of UpdateFunctionCode. */
async function codeFor(
  ctx: RunContext,
  upload: Upload,
  zip: Uint8Array | undefined
): Promise<FunctionCode> {
  switch (upload.kind) {
    case 'zip':
      return { ZipFile: required(zip) }
    case 'staged-zip':
      await stageZip(ctx, upload, required(zip))
      return { S3Bucket: upload.bucket, S3Key: upload.key }
    case 's3':
      return { S3Bucket: upload.bucket, S3Key: upload.key, S3ObjectVersion: upload.objectVersion }
    case 'image':
      return { ImageUri: upload.imageUri }
  }
}

const required = (zip: Uint8Array | undefined): Uint8Array => {
  if (!zip) throw new Error('code: the package was not built')
  return zip
}

/**
 * Puts a zip over the direct-upload limit in the staging bucket, unless it is already there. The
 * key is content-addressed, so uploading again would be harmless; the HEAD is kept because it
 * spares re-sending 50 MB or more when a run is repeated after a failed update, or when the code
 * goes back to a package staged before.
 */
async function stageZip(
  ctx: RunContext,
  upload: Extract<Upload, { kind: 'staged-zip' }>,
  zip: Uint8Array
): Promise<void> {
  const s3 = ctx.clients.s3
  const where = `s3://${upload.bucket}/${upload.key}`
  const head = await s3
    .send(
      new HeadObjectCommand({ Bucket: upload.bucket, Key: upload.key, ChecksumMode: 'ENABLED' })
    )
    .catch(error => {
      // No body, so no error code: 404, or 403 when the caller lacks s3:ListBucket (the README
      // asks only for s3:GetObject and s3:PutObject). Either way: not there for us, upload it.
      const status = httpStatus(error)
      if (status === 404 || status === 403) return undefined
      throw error
    })
  // The key is derived from the hash; the size and checksum confirm it is whole.
  if (
    head &&
    head.ContentLength === upload.size &&
    (head.ChecksumSHA256 === undefined || head.ChecksumSHA256 === upload.sha256)
  ) {
    core.info(`${where} is already there; not uploaded again`)
    return
  }
  core.info(`Uploading ${formatSize(upload.size)} to ${where}`)
  await s3.send(
    new PutObjectCommand({
      Bucket: upload.bucket,
      Key: upload.key,
      Body: zip,
      ContentType: 'application/zip',
      // S3 refuses the object unless its bytes have this SHA-256.
      ChecksumSHA256: upload.sha256
    })
  )
}

// ---- Waits and retries ----

function waiterConfig(lambda: LambdaClient, t: Timing) {
  return {
    client: lambda,
    maxWaitTime: t.maxWaitSeconds,
    minDelay: t.minDelaySeconds,
    maxDelay: t.maxDelaySeconds
  }
}

async function waitForActive(
  lambda: LambdaClient,
  name: string,
  t: Timing
): Promise<LiveConfiguration | undefined> {
  core.info(`Waiting for function ${name} to become Active`)
  const result = await waitUntilFunctionActiveV2(waiterConfig(lambda, t), {
    FunctionName: name
  }).catch(error => {
    throw waiterError(error, `function ${name} to become Active`, t)
  })
  return (result.reason as GetFunctionCommandOutput | undefined)?.Configuration
}

async function waitForUpdate(
  lambda: LambdaClient,
  name: string,
  t: Timing
): Promise<LiveConfiguration | undefined> {
  core.info(`Waiting for the update of function ${name} to finish (LastUpdateStatus Successful)`)
  const result = await waitUntilFunctionUpdatedV2(waiterConfig(lambda, t), {
    FunctionName: name
  }).catch(error => {
    throw waiterError(error, `the update of function ${name} to finish`, t)
  })
  return (result.reason as GetFunctionCommandOutput | undefined)?.Configuration
}

/** A waiter's failure, said plainly: timed out, or Lambda reported Failed (with its reason). */
function waiterError(error: unknown, what: string, t: Timing): Error {
  const text = error instanceof Error ? error.message : String(error)
  if (/TIMEOUT/i.test(text))
    return new Error(`Gave up waiting for ${what} after ${t.maxWaitSeconds} s`)
  const reason = /"(?:StateReason|LastUpdateStatusReason)":"([^"]*)"/.exec(text)?.[1]
  return new Error(`Waiting for ${what}: Lambda reports it failed${reason ? `: ${reason}` : ''}`, {
    cause: error
  })
}

const isRoleNotReady = (error: unknown): boolean =>
  errorName(error) === 'InvalidParameterValueException' &&
  /cannot be assumed by Lambda/i.test((error as Error).message)

function roleDecision(error: unknown): RetryDecision | undefined {
  return isRoleNotReady(error)
    ? {
        reason:
          'the execution role cannot be assumed by Lambda yet (a new role takes a few seconds to reach Lambda)'
      }
    : undefined
}

function roleRetry(label: string, t: Timing): RetryOptions {
  return {
    label,
    retryable: roleDecision,
    maxElapsedMs: t.roleRetryMs,
    initialDelayMs: t.initialDelayMs,
    maxDelayMs: t.maxDelayMs
  }
}

/** Another update in progress: wait for it with the SDK waiters, then try again. */
function conflictDecision(
  lambda: LambdaClient,
  name: string,
  t: Timing
): (error: unknown) => RetryDecision | undefined {
  return error =>
    errorName(error) === 'ResourceConflictException'
      ? {
          reason: `function ${name} is busy (${(error as Error).message})`,
          waitFor: async () => {
            // A function still being created is Pending; one being updated is InProgress.
            await waitForActive(lambda, name, t)
            await waitForUpdate(lambda, name, t)
          }
        }
      : undefined
}

function conflictRetry(label: string, lambda: LambdaClient, name: string, t: Timing): RetryOptions {
  return {
    label,
    retryable: conflictDecision(lambda, name, t),
    maxElapsedMs: t.maxWaitSeconds * 1000,
    maxAttempts: t.conflictAttempts
  }
}

/** A configuration update may meet both: another update, and a new execution role. */
function conflictOrRoleRetry(
  label: string,
  lambda: LambdaClient,
  name: string,
  t: Timing
): RetryOptions {
  const conflict = conflictDecision(lambda, name, t)
  return {
    ...roleRetry(label, t),
    retryable: (error: unknown) => conflict(error) ?? roleDecision(error)
  }
}

/** A role that never became usable: name the input and the likely cause. */
function explainRoleError(error: unknown, role: string | undefined): unknown {
  if (!(error instanceof RetriesExhausted) || !isRoleNotReady(error.lastError)) return error
  return new Error(
    `execution-role-arn: Lambda could not assume ${role} for ${(error.elapsedMs / 1000).toFixed(0)} s; check that its trust policy allows lambda.amazonaws.com to sts:AssumeRole`,
    { cause: error }
  )
}

/** One log line per change: "would update" in a dry run. */
export function describeChange(change: Change, dryRun: boolean): string {
  const verb = {
    create: dryRun ? 'Would create' : 'Create',
    update: dryRun ? 'Would update' : 'Update',
    unchanged: 'Unchanged'
  }[change.action]
  return `${verb} ${change.target}: ${change.detail}`
}
