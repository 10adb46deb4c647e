// Lambda's rules over its state, with no HTTP: creating and updating functions (the Pending and
// InProgress state model, revision preconditions), publishing versions, aliases and tags.
import type { EmulatorContext } from '../core/context.js'
import { revisionId } from '../core/ids.js'
import { ServiceError } from '../protocols/errors.js'
import { type VersionWeights, checkRouting } from './alias-routing.js'
import { type CodeInput, resolveCode } from './code.js'
import {
  functionNotFound,
  invalidParameter,
  resourceConflict,
  validationException
} from './errors.js'
import type { FunctionRef } from './names.js'
import { MORE_SETTINGS, storedValue } from './more-settings.js'
import { checkExecutionRole, validateSettings } from './settings.js'
import type {
  Alias,
  FunctionCode,
  FunctionSettings,
  LambdaFunction,
  PublishedVersion
} from './state.js'

export function lambdaTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000')
}

/** The fields of a request that set configuration, applied over `base`. */
export function settingsFrom(
  fields: Record<string, unknown>,
  base: FunctionSettings
): FunctionSettings {
  const pick = <K extends keyof FunctionSettings>(key: K): FunctionSettings[K] =>
    fields[key] === undefined ? base[key] : (fields[key] as FunctionSettings[K])
  return {
    Runtime: pick('Runtime'),
    Handler: pick('Handler'),
    Role: pick('Role'),
    Description: pick('Description'),
    Timeout: pick('Timeout'),
    MemorySize: pick('MemorySize'),
    Environment: pick('Environment'),
    Architectures: pick('Architectures'),
    PackageType: pick('PackageType'),
    EphemeralStorage: pick('EphemeralStorage'),
    ...Object.fromEntries(
      MORE_SETTINGS.map(key => [
        key,
        fields[key] === undefined ? base[key] : storedValue(key, fields[key])
      ])
    )
  }
}

export function defaultSettings(role: string, packageType: unknown): FunctionSettings {
  return {
    Role: role,
    Description: '',
    Timeout: 3,
    MemorySize: 128,
    Architectures: ['x86_64'],
    PackageType: packageType === 'Image' ? 'Image' : 'Zip',
    EphemeralStorage: { Size: 512 }
  }
}

export interface NewFunction {
  arn: string
  name: string
  region: string
  settings: FunctionSettings
  code: FunctionCode
  tags?: Record<string, string>
}

export function newFunction(
  ctx: EmulatorContext,
  input: NewFunction,
  createdAt = ctx.now()
): LambdaFunction {
  return {
    ...input,
    tags: input.tags ?? {},
    revisionId: revisionId(),
    lastModified: lambdaTimestamp(createdAt),
    activeAt: createdAt + ctx.config.functionActivationMs,
    updateDoneAt: 0,
    versions: [],
    aliases: new Map()
  }
}

/** Invokes and writes are refused while the function is Pending (Lambda's function states guide). */
export function ensureActive(ctx: EmulatorContext, fn: LambdaFunction): void {
  if (ctx.now() < fn.activeAt)
    throw resourceConflict(
      'The operation cannot be performed at this time. The function is currently in the following state: Pending'
    )
}

/** Writes are refused while the function is Pending or an update is InProgress. */
export function ensureWritable(ctx: EmulatorContext, fn: LambdaFunction): void {
  ensureActive(ctx, fn)
  if (ctx.now() < fn.updateDoneAt) {
    throw resourceConflict(
      `The operation cannot be performed at this time. An update is in progress for resource: ${fn.arn}`
    )
  }
}

export function ensureRevision(expected: unknown, actual: string): void {
  if (expected !== undefined && expected !== actual) {
    throw new ServiceError(
      412,
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id'
    )
  }
}

