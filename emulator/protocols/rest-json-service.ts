// A REST-JSON service (Lambda, Access Analyzer) is a table of routes over shared plumbing, as
// `queryService` is for Query: the first route whose method and path match names the operation,
// and the path's captured groups, percent-decoded, are its labels. Anything else is the
// `UnknownOperationException` REST-JSON services answer for a path they do not serve.
import type { EmulatorContext } from '../core/context.js'
import { type Service, failingOperation } from '../core/service.js'
import { ServiceError } from './errors.js'
import type { EmulatorRequest, EmulatorResponse } from './http.js'

export type RestJsonHandler = (
  ctx: EmulatorContext,
  req: EmulatorRequest,
  ...labels: string[]
) => EmulatorResponse | Promise<EmulatorResponse>

export type Route = [method: string, path: RegExp, operation: string, handler: RestJsonHandler]

/** The service's own error shapes; `invalidLabel` refuses a label that is not valid encoding. */
export type RestJsonErrors = Omit<Service, 'resolve'> & {
  invalidLabel?(label: string): ServiceError
}

export function restJsonService(routes: readonly Route[], errors: RestJsonErrors): Service {
  const decode = (label: string): string => {
    try {
      return decodeURIComponent(label)
    } catch {
      throw errors.invalidLabel?.(label) ?? new ServiceError(400, 'BadRequest', 'Invalid path')
    }
  }
  return {
    resolve(req, ctx) {
      for (const [method, pattern, name, handler] of routes) {
        const match = req.method === method ? pattern.exec(req.path) : null
        if (match) return { name, run: () => handler(ctx, req, ...match.slice(1).map(decode)) }
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
    renderError: errors.renderError,
    throttlingError: errors.throttlingError,
    internalError: errors.internalError
  }
}
