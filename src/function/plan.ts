// What deploying the function means, decided from the inputs and from the function as Lambda
// reports it: create it, update its configuration, upload code, publish, move the alias, or nothing.
// Pure: every AWS call lives in function/apply.ts, so each decision here is tested without a mock.
//
// Rules that users rely on:
// - Only what the user named is compared and changed; an input left out never resets anything
//   (environment included: given, it replaces the variables with exactly that map; left out, the
//   live variables stay as they are).
// - Code is uploaded only when its SHA-256 differs from the live CodeSha256. Code already in S3
//   is compared through the object's full-object SHA-256 checksum when S3 has one (uploaded with
//   `--checksum-algorithm SHA256`); without one its content is unknown, so it is always deployed.
//   An image is compared by URI (a digest URI also against the resolved digest): a re-pushed tag
//   under the same URI is not detected, so deploy images by digest or by a unique tag.
// - A version is published only when $LATEST changes, or when no published version matches
//   $LATEST (its code and configuration); the alias moves only when it points elsewhere.
// - A function that Lambda reports Failed (State or LastUpdateStatus) is redeployed even when
//   nothing differs: comparing alone would leave it broken on every rerun.
import { DIRECT_UPLOAD_LIMIT, formatSize, UNZIPPED_SIZE_LIMIT } from './code-package.js'
import type { Change } from '../context.js'
import { InputError, type Settings } from '../inputs.js'

export type DeploySettings = Pick<
  Settings,
  'functionName' | 'code' | 'stagingBucket' | 'config' | 'publish' | 'alias'
>

/** The fields of Lambda's FunctionConfiguration that the plan reads. */
export interface LiveConfiguration {
  FunctionName?: string
  Version?: string
  Runtime?: string
  Handler?: string
  Role?: string
  MemorySize?: number
  Timeout?: number
  Description?: string
  Environment?: { Variables?: Record<string, string> }
  Architectures?: string[]
  PackageType?: string
  CodeSha256?: string
  RevisionId?: string
  State?: string
  StateReason?: string
  StateReasonCode?: string
  LastUpdateStatus?: string
  LastUpdateStatusReason?: string
  LastUpdateStatusReasonCode?: string
}

/** The function as GetFunction returns it. */
export interface LiveFunction {
  configuration: LiveConfiguration
  /** Code.ImageUri and Code.ResolvedImageUri of an image function. */
  imageUri?: string
  resolvedImageUri?: string
}

/** What is known of a `code` package before anything is uploaded. */
export interface PackageSummary {
  sha256: string
  size: number
  unzippedSize: number
}

/** How the code reaches Lambda. */
export type Upload =
  /** The zip in the request itself (ZipFile). */
  | { kind: 'zip'; sha256: string; size: number }
  /** A zip over the direct-upload limit: PutObject to the staging bucket, then S3Bucket/S3Key. */
  | { kind: 'staged-zip'; sha256: string; size: number; bucket: string; key: string }
  /** Code the user already put in S3; sha256 when S3 knows the object's full SHA-256. */
  | { kind: 's3'; bucket: string; key: string; objectVersion?: string; sha256?: string }
  | { kind: 'image'; imageUri: string }

type Architecture = 'x86_64' | 'arm64'

export interface CreateFunctionSpec {
  PackageType: 'Zip' | 'Image'
  Runtime?: string
  Handler?: string
  Role: string
  Architectures?: Architecture[]
  MemorySize?: number
  Timeout?: number
  Description?: string
  Environment?: { Variables: Record<string, string> }
  upload: Upload
}

/** UpdateFunctionConfiguration's fields, only those that change. */
export type ConfigurationUpdate = Pick<
  LiveConfiguration,
  'Runtime' | 'Handler' | 'Role' | 'MemorySize' | 'Timeout' | 'Description'
> & { Environment?: { Variables: Record<string, string> } }

/** UpdateFunctionCode: the code, and the architecture (Lambda sets it with the code). */
export interface CodeUpdate {
  upload: Upload
  Architectures?: Architecture[]
}

