// Lambda versions, aliases and tags. Each handler parses the request, lets the model decide, and
// renders the answer.
import type { EmulatorContext } from '../core/context.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { jsonResponse } from '../protocols/rest-json.js'
import { routingFrom } from './alias-routing.js'
import { invalidParameter, requestBody, validationException } from './errors.js'
import {
  createAlias as create,
  findAlias,
  publishVersion as publish,
  tagFunction,
  taggedFunction,
  updateAlias as update
} from './model.js'
import { findFunction } from './names.js'
import { aliasJson, configurationJson } from './render.js'

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

function publishVersion(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const { fn } = findFunction(ctx, req.region, name)
  const body = requestBody(req)
  const version = publish(ctx, fn, {
    codeSha256: body.CodeSha256,
    revisionId: body.RevisionId,
    description: text(body.Description)
  })
  return jsonResponse(req, 201, configurationJson(ctx, fn, version))
}

function listVersionsByFunction(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const { fn } = findFunction(ctx, req.region, name)
  const versions = [
    configurationJson(ctx, fn),
    ...fn.versions.map(v => configurationJson(ctx, fn, v))
  ]
  return jsonResponse(req, 200, { Versions: versions })
}

function createAlias(ctx: EmulatorContext, req: EmulatorRequest, name: string): EmulatorResponse {
  const { fn } = findFunction(ctx, req.region, name)
  const body = requestBody(req)
  const aliasName = body.Name
  if (typeof aliasName !== 'string' || !/^(?!^[0-9]+$)([a-zA-Z0-9-_]{1,128})$/.test(aliasName)) {
    throw validationException(
      'name',
      aliasName ?? null,
      'Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)'
    )
  }
  const alias = create(fn, {
    name: aliasName,
    functionVersion: body.FunctionVersion,
    description: text(body.Description) ?? '',
    routing: routingFrom(body.RoutingConfig)
  })
  return jsonResponse(req, 201, aliasJson(fn, alias))
}

function getAlias(ctx: EmulatorContext, req: EmulatorRequest, name: string, aliasName: string) {
  const { fn } = findFunction(ctx, req.region, name)
  return jsonResponse(req, 200, aliasJson(fn, findAlias(fn, aliasName)))
}

// ListAliases: "FunctionVersion - Specify a function version to only list aliases that invoke
// that version", paged by Marker and MaxItems (1-10000).
// https://docs.aws.amazon.com/lambda/latest/api/API_ListAliases.html
function listAliases(ctx: EmulatorContext, req: EmulatorRequest, name: string) {
  const { fn } = findFunction(ctx, req.region, name)
  const version = req.query.get('FunctionVersion')
  const maxItems = Number(req.query.get('MaxItems') ?? 50)
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 10000)
    throw validationException('maxItems', maxItems, 'Member must be between 1 and 10000')
  const start = Number(req.query.get('Marker') ?? 0)
  const all = [...fn.aliases.values()].filter(a => !version || a.functionVersion === version)
  if (!Number.isInteger(start) || start < 0 || start > all.length)
    throw invalidParameter('Invalid Marker')
  const page = all.slice(start, start + maxItems)
  const next = start + page.length < all.length ? { NextMarker: String(start + page.length) } : {}
  return jsonResponse(req, 200, { Aliases: page.map(a => aliasJson(fn, a)), ...next })
}

function updateAlias(ctx: EmulatorContext, req: EmulatorRequest, name: string, aliasName: string) {
  const { fn } = findFunction(ctx, req.region, name)
  const alias = findAlias(fn, aliasName)
  const body = requestBody(req)
  update(alias, fn, {
    revisionId: body.RevisionId,
    functionVersion: body.FunctionVersion,
    description: text(body.Description),
    routing: routingFrom(body.RoutingConfig)
  })
  return jsonResponse(req, 200, aliasJson(fn, alias))
}

function tagResource(ctx: EmulatorContext, req: EmulatorRequest, arn: string): EmulatorResponse {
  const fn = taggedFunction(ctx, arn)
  const tags = requestBody(req).Tags
  if (tags === null || typeof tags !== 'object')
    throw validationException('tags', null, 'Member must not be null')
  tagFunction(fn, tags as Record<string, string>)
  return jsonResponse(req, 204)
}

function untagResource(ctx: EmulatorContext, req: EmulatorRequest, arn: string): EmulatorResponse {
  const fn = taggedFunction(ctx, arn)
  const keys = req.query.getAll('tagKeys')
  if (!keys.length) throw validationException('tagKeys', null, 'Member must not be null')
  for (const key of keys) delete fn.tags[key]
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
  listAliases,
  updateAlias,
  tagResource,
  untagResource,
  listTags
}
