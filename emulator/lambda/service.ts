// Lambda over REST-JSON: requests are matched on method and path.
// https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html
import { ServiceError } from '../protocols/errors.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { functionOperations as f } from './functions.js'
import { versionOperations as v } from './versions.js'
import { jsonError } from '../protocols/rest-json.js'
import { type Service, failingOperation } from '../core/service.js'
import type { EmulatorContext } from '../core/context.js'

type Handler = (ctx: EmulatorContext, req: EmulatorRequest, ...labels: string[]) => EmulatorResponse

/** A path under one function; its name (still encoded) is the first captured label. */
const fn = (suffix: string) => new RegExp(`^/2015-03-31/functions/([^/]+)${suffix}/?$`)
const tags = /^\/2017-03-31\/tags\/([^/]+)\/?$/

const ROUTES: [method: string, path: RegExp, operation: string, handler: Handler][] = [
  ['POST', /^\/2015-03-31\/functions\/?$/, 'CreateFunction', f.createFunction],
  ['GET', fn(''), 'GetFunction', f.getFunction],
  ['GET', fn('/configuration'), 'GetFunctionConfiguration', f.getFunctionConfiguration],
  ['PUT', fn('/configuration'), 'UpdateFunctionConfiguration', f.updateFunctionConfiguration],
  ['PUT', fn('/code'), 'UpdateFunctionCode', f.updateFunctionCode],
  ['POST', fn('/versions'), 'PublishVersion', v.publishVersion],
  ['GET', fn('/versions'), 'ListVersionsByFunction', v.listVersionsByFunction],
  ['POST', fn('/aliases'), 'CreateAlias', v.createAlias],
  ['GET', fn('/aliases/([^/]+)'), 'GetAlias', v.getAlias],
  ['PUT', fn('/aliases/([^/]+)'), 'UpdateAlias', v.updateAlias],
  ['POST', tags, 'TagResource', v.tagResource],
  ['GET', tags, 'ListTags', v.listTags]
]

function decodeLabel(label: string): string {
  try {
    return decodeURIComponent(label)
  } catch {
    throw new ServiceError(
      400,
      'InvalidParameterValueException',
      `Invalid path parameter: ${label}`
    )
  }
}

export const lambdaService: Service = {
  resolve(req, ctx) {
    for (const [method, pattern, name, handler] of ROUTES) {
      const match = req.method === method ? pattern.exec(req.path) : null
      if (match) return { name, run: () => handler(ctx, req, ...match.slice(1).map(decodeLabel)) }
    }
    return failingOperation(
      'UnknownOperation',
      new ServiceError(
        404,
        'UnknownOperationException',
        `Unknown operation: ${req.method} ${req.path}`
      )
    )
  },
  renderError: jsonError,
  throttlingError: () =>
    new ServiceError(429, 'TooManyRequestsException', 'Rate exceeded', {
      Reason: 'CallerRateLimitExceeded'
    }),
  internalError: () =>
    new ServiceError(
      500,
      'ServiceException',
      'The AWS Lambda service encountered an internal error.'
    )
}