/** A zip package comes with a runtime, an image with its URI, never the other way round. */
function checkPackage(packageType: string, code: CodeInput, verb: 'creating' | 'updating') {
  if (packageType === 'Image' && typeof code.ImageUri !== 'string') {
    throw invalidParameter(
      `Please provide ImageUri when ${verb} a function with packageType Image.`
    )
  }
  if (packageType === 'Zip' && code.ImageUri !== undefined) {
    throw invalidParameter(
      verb === 'creating'
        ? 'Please do not provide ImageUri when creating a function with packageType Zip.'
        : "Please don't provide ImageUri when updating a function with packageType Zip."
    )
  }
}

export interface CreateFunction {
  ref: FunctionRef
  settings: FunctionSettings
  code: CodeInput
  tags: Record<string, string>
  publish: boolean
}

/** The new function, and its first version when `publish` asked for one. */
export function createFunction(ctx: EmulatorContext, input: CreateFunction) {
  const { ref, settings } = input
  validateSettings(settings)
  checkPackage(settings.PackageType, input.code, 'creating')
  if (ctx.state.lambda.functions.has(ref.arn))
    throw resourceConflict(`Function already exist: ${ref.name}`)
  const code = resolveCode(ctx, input.code, 'CreateFunction')
  checkExecutionRole(ctx, settings.Role)
  const region = ref.arn.split(':')[3]
  const fn = newFunction(ctx, {
    arn: ref.arn,
    name: ref.name,
    region,
    settings,
    code,
    tags: input.tags
  })
  ctx.state.lambda.functions.set(fn.arn, fn)
  return { fn, version: input.publish ? publish(fn) : undefined }
}

/** An update is accepted at once and completes after `functionUpdateMs`. */
function markUpdated(ctx: EmulatorContext, fn: LambdaFunction): void {
  fn.revisionId = revisionId()
  fn.lastModified = lambdaTimestamp(ctx.now())
  fn.updateDoneAt = ctx.now() + ctx.config.functionUpdateMs
}

export interface UpdateCode {
  code: CodeInput
  architectures?: unknown
  revisionId?: unknown
  dryRun: boolean
  publish: boolean
}

/** The new code (stored unless a dry run), and the version published with it if asked. */
export function updateCode(ctx: EmulatorContext, fn: LambdaFunction, input: UpdateCode) {
  ensureWritable(ctx, fn)
  ensureRevision(input.revisionId, fn.revisionId)
  checkPackage(fn.settings.PackageType, input.code, 'updating')
  const code = resolveCode(ctx, input.code, 'UpdateFunctionCode')
  const settings = settingsFrom({ Architectures: input.architectures }, fn.settings)
  validateSettings(settings)
  if (input.dryRun) return { code, version: undefined }
  fn.code = code
  fn.settings = settings
  markUpdated(ctx, fn)
  return { code, version: input.publish ? publish(fn) : undefined }
}

export function updateConfiguration(
  ctx: EmulatorContext,
  fn: LambdaFunction,
  fields: Record<string, unknown>
): void {
  ensureWritable(ctx, fn)
  ensureRevision(fields.RevisionId, fn.revisionId)
  // Architectures and the package type change with the code, never here.
  const settings = settingsFrom(
    { ...fields, Architectures: undefined, PackageType: undefined },
    fn.settings
  )
  validateSettings(settings)
  if (fields.Role !== undefined) checkExecutionRole(ctx, settings.Role)
  fn.settings = settings
  markUpdated(ctx, fn)
}

function sameContent(fn: LambdaFunction, version: PublishedVersion): boolean {
  return (
    version.code.sha256 === fn.code.sha256 &&
    JSON.stringify(version.settings) === JSON.stringify(fn.settings)
  )
}

/** Lambda publishes nothing new when $LATEST's code and configuration match the last version. */
export function publish(fn: LambdaFunction, description?: string): PublishedVersion {
  const last = fn.versions.at(-1)
  if (last && sameContent(fn, last)) return last
  const version: PublishedVersion = {
    version: String(fn.versions.length + 1),
    settings: structuredClone(fn.settings),
    code: fn.code,
    description: description ?? fn.settings.Description,
    revisionId: revisionId(),
    lastModified: fn.lastModified,
    sourceRevision: fn.revisionId
  }
  fn.versions.push(version)
  return version
}