export interface FunctionChanges {
  create?: CreateFunctionSpec
  configuration?: ConfigurationUpdate
  code?: CodeUpdate
  /** $LATEST's CodeSha256 once the changes are made, when it is known before making them. */
  codeSha256?: string
  changes: Change[]
  /** For warning annotations: a function that Lambda reports failed, and what to do about it. */
  warnings: string[]
}

/** Where a zip over the direct-upload limit is staged: derived from its hash, so a rerun finds it. */
export function stagingKey(functionName: string, sha256: string): string {
  return `apic-lambda-deploy/${functionName}/${Buffer.from(sha256, 'base64').toString('hex')}.zip`
}

/** Problems the package alone reveals: main.ts checks them before any AWS call and any upload. */
export function checkPackage(settings: DeploySettings, pkg: PackageSummary | undefined): void {
  if (!pkg) return
  const problems: string[] = []
  if (pkg.unzippedSize > UNZIPPED_SIZE_LIMIT)
    problems.push(
      `code: the package is ${formatSize(pkg.unzippedSize)} unzipped, over Lambda's limit of ${formatSize(UNZIPPED_SIZE_LIMIT)}; nothing was uploaded`
    )
  if (pkg.size > DIRECT_UPLOAD_LIMIT && !settings.stagingBucket)
    problems.push(
      `s3-bucket: the package is ${formatSize(pkg.size)} (${pkg.size} bytes) zipped, over the ${DIRECT_UPLOAD_LIMIT} bytes that Lambda accepts in a request; give s3-bucket (a bucket in the function's region) to upload it through S3`
    )
  if (problems.length) throw new InputError(problems)
}

/**
 * Decides how to bring the function to what the inputs name. `live` is undefined when the
 * function does not exist; `s3Sha256` is the full-object SHA-256 of an `s3-key` source, if known.
 * Throws InputError (before any write) when the inputs cannot produce a valid request.
 */
export function planFunctionChanges(input: {
  settings: DeploySettings
  pkg?: PackageSummary
  live?: LiveFunction
  s3Sha256?: string
}): FunctionChanges {
  const { settings, pkg, live, s3Sha256 } = input
  const upload = uploadFor(settings, pkg, s3Sha256)
  return live ? planUpdate(settings, live, upload) : planCreate(settings, upload)
}

function uploadFor(
  settings: DeploySettings,
  pkg: PackageSummary | undefined,
  s3Sha256: string | undefined
): Upload | undefined {
  const { code } = settings
  switch (code.kind) {
    case 'none':
      return undefined
    case 'path':
      if (!pkg) throw new Error('code: the package was not built') // main.ts always builds it
      return pkg.size > DIRECT_UPLOAD_LIMIT && settings.stagingBucket
        ? {
            kind: 'staged-zip',
            sha256: pkg.sha256,
            size: pkg.size,
            bucket: settings.stagingBucket,
            key: stagingKey(settings.functionName, pkg.sha256)
          }
        : { kind: 'zip', sha256: pkg.sha256, size: pkg.size }
    case 's3':
      return {
        kind: 's3',
        bucket: code.bucket,
        key: code.key,
        objectVersion: code.objectVersion,
        sha256: s3Sha256
      }
    case 'image':
      return { kind: 'image', imageUri: code.imageUri }
  }
}

function planCreate(settings: DeploySettings, upload: Upload | undefined): FunctionChanges {
  const { config, functionName } = settings
  const isImage = upload?.kind === 'image'
  const missing = [
    !isImage && !config.runtime && 'runtime',
    !isImage && !config.handler && 'handler',
    !config.role && 'execution-role-arn'
  ].filter((name): name is string => Boolean(name))
  const problems: string[] = []
  if (!upload)
    problems.push(
      `code: function ${functionName} does not exist; creating it needs its code: give code, s3-bucket with s3-key, or image-uri`
    )
  if (missing.length)
    problems.push(
      `${missing.join(', ')}: function ${functionName} does not exist; creating ${isImage ? 'an image function' : 'it'} needs ${missing.join(', ')}`
    )
  if (isImage) problems.push(...imageOnlyProblems(settings))
  if (problems.length || !upload || !config.role) throw new InputError(problems)

  const create: CreateFunctionSpec = {
    PackageType: isImage ? 'Image' : 'Zip',
    Runtime: config.runtime,
    Handler: config.handler,
    Role: config.role,
    Architectures: config.architectures,
    MemorySize: config.memorySize,
    Timeout: config.timeout,
    Description: config.description,
    Environment: config.environment && { Variables: config.environment },
    upload
  }
  const what = isImage
    ? `image ${(upload as { imageUri: string }).imageUri}`
    : `${config.runtime}, handler ${config.handler}, ${describeUpload(upload)}`
  return {
    create,
    codeSha256: shaOf(upload),
    changes: [{ target: functionTarget(settings), action: 'create', detail: what }],
    warnings: []
  }
}

