// Lambda function operations: create, read, update code and configuration. Each handler parses
// the request, lets the model decide, and renders the answer.
import type { EmulatorContext } from '../core/context.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { jsonResponse } from '../protocols/rest-json.js'
import type { CodeInput } from './code.js'
import { invalidParameter, requestBody, validationException } from './errors.js'
import {
  createFunction as create,
  defaultSettings,
  settingsFrom,
  updateCode,
  updateConfiguration
} from './model.js'
import { findFunction, parseFunctionName, resolveQualifier } from './names.js'
import { codeLocation, configurationJson } from './render.js'
import type { LambdaFunction } from './state.js'

function createFunction(ctx: EmulatorContext, req: EmulatorRequest): EmulatorResponse {
  const body = requestBody(req)
  if (typeof body.FunctionName !== 'string') {
    throw validationException('functionName', null, 'Member must not be null')
  }
  if (body.Role === undefined) throw validationException('role', null, 'Member must not be null')
  const { fn, version } = create(ctx, {
    ref: parseFunctionName(ctx, req.region, body.FunctionName),
    settings: settingsFrom(body, defaultSettings(String(body.Role), body.PackageType)),
    code: (body.Code ?? {}) as CodeInput,
    tags: (body.Tags ?? {}) as Record<string, string>,
    publish: body.Publish === true
  })
  fn.sourceKmsKeyArn = keyOf(
    (body.Code as { SourceKMSKeyArn?: unknown } | undefined)?.SourceKMSKeyArn
  )
  fn.codeSigningConfigArn = keyOf(body.CodeSigningConfigArn)
  return jsonResponse(req, 201, configurationJson(ctx, fn, version))
}

function getFunction(ctx: EmulatorContext, req: EmulatorRequest, name: string): EmulatorResponse {
  const { fn, qualifier } = findFunction(ctx, req.region, name, req.query.get('Qualifier'))
  const version = resolveQualifier(fn, qualifier)
  return jsonResponse(req, 200, {
    Configuration: configurationJson(ctx, fn, version),
    // FunctionCodeLocation.SourceKMSKeyArn: the customer managed key of the code package.
    Code: { ...codeLocation(ctx, fn, version), SourceKMSKeyArn: fn.sourceKmsKeyArn },
    Tags: fn.tags
  })
}

function getFunctionConfiguration(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const { fn, qualifier } = findFunction(ctx, req.region, name, req.query.get('Qualifier'))
  return jsonResponse(req, 200, configurationJson(ctx, fn, resolveQualifier(fn, qualifier)))
}

function updatableFunction(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): LambdaFunction {
  const { fn, qualifier } = findFunction(ctx, req.region, name)
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
  const body = requestBody(req)
  const dryRun = body.DryRun === true
  const { code, version } = updateCode(ctx, fn, {
    code: body as CodeInput,
    architectures: body.Architectures,
    revisionId: body.RevisionId,
    dryRun,
    publish: body.Publish === true
  })
  if (!dryRun && body.SourceKMSKeyArn !== undefined)
    fn.sourceKmsKeyArn = keyOf(body.SourceKMSKeyArn)
  const configuration = configurationJson(ctx, fn, version)
  // A dry run shows the function as it is, with the code it would get.
  const shown = dryRun
    ? { ...configuration, CodeSha256: code.sha256, CodeSize: code.size }
    : configuration
  return jsonResponse(req, 200, shown)
}

function updateFunctionConfiguration(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const fn = updatableFunction(ctx, req, name)
  updateConfiguration(ctx, fn, requestBody(req))
  return jsonResponse(req, 200, configurationJson(ctx, fn))
}

/** A key ARN as stored: '' (or none) is Lambda's own key. */
const keyOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined

export const functionOperations = {
  createFunction,
  getFunction,
  getFunctionConfiguration,
  updateFunctionCode,
  updateFunctionConfiguration
}
