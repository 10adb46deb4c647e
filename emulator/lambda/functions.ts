// Lambda function operations: create, read, update code and configuration.
import { ServiceError } from '../protocols/errors.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { revisionId } from '../core/ids.js'
import {
  configurationJson,
  ensureRevision,
  ensureWritable,
  findFunction,
  invalidParameter,
  lambdaTimestamp,
  parseFunctionName,
  resolveQualifier,
  validationException
} from './model.js'
import { type CodeInput, checkExecutionRole, resolveCode, validateSettings } from './settings.js'
import { publish } from './versions.js'
import { jsonBody, jsonResponse } from '../protocols/rest-json.js'
import type {
  EmulatorContext,
  FunctionCode,
  FunctionSettings,
  LambdaFunction
} from '../core/context.js'

/** The fields of a request body that set configuration, applied over `base`. */
function settingsFrom(body: Record<string, unknown>, base: FunctionSettings): FunctionSettings {
  const pick = <K extends keyof FunctionSettings>(key: K): FunctionSettings[K] =>
    body[key] === undefined ? base[key] : (body[key] as FunctionSettings[K])
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
    EphemeralStorage: pick('EphemeralStorage')
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

function createFunction(ctx: EmulatorContext, req: EmulatorRequest): EmulatorResponse {
  const body = jsonBody(req)
  if (typeof body.FunctionName !== 'string') {
    throw validationException('functionName', null, 'Member must not be null')
  }
  if (body.Role === undefined) throw validationException('role', null, 'Member must not be null')
  const ref = parseFunctionName(ctx, req, body.FunctionName)
  const settings = settingsFrom(body, defaultSettings(String(body.Role), body.PackageType))
  validateSettings(settings)
  const codeInput = (body.Code ?? {}) as CodeInput
  if (settings.PackageType === 'Image' && typeof codeInput.ImageUri !== 'string') {
    throw invalidParameter(
      'Please provide ImageUri when creating a function with packageType Image.'
    )
  }
  if (settings.PackageType === 'Zip' && codeInput.ImageUri !== undefined) {
    throw invalidParameter(
      'Please do not provide ImageUri when creating a function with packageType Zip.'
    )
  }
  if (ctx.state.lambda.functions.has(ref.arn)) {
    throw new ServiceError(409, 'ResourceConflictException', `Function already exist: ${ref.name}`)
  }
  const code = resolveCode(ctx, codeInput, 'CreateFunction')
  checkExecutionRole(ctx, settings.Role)
  const region = ref.arn.split(':')[3]
  const tags = (body.Tags ?? {}) as Record<string, string>
  const fn = newFunction(ctx, { arn: ref.arn, name: ref.name, region, settings, code, tags })
  ctx.state.lambda.functions.set(fn.arn, fn)
  const version = body.Publish === true ? publish(fn) : undefined
  return jsonResponse(req, 201, configurationJson(ctx, fn, version))
}

function getFunction(ctx: EmulatorContext, req: EmulatorRequest, name: string): EmulatorResponse {
  const { fn, qualifier } = findFunction(ctx, req, name, req.query.get('Qualifier'))
  const version = resolveQualifier(fn, qualifier)
  const code = version ? version.code : fn.code
  const location = code.imageUri
    ? { RepositoryType: 'ECR', ImageUri: code.imageUri, ResolvedImageUri: code.imageUri }
    : {
        RepositoryType: 'S3',
        Location: `${ctx.url}/_emulator/code/${encodeURIComponent(fn.arn)}${version ? `?version=${version.version}` : ''}`
      }
  return jsonResponse(req, 200, {
    Configuration: configurationJson(ctx, fn, version),
    Code: location,
    Tags: fn.tags
  })
}

function getFunctionConfiguration(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const { fn, qualifier } = findFunction(ctx, req, name, req.query.get('Qualifier'))
  return jsonResponse(req, 200, configurationJson(ctx, fn, resolveQualifier(fn, qualifier)))
}

/** An update is accepted at once and completes after `functionUpdateMs`. */
function markUpdated(ctx: EmulatorContext, fn: LambdaFunction): void {
  fn.revisionId = revisionId()
  fn.lastModified = lambdaTimestamp(ctx.now())
  fn.updateDoneAt = ctx.now() + ctx.config.functionUpdateMs
}

function updatableFunction(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): LambdaFunction {
  const { fn, qualifier } = findFunction(ctx, req, name)
  if (qualifier !== undefined) {
    throw invalidParameter('Unqualified function name or ARN is required for this operation.')
  }
  return fn
}

function updateFunctionCode(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const fn = updatableFunction(ctx, req, name)
  const body = jsonBody(req)
  ensureWritable(ctx, fn)
  ensureRevision(body.RevisionId, fn.revisionId)
  const input = body as CodeInput
  if (fn.settings.PackageType === 'Image' && typeof input.ImageUri !== 'string') {
    throw invalidParameter(
      'Please provide ImageUri when updating a function with packageType Image.'
    )
  }
  if (fn.settings.PackageType === 'Zip' && input.ImageUri !== undefined) {
    throw invalidParameter(
      "Please don't provide ImageUri when updating a function with packageType Zip."
    )
  }
  const code = resolveCode(ctx, input, 'UpdateFunctionCode')
  const settings = settingsFrom({ Architectures: body.Architectures }, fn.settings)
  validateSettings(settings)
  if (body.DryRun === true) {
    return jsonResponse(req, 200, {
      ...configurationJson(ctx, fn),
      CodeSha256: code.sha256,
      CodeSize: code.size
    })
  }
  fn.code = code
  fn.settings = settings
  markUpdated(ctx, fn)
  const version = body.Publish === true ? publish(fn) : undefined
  return jsonResponse(req, 200, configurationJson(ctx, fn, version))
}

function updateFunctionConfiguration(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const fn = updatableFunction(ctx, req, name)
  const body = jsonBody(req)
  ensureWritable(ctx, fn)
  ensureRevision(body.RevisionId, fn.revisionId)
  // Architectures and the package type change with the code, never here.
  const settings = settingsFrom(
    { ...body, Architectures: undefined, PackageType: undefined },
    fn.settings
  )
  validateSettings(settings)
  if (body.Role !== undefined) checkExecutionRole(ctx, settings.Role)
  fn.settings = settings
  markUpdated(ctx, fn)
  return jsonResponse(req, 200, configurationJson(ctx, fn))
}

export const functionOperations = {
  createFunction,
  getFunction,
  getFunctionConfiguration,
  updateFunctionCode,
  updateFunctionConfiguration
}