/** Runtime and handler belong to zip functions; an image brings its own entry point. */
function imageOnlyProblems(settings: DeploySettings): string[] {
  const named = [settings.config.runtime && 'runtime', settings.config.handler && 'handler'].filter(
    Boolean
  )
  return named.length
    ? [
        `${named.join(', ')}: an image function (image-uri) has no ${named.join(' or ')}; remove ${named.length > 1 ? 'them' : 'it'}`
      ]
    : []
}

function planUpdate(
  settings: DeploySettings,
  live: LiveFunction,
  upload: Upload | undefined
): FunctionChanges {
  const current = live.configuration
  const isImage = current.PackageType === 'Image'
  const problems: string[] = []
  if (upload && (upload.kind === 'image') !== isImage)
    problems.push(
      isImage
        ? `${sourceInput(settings)}: function ${settings.functionName} is an image function; Lambda cannot change it to a zip package (use image-uri)`
        : `image-uri: function ${settings.functionName} is a zip function; Lambda cannot change it to an image (use code or s3-key)`
    )
  if (isImage) problems.push(...imageOnlyProblems(settings))

  const wantArchitecture = settings.config.architectures?.[0]
  const liveArchitecture = current.Architectures?.[0] ?? 'x86_64'
  const architectureChanges =
    wantArchitecture !== undefined && wantArchitecture !== liveArchitecture
  if (architectureChanges && !upload)
    problems.push(
      `architectures: changing ${settings.functionName} from ${liveArchitecture} to ${wantArchitecture} needs its code too (Lambda sets the architecture with the code): give code, s3-key or image-uri`
    )
  if (problems.length) throw new InputError(problems)

  const changes: Change[] = []
  const configuration = configurationUpdate(settings, current)
  const configTarget = `${functionTarget(settings)} configuration`
  changes.push(
    configuration
      ? {
          target: configTarget,
          action: 'update',
          detail: describeConfigurationChange(configuration, current)
        }
      : {
          target: configTarget,
          action: 'unchanged',
          detail: namedConfig(settings).length
            ? `${namedConfig(settings).join(', ')} as given`
            : 'no configuration input given'
        }
  )

  const codeTarget = `${functionTarget(settings)} code`
  const failed = failure(current)
  let code: CodeUpdate | undefined
  if (!upload) {
    changes.push({ target: codeTarget, action: 'unchanged', detail: 'no code source given' })
  } else {
    const same = sameCode(upload, live)
    if (same.same && !architectureChanges && !failed) {
      changes.push({ target: codeTarget, action: 'unchanged', detail: same.why })
    } else {
      code = {
        upload,
        ...(architectureChanges ? { Architectures: [wantArchitecture] } : {})
      }
      const parts = [same.same ? `same code (${same.why})` : same.why]
      if (architectureChanges) parts.push(`architecture ${liveArchitecture} → ${wantArchitecture}`)
      // Only a new update retries what Lambda abandoned (function states guide): force one.
      if (failed) parts.unshift(`redeployed because Lambda reports it failed (${failed})`)
      changes.push({
        target: codeTarget,
        action: 'update',
        detail: `${parts.join('; ')}, ${describeUpload(upload)}`
      })
    }
  }
  return {
    configuration,
    code,
    codeSha256: code ? shaOf(code.upload) : current.CodeSha256,
    changes,
    warnings: failed ? [failureWarning(settings.functionName, current, failed, Boolean(code))] : []
  }
}