export interface PublishRequest {
  codeSha256?: unknown
  revisionId?: unknown
  description?: string
}

/** PublishVersion's preconditions: $LATEST settled, and the code and revision the caller saw. */
export function publishVersion(
  ctx: EmulatorContext,
  fn: LambdaFunction,
  input: PublishRequest
): PublishedVersion {
  ensureWritable(ctx, fn)
  if (input.codeSha256 !== undefined && input.codeSha256 !== fn.code.sha256) {
    throw invalidParameter(
      `CodeSHA256 (${String(input.codeSha256)}) is different from current CodeSHA256 in $LATEST (${fn.code.sha256}). Please try again with the CodeSHA256 in $LATEST.`
    )
  }
  ensureRevision(input.revisionId, fn.revisionId)
  return publish(fn, input.description)
}

/** An alias may point at $LATEST or at a published version. */
export function requireVersion(fn: LambdaFunction, version: unknown): string {
  if (typeof version !== 'string')
    throw validationException('functionVersion', null, 'Member must not be null')
  if (version !== '$LATEST' && !fn.versions.some(v => v.version === version)) {
    throw functionNotFound(`${fn.arn}:${version}`)
  }
  return version
}

/** Cleared routing is no routing at all, as GetAlias then answers. */
const orNone = (routing: VersionWeights | undefined): VersionWeights | undefined =>
  routing && Object.keys(routing).length ? routing : undefined

export function createAlias(
  fn: LambdaFunction,
  input: { name: string; functionVersion: unknown; description: string; routing?: VersionWeights }
): Alias {
  const functionVersion = requireVersion(fn, input.functionVersion)
  checkRouting(fn, functionVersion, input.routing ?? {})
  if (fn.aliases.has(input.name))
    throw resourceConflict(`Alias already exists: ${fn.arn}:${input.name}`)
  const alias: Alias = {
    ...input,
    routing: orNone(input.routing),
    functionVersion,
    revisionId: revisionId()
  }
  fn.aliases.set(alias.name, alias)
  return alias
}

export function findAlias(fn: LambdaFunction, aliasName: string): Alias {
  const alias = fn.aliases.get(aliasName)
  if (!alias) {
    throw new ServiceError(
      404,
      'ResourceNotFoundException',
      `Cannot find alias arn: ${fn.arn}:${aliasName}`
    )
  }
  return alias
}

export function updateAlias(
  alias: Alias,
  fn: LambdaFunction,
  input: {
    revisionId?: unknown
    functionVersion?: unknown
    description?: string
    routing?: VersionWeights
  }
): void {
  ensureRevision(input.revisionId, alias.revisionId)
  const functionVersion =
    input.functionVersion === undefined
      ? alias.functionVersion
      : requireVersion(fn, input.functionVersion)
  // A RoutingConfig left out keeps the old one; the pair that results must obey the rules.
  const routing = input.routing ?? alias.routing ?? {}
  checkRouting(fn, functionVersion, routing)
  alias.functionVersion = functionVersion
  alias.routing = orNone(routing)
  if (input.description !== undefined) alias.description = input.description
  alias.revisionId = revisionId()
}

/** Tags are addressed by the function's unqualified ARN. */
export function taggedFunction(ctx: EmulatorContext, arn: string): LambdaFunction {
  const fn = ctx.state.lambda.functions.get(arn)
  if (!fn) throw functionNotFound(arn)
  return fn
}

/** Tags are merged: a key given again takes its new value. */
export function tagFunction(fn: LambdaFunction, tags: Record<string, string>): void {
  Object.assign(fn.tags, tags)
}
