// Every AWS failure says where it happened: `lambda:PublishVersion on function orders: …`, worded
// by failure.ts stepText, the one wording of a step (a failed branch's StepFailed carries its Step). IAM's
// writes already say so in their own words (role/errors.ts), so IAM is left alone except when the
// connection itself fails, which every service's error then names with its endpoint: a
// `socket hang up` alone does not say which of five services, or which emulator, hung up.
import type { HandlerExecutionContext, MetadataBearer, MiddlewareStack } from '@smithy/types'
import { stepText } from '../failure.js'
import { httpStatus } from './retry.js'

const MARK = Symbol('where')

/** The resource a request names, in the words the log uses. */
export function resourceOf(input: Record<string, unknown>): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  const fn = text(input.FunctionName)
  if (fn) return `function ${fn}${text(input.Qualifier) ? `:${text(input.Qualifier)}` : ''}`
  const bucket = text(input.Bucket)
  if (bucket) return `s3://${bucket}${text(input.Key) ? `/${text(input.Key)}` : ''}`
  const role = text(input.RoleArn) ?? text(input.PolicySourceArn) ?? text(input.RoleName)
  if (role) return `role ${role}`
  const policyType = text(input.policyType)
  if (policyType) return `a ${policyType.toLowerCase().replace(/_/g, ' ')}`
  return undefined
}

/** No HTTP answer at all: the connection was refused, reset or timed out. */
export const isConnectionError = (error: unknown): boolean =>
  httpStatus(error) === undefined &&
  /socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|timed? ?out|TimeoutError/i.test(
    `${(error as Error)?.name} ${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message}`
  )

/** The prefix for one failed call, or undefined when the service words it itself. */
export function whereText(
  service: string,
  operation: string,
  input: Record<string, unknown>,
  endpoint: string | undefined,
  error: unknown
): string | undefined {
  const connection = isConnectionError(error)
  if (service === 'iam' && !connection) return undefined
  const where = stepText({ operation: `${service}:${operation}`, resource: resourceOf(input) })
  return `${where}${connection && endpoint ? ` at ${endpoint}` : ''}`
}

type Context = HandlerExecutionContext & { [MARK]?: string }

/** Adds the prefix to every error `client` throws; the endpoint is read from the request sent. */
export function sayWhere<
  C extends { middlewareStack: Pick<MiddlewareStack<object, MetadataBearer>, 'add'> }
>(client: C, service: string): C {
  client.middlewareStack.add(
    (next, context: Context) => async args => {
      try {
        return await next(args)
      } catch (error) {
        const operation = (context.commandName ?? 'Call').replace(/Command$/, '')
        const where = whereText(service, operation, args.input as never, context[MARK], error)
        if (where && error instanceof Error && !error.message.startsWith(where))
          error.message = `${where}: ${error.message}`
        throw error
      }
    },
    { step: 'initialize', name: 'sayWhereMiddleware' }
  )
  client.middlewareStack.add(
    (next, context: Context) => async args => {
      const request = args.request as { protocol?: string; hostname?: string; port?: number }
      if (request?.hostname)
        context[MARK] =
          `${request.protocol ?? 'https:'}//${request.hostname}${request.port ? `:${request.port}` : ''}`
      return next(args)
    },
    { step: 'finalizeRequest', name: 'sayWhereEndpointMiddleware' }
  )
  return client
}