/**
 * What Lambda reports as failed on $LATEST, in a few words: State Failed (its creation or
 * provisioning failed) or LastUpdateStatus Failed (the last update was abandoned); else undefined.
 */
export function failure(current: LiveConfiguration): string | undefined {
  const say = (what: string, code?: string, reason?: string): string =>
    [what, code, reason].filter(Boolean).join(': ')
  if (current.State === 'Failed')
    return say('State Failed', current.StateReasonCode, current.StateReason)
  if (current.LastUpdateStatus === 'Failed')
    return say(
      'LastUpdateStatus Failed',
      current.LastUpdateStatusReasonCode,
      current.LastUpdateStatusReason
    )
  return undefined
}

/** What a failed function needs from the user, beyond what this run does. */
function failureWarning(
  name: string,
  current: LiveConfiguration,
  failed: string,
  redeploying: boolean
): string {
  // Lambda's function states guide: after a failed update the previous code and configuration
  // keep running and a new update retries; a function whose creation failed must be recreated.
  const recreate = `Lambda's function states guide says a function whose creation failed must be deleted and created again`
  const reported = `Lambda reports function ${name} failed (${failed})`
  if (current.State === 'Failed')
    return redeploying
      ? `${reported}: this run redeploys its code, but ${recreate}; if it stays Failed, delete it and run the action again`
      : `${reported} and this run has no code source to redeploy it (code, s3-key or image-uri); ${recreate}: delete it and run the action again with its code`
  return redeploying
    ? `${reported}: its previous code and configuration still run; this run redeploys it`
    : `${reported}: its previous code and configuration still run, and this run has no code source to redeploy it; give code, s3-key or image-uri`
}

/** Whether the code to deploy is the code $LATEST runs, and why (or why not) in a few words. */
function sameCode(upload: Upload, live: LiveFunction): { same: boolean; why: string } {
  const liveSha = live.configuration.CodeSha256
  switch (upload.kind) {
    case 'zip':
    case 'staged-zip':
    case 's3': {
      if (upload.kind === 's3' && upload.sha256 === undefined)
        return {
          same: false,
          why: `s3://${upload.bucket}/${upload.key} has no full-object SHA-256 checksum in S3 to compare, so it is deployed every run (upload it with --checksum-algorithm SHA256 to let reruns skip it)`
        }
      return upload.sha256 === liveSha
        ? { same: true, why: `CodeSha256 ${short(liveSha)} matches` }
        : { same: false, why: `CodeSha256 ${short(liveSha)} → ${short(upload.sha256)}` }
    }
    case 'image': {
      const wanted = upload.imageUri
      if (wanted === live.imageUri || wanted === live.resolvedImageUri)
        return { same: true, why: `image ${wanted} is deployed` }
      return { same: false, why: `image ${live.imageUri ?? '(none)'} → ${wanted}` }
    }
  }
}

/** The named configuration inputs whose values differ from the live function, as SDK fields. */
function configurationUpdate(
  settings: DeploySettings,
  current: LiveConfiguration
): ConfigurationUpdate | undefined {
  const want = settings.config
  const update: ConfigurationUpdate = {}
  if (want.runtime !== undefined && want.runtime !== current.Runtime) update.Runtime = want.runtime
  if (want.handler !== undefined && want.handler !== current.Handler) update.Handler = want.handler
  if (want.role !== undefined && want.role !== current.Role) update.Role = want.role
  if (want.memorySize !== undefined && want.memorySize !== current.MemorySize)
    update.MemorySize = want.memorySize
  if (want.timeout !== undefined && want.timeout !== current.Timeout) update.Timeout = want.timeout
  if (want.description !== undefined && want.description !== (current.Description ?? ''))
    update.Description = want.description
  if (
    want.environment !== undefined &&
    !sameMap(want.environment, current.Environment?.Variables ?? {})
  )
    update.Environment = { Variables: want.environment }
  return Object.keys(update).length ? update : undefined
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length && keys.every(k => Object.hasOwn(b, k) && a[k] === b[k])
  )
}

// ---- Publishing and the alias ----

