// A function's code-signing configuration, kept apart from FunctionConfiguration as Lambda keeps
// it: Get, Put and DeleteFunctionCodeSigningConfig. The emulator has no code-signing configs of
// its own, so any well-formed ARN is accepted.
// https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionCodeSigningConfig.html
import type { EmulatorContext } from '../core/context.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { jsonResponse } from '../protocols/rest-json.js'
import { requestBody, validationException } from './errors.js'
import { ensureWritable } from './model.js'
import { findFunction } from './names.js'

const CODE_SIGNING =
  /^arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}:code-signing-config:csc-[a-z0-9]{17}$/

function getFunctionCodeSigningConfig(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const { fn } = findFunction(ctx, req.region, name)
  return jsonResponse(req, 200, {
    FunctionName: fn.name,
    CodeSigningConfigArn: fn.codeSigningConfigArn ?? ''
  })
}

function putFunctionCodeSigningConfig(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const { fn } = findFunction(ctx, req.region, name)
  const arn = requestBody(req).CodeSigningConfigArn
  if (typeof arn !== 'string' || !CODE_SIGNING.test(arn))
    throw validationException(
      'codeSigningConfigArn',
      arn,
      `Member must satisfy regular expression pattern: ${CODE_SIGNING.source}`
    )
  ensureWritable(ctx, fn)
  fn.codeSigningConfigArn = arn
  return jsonResponse(req, 200, { FunctionName: fn.name, CodeSigningConfigArn: arn })
}

function deleteFunctionCodeSigningConfig(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string
): EmulatorResponse {
  const { fn } = findFunction(ctx, req.region, name)
  ensureWritable(ctx, fn)
  fn.codeSigningConfigArn = undefined
  return jsonResponse(req, 204)
}

export const codeSigningOperations = {
  getFunctionCodeSigningConfig,
  putFunctionCodeSigningConfig,
  deleteFunctionCodeSigningConfig
}
