// Lambda versions, aliases and tags.
import { ServiceError } from '../protocols/errors.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { revisionId } from '../core/ids.js'
import {
  configurationJson,
  ensureRevision,
  ensureWritable,
  findFunction,
  functionNotFound,
  invalidParameter,
  validationException
} from './model.js'
import { jsonBody, jsonResponse } from '../protocols/rest-json.js'
import type { Alias, EmulatorContext, LambdaFunction, PublishedVersion } from '../core/context.js'

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

function publishVersion(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const { fn } = findFunction(ctx, req, name)
  const body = jsonBody(req)
  ensureWritable(ctx, fn)
  if (body.CodeSha256 !== undefined && body.CodeSha256 !== fn.code.sha256) {
    throw invalidParameter(
      `CodeSHA256 (${String(body.CodeSha256)}) is different from current CodeSHA256 in $LATEST (${fn.code.sha256}). Please try again with the CodeSHA256 in $LATEST.`
    )
  }
  ensureRevision(body.RevisionId, fn.revisionId)
  const description = typeof body.Description === 'string' ? body.Description : undefined
  return jsonResponse(req, 201, configurationJson(ctx, fn, publish(fn, description)))
}

function listVersionsByFunction(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const { fn } = findFunction(ctx, req, name)
  const versions = [
    configurationJson(ctx, fn),
    ...fn.versions.map(v => configurationJson(ctx, fn, v))
  ]
  return jsonResponse(req, 200, { Versions: versions })
}

function aliasJson(fn: LambdaFunction, alias: Alias): Record<string, unknown> {
  return {
    AliasArn: `${fn.arn}:${alias.name}`,
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    RevisionId: alias.revisionId
  }
}

function requireVersion(fn: LambdaFunction, version: unknown): string {
  if (typeof version !== 'string')
    throw validationException('functionVersion', null, 'Member must not be null')
  if (version !== '$LATEST' && !fn.versions.some(v => v.version === version)) {
    throw functionNotFound(`${fn.arn}:${version}`)
  }
  return version
}

function createAlias(ctx: EmulatorContext, req: EmulatorRequest, name: string): EmulatorResponse {
  const { fn } = findFunction(ctx, req, name)
  const body = jsonBody(req)
  const aliasName = body.Name
  if (typeof aliasName !== 'string' || !/^(?!^[0-9]+$)([a-zA-Z0-9-_]{1,128})$/.test(aliasName)) {
    throw validationException(
      'name',
      aliasName ?? null,
      'Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)'
    )
  }
  const functionVersion = requireVersion(fn, body.FunctionVersion)
  if (fn.aliases.has(aliasName)) {
    throw new ServiceError(
      409,
      'ResourceConflictException',
      `Alias already exists: ${fn.arn}:${aliasName}`
    )
  }
  const alias: Alias = {
    name: aliasName,
    functionVersion,
    description: typeof body.Description === 'string' ? body.Description : '',
    revisionId: revisionId()
  }
  fn.aliases.set(aliasName, alias)
  return jsonResponse(req, 201, aliasJson(fn, alias))
}

function findAlias(fn: LambdaFunction, aliasName: string): Alias {
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

function getAlias(ctx: EmulatorContext, req: EmulatorRequest, name: string, aliasName: string) {
  const { fn } = findFunction(ctx, req, name)
  return jsonResponse(req, 200, aliasJson(fn, findAlias(fn, aliasName)))
}

function updateAlias(ctx: EmulatorContext, req: EmulatorRequest, name: string, aliasName: string) {
  const { fn } = findFunction(ctx, req, name)
  const alias = findAlias(fn, aliasName)
  const body = jsonBody(req)
  ensureRevision(body.RevisionId, alias.revisionId)
  if (body.FunctionVersion !== undefined)
    alias.functionVersion = requireVersion(fn, body.FunctionVersion)
  if (typeof body.Description === 'string') alias.description = body.Description
  alias.revisionId = revisionId()
  return jsonResponse(req, 200, aliasJson(fn, alias))
}

function taggedFunction(ctx: EmulatorContext, arn: string): LambdaFunction {
  const fn = ctx.state.lambda.functions.get(arn)
  if (!fn) throw functionNotFound(arn)
  return fn
}

function tagResource(ctx: EmulatorContext, req: EmulatorRequest, arn: string): EmulatorResponse {
  const fn = taggedFunction(ctx, arn)
  const tags = jsonBody(req).Tags
  if (tags === null || typeof tags !== 'object')
    throw validationException('tags', null, 'Member must not be null')
  Object.assign(fn.tags, tags)
  return jsonResponse(req, 204)
}

function listTags(ctx: EmulatorContext, req: EmulatorRequest, arn: string): EmulatorResponse {
  return jsonResponse(req, 200, { Tags: taggedFunction(ctx, arn).tags })
}

export const versionOperations = {
  publishVersion,
  listVersionsByFunction,
  createAlias,
  getAlias,
  updateAlias,
  tagResource,
  listTags
}