export interface PublishFacts {
  /** The function's published versions (not $LATEST), in any order. */
  versions: LiveConfiguration[]
  /** The alias as GetAlias returns it; undefined when it does not exist (or none was named). */
  alias?: { FunctionVersion?: string; AliasArn?: string }
}

export interface PublishPlan {
  /** A published version that already matches $LATEST; undefined: publish a new one. */
  reuse?: string
  alias?: { name: string; action: 'create' | 'update' | 'unchanged'; arn?: string }
  changes: Change[]
}

/**
 * Whether to publish and where the alias goes. `latest` is $LATEST as it will be after the
 * function changes; when `latestChanges` is true a new version is always published.
 */
export function planPublish(input: {
  settings: DeploySettings
  latestChanges: boolean
  latest?: LiveConfiguration
  facts: PublishFacts
}): PublishPlan | undefined {
  const { settings, latestChanges, latest, facts } = input
  if (!settings.publish) return undefined
  const versionTarget = `${functionTarget(settings)} version`
  const aliasVersion = facts.alias?.FunctionVersion
  let reuse: string | undefined
  if (!latestChanges && latest) {
    const byNumber = new Map(facts.versions.map(v => [v.Version ?? '', v]))
    const newest = newestVersion(facts.versions)
    const candidates = [aliasVersion ? byNumber.get(aliasVersion) : undefined, newest]
    reuse = candidates.find(v => v && sameDeployment(v, latest))?.Version
  }
  const changes: Change[] = [
    reuse
      ? {
          target: versionTarget,
          action: 'unchanged',
          detail: `version ${reuse} already has CodeSha256 ${short(latest?.CodeSha256)} and this configuration`
        }
      : {
          target: versionTarget,
          action: 'create',
          detail: latestChanges
            ? 'publish the deployed code as a new version'
            : 'no published version matches $LATEST; publish it'
        }
  ]
  let alias: PublishPlan['alias']
  if (settings.alias) {
    const target = `alias ${settings.functionName}:${settings.alias}`
    const action = !facts.alias
      ? 'create'
      : reuse !== undefined && aliasVersion === reuse
        ? 'unchanged'
        : 'update'
    alias = { name: settings.alias, action, arn: facts.alias?.AliasArn }
    const to = reuse ? `version ${reuse}` : 'the new version'
    changes.push({
      target,
      action,
      detail:
        action === 'unchanged'
          ? `points to version ${reuse}`
          : action === 'create'
            ? `point it to ${to}`
            : `version ${aliasVersion ?? '?'} → ${to}`
    })
  }
  return { reuse, alias, changes }
}

/** The highest numbered published version. */
export function newestVersion(versions: LiveConfiguration[]): LiveConfiguration | undefined {
  return versions
    .filter(v => /^\d+$/.test(v.Version ?? ''))
    .reduce<LiveConfiguration | undefined>(
      (best, v) => (best && Number(best.Version) >= Number(v.Version) ? best : v),
      undefined
    )
}

/**
 * Fields that describe one version rather than what it runs, left out when a published version is
 * compared with $LATEST. Description is the version's own (PublishVersion sets it); the runtime
 * version is Lambda's to roll out, not part of the deployment.
 */
const VERSION_FIELDS = new Set([
  'FunctionArn',
  'Version',
  'Description',
  'LastModified',
  'RevisionId',
  'State',
  'StateReason',
  'StateReasonCode',
  'LastUpdateStatus',
  'LastUpdateStatusReason',
  'LastUpdateStatusReasonCode',
  'RuntimeVersionConfig'
])

/**
 * Whether a published version runs what $LATEST runs: every field of the configuration except
 * VERSION_FIELDS, so that a setting changed outside this action (layers, VPC, storage, logging,
 * KMS key, or one Lambda adds later) is never missed. Empty and absent values are the same.
 */
export function sameDeployment(version: LiveConfiguration, latest: LiveConfiguration): boolean {
  return deploymentKey(version) === deploymentKey(latest)
}

