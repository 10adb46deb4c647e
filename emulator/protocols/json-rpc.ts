// The AWS JSON 1.0 protocol (CloudWatch): every request is a POST to `/` whose X-Amz-Target header,
// `<service target>.<Operation>`, names the operation; bodies are JSON in
// application/x-amz-json-1.0; an error's body carries its shape in `__type`. A service that moved
// from the Query protocol ("awsQueryCompatible") also sends the Query error code and fault in the
// x-amzn-query-error header (`Code;Sender`), which the SDK reads before `__type`.
// https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#aws-protocols-awsquerycompatible-trait
import type { EmulatorContext } from '../core/context.js'
import { type Service, failingOperation } from '../core/service.js'
import { ServiceError } from './errors.js'
import { type EmulatorRequest, type EmulatorResponse, header } from './http.js'
import { jsonObjectBody } from './rest-json.js'

const CONTENT_TYPE = 'application/x-amz-json-1.0'

export type JsonRpcHandler = (
  input: Record<string, unknown>,
  ctx: EmulatorContext,
  req: EmulatorRequest
) => Record<string, unknown> | undefined

export interface JsonRpcService {
  target: string
  /** The error shapes' namespace, as `__type` spells them. */
  namespace: string
  /** Query error code → the shape that models it, where the names differ. */
  shapes: Record<string, string>
  operations: Record<string, JsonRpcHandler>
  throttlingError(): ServiceError
  internalError(): ServiceError
}

function renderError(
  service: JsonRpcService,
  req: EmulatorRequest,
  error: ServiceError
): EmulatorResponse {
  const shape = service.shapes[error.code] ?? error.code
  return {
    status: error.status,
    headers: {
      'content-type': CONTENT_TYPE,
      'x-amzn-requestid': req.requestId,
      'x-amzn-query-error': `${error.code};${error.status >= 500 ? 'Receiver' : 'Sender'}`
    },
    body: JSON.stringify({ __type: `${service.namespace}#${shape}`, message: error.message })
  }
}

export function jsonRpcService(service: JsonRpcService): Service {
  return {
    resolve(req, ctx) {
      const target = header(req, 'x-amz-target') ?? ''
      const dot = target.lastIndexOf('.')
      const name = target.slice(dot + 1)
      const handler =
        req.method === 'POST' &&
        target.slice(0, dot) === service.target &&
        Object.hasOwn(service.operations, name)
          ? service.operations[name]
          : undefined
      if (!handler)
        return failingOperation(
          name || 'UnknownOperation',
          new ServiceError(400, 'UnknownOperationException', `Unknown operation ${target}`)
        )
      return {
        name,
        run(): EmulatorResponse {
          const input = jsonObjectBody(
            req,
            () => new ServiceError(400, 'SerializationException', 'Request body is not valid JSON')
          )
          const output = handler(input, ctx, req)
          return {
            status: 200,
            headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': req.requestId },
            body: JSON.stringify(output ?? {})
          }
        }
      }
    },
    renderError: (req, error) => renderError(service, req, error),
    throttlingError: service.throttlingError,
    internalError: service.internalError
  }
}
