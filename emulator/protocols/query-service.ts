// A Query-protocol service (IAM, STS) is a table of actions over the shared request plumbing.
import { ServiceError } from './errors.js'
import type { EmulatorRequest } from './http.js'
import { type QueryParams, queryError, queryParams, queryResult } from './query.js'
import { type Service, failingOperation } from '../core/service.js'
import type { EmulatorContext } from '../core/context.js'
import type { XmlValue } from './xml.js'

export type QueryAction = (
  params: QueryParams,
  ctx: EmulatorContext,
  req: EmulatorRequest
) => XmlValue | undefined

export function queryService(
  namespace: string,
  version: string,
  actions: Record<string, QueryAction>
): Service {
  return {
    resolve(req, ctx) {
      const params = queryParams(req)
      const action = params.get('Action')
      if (!action) {
        return failingOperation(
          'MissingAction',
          new ServiceError(400, 'MissingAction', 'The request must contain the parameter Action')
        )
      }
      const handler = Object.hasOwn(actions, action) ? actions[action] : undefined
      if (!handler) {
        return failingOperation(
          action,
          new ServiceError(
            400,
            'InvalidAction',
            `Could not find operation ${action} for version ${version}`
          )
        )
      }
      return {
        name: action,
        run: () => queryResult(req, namespace, action, handler(params, ctx, req))
      }
    },
    renderError: (req, error) => queryError(req, namespace, error),
    throttlingError: () => new ServiceError(400, 'Throttling', 'Rate exceeded'),
    internalError: () =>
      new ServiceError(
        500,
        'InternalFailure',
        'The request processing has failed because of an unknown error, exception or failure.'
      )
  }
}