function deploymentKey(configuration: LiveConfiguration): string {
  const fields: Record<string, unknown> = { PackageType: 'Zip', Architectures: ['x86_64'] }
  for (const [name, value] of Object.entries(configuration))
    // `$metadata` and the like: the SDK's, when the configuration is a whole command output.
    if (!VERSION_FIELDS.has(name) && !name.startsWith('$') && value !== undefined)
      fields[name] = value
  // SnapStart's OptimizationStatus is On only for a published version; ApplyOn is the setting.
  const snapStart = fields.SnapStart as { ApplyOn?: string } | undefined
  if (snapStart) fields.SnapStart = { ApplyOn: snapStart.ApplyOn }
  return JSON.stringify(canonical(fields)) ?? ''
}

/** Sorted keys; null, '', [] and {} dropped, so only meaning is compared. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.map(canonical) : undefined
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map(key => [key, canonical((value as Record<string, unknown>)[key])] as const)
      .filter(([, v]) => v !== undefined)
    return entries.length ? Object.fromEntries(entries) : undefined
  }
  return value === null || value === '' ? undefined : value
}

// ---- Wording ----

function functionTarget(settings: DeploySettings): string {
  return `function ${settings.functionName}`
}

function sourceInput(settings: DeploySettings): string {
  return settings.code.kind === 's3' ? 's3-key' : 'code'
}

/** The configuration inputs the user named, by input name. */
function namedConfig(settings: DeploySettings): string[] {
  const c = settings.config
  const names: [string, unknown][] = [
    ['runtime', c.runtime],
    ['handler', c.handler],
    ['execution-role-arn', c.role],
    ['architectures', c.architectures],
    ['memory-size', c.memorySize],
    ['timeout', c.timeout],
    ['description', c.description],
    ['environment', c.environment]
  ]
  return names.filter(([, value]) => value !== undefined).map(([name]) => name)
}

function describeConfigurationChange(
  update: ConfigurationUpdate,
  current: LiveConfiguration
): string {
  const parts: string[] = []
  const scalar = (name: string, from: unknown, to: unknown): void => {
    if (to !== undefined) parts.push(`${name} ${String(from ?? '(none)')} → ${String(to)}`)
  }
  scalar('runtime', current.Runtime, update.Runtime)
  scalar('handler', current.Handler, update.Handler)
  scalar('execution-role-arn', current.Role, update.Role)
  scalar('memory-size', current.MemorySize, update.MemorySize)
  scalar('timeout', current.Timeout, update.Timeout)
  if (update.Description !== undefined) parts.push('description')
  if (update.Environment)
    parts.push(
      `environment ${describeEnvironmentChange(current.Environment?.Variables ?? {}, update.Environment.Variables)}`
    )
  return parts.join(', ')
}

/** Names only: values may be secrets. */
export function describeEnvironmentChange(
  from: Record<string, string>,
  to: Record<string, string>
): string {
  const added = Object.keys(to).filter(k => !Object.hasOwn(from, k))
  const removed = Object.keys(from).filter(k => !Object.hasOwn(to, k))
  const changed = Object.keys(to).filter(k => Object.hasOwn(from, k) && from[k] !== to[k])
  const parts = [
    added.length && `added ${added.sort().join(' ')}`,
    changed.length && `changed ${changed.sort().join(' ')}`,
    removed.length && `removed ${removed.sort().join(' ')}`
  ].filter(Boolean)
  return `(${parts.join('; ')})`
}

function describeUpload(upload: Upload): string {
  switch (upload.kind) {
    case 'zip':
      return `${formatSize(upload.size)} zip (CodeSha256 ${short(upload.sha256)})`
    case 'staged-zip':
      return `${formatSize(upload.size)} zip through s3://${upload.bucket}/${upload.key}`
    case 's3':
      return `from s3://${upload.bucket}/${upload.key}${upload.objectVersion ? ` (version ${upload.objectVersion})` : ''}`
    case 'image':
      return `image ${upload.imageUri}`
  }
}

function shaOf(upload: Upload): string | undefined {
  return upload.kind === 'image' ? undefined : upload.sha256
}

const short = (sha: string | undefined): string => (sha ? `${sha.slice(0, 12)}…` : '(none)')
