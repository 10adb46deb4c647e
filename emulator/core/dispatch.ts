// One request, start to end: read it, find its service and operation, apply faults, run the
// handler (any exception becomes the service's 500), answer, and log.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { accessAnalyzerService } from '../access-analyzer/service.js'
import { cloudWatchService } from '../cloudwatch/service.js'
import { ServiceError, asServiceError } from '../protocols/errors.js'
import type { FaultInjector, FaultSpec } from './faults.js'
import { foreignAnswer, localStackNotImplemented } from './foreign-faults.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { iamService } from '../iam/service.js'
import { requestId } from './ids.js'
import { lambdaService } from '../lambda/service.js'
import type { RequestLogEntry } from './log.js'
import { queryParams } from '../protocols/query.js'
import {
  type ServiceName,
  type Signature,
  isKnownService,
  parseSignature,
  serviceFromShape,
  serviceOfSigningName
} from './routing.js'
import { s3Service } from '../s3/service.js'
import type { Service } from './service.js'
import type { EmulatorContext } from './context.js'
import { stsService } from '../sts/service.js'
import { xmlDocument } from '../protocols/xml.js'

const SERVICES: Record<ServiceName, Service> = {
  iam: iamService,
  sts: stsService,
  lambda: lambdaService,
  s3: s3Service,
  'access-analyzer': accessAnalyzerService,
  cloudwatch: cloudWatchService
}

const MAX_BODY_BYTES = 100 * 1024 * 1024

/** The whole body, or undefined when it is over the limit (answered 413 later). */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined))
    req.on('error', reject)
  })
}

export function send(res: ServerResponse, method: string, response: EmulatorResponse): void {
  const body = response.body ?? ''
  const headers = { ...response.headers }
  // A HEAD answer announces the length of the body it does not send.
  if (method !== 'HEAD' || headers['content-length'] === undefined) {
    headers['content-length'] = String(Buffer.byteLength(body))
  }
  res.writeHead(response.status, headers)
  res.end(method === 'HEAD' ? undefined : body)
}

function unknownService(req: EmulatorRequest, name: string): EmulatorResponse {
  return {
    status: 400,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.requestId },
    body: xmlDocument('ErrorResponse', undefined, {
      Error: {
        Type: 'Sender',
        Code: 'UnknownService',
        Message: `The emulator does not implement the service '${name}'`
      },
      RequestId: req.requestId
    })
  }
}

function faultError(service: Service, fault: FaultSpec, name: string, op: string): ServiceError {
  if (fault.kind === 'throttle') return service.throttlingError()
  if (fault.kind === 'internal') return service.internalError()
  if (fault.kind === 'not-implemented') return localStackNotImplemented(name, op)
  return new ServiceError(
    fault.status ?? 400,
    fault.code ?? 'InjectedFault',
    fault.message ?? 'Injected fault'
  )
}

function toRequest(
  req: IncomingMessage,
  url: URL,
  body: Buffer | undefined,
  signature: Signature | undefined
): EmulatorRequest {
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: body ?? Buffer.alloc(0),
    region: signature?.region ?? 'us-east-1',
    accessKeyId: signature?.accessKeyId,
    requestId: requestId()
  }
}

/** What dispatching reads and writes besides the request: the world, the faults, the log. */
export interface Dispatcher {
  ctx: EmulatorContext
  faults: FaultInjector
  log: RequestLogEntry[]
  connectionOf(req: IncomingMessage): number
}

/** Answers one AWS request and appends its log entry. */
export async function dispatch(
  { ctx, faults, log, connectionOf }: Dispatcher,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer | undefined
): Promise<void> {
  const started = Date.now()
  const signature = parseSignature(req.headers.authorization, url.searchParams)
  const request = toRequest(req, url, body, signature)
  const serviceName = signature
    ? serviceOfSigningName(signature.service)
    : serviceFromShape(
        url.pathname,
        queryParams(request).get('Version'),
        request.headers['x-amz-target']
      )
  const entry: RequestLogEntry = {
    service: serviceName,
    operation: 'Unknown',
    status: 0,
    time: new Date(started).toISOString(),
    durationMs: 0,
    accessKeyId: request.accessKeyId,
    connection: connectionOf(req)
  }
  log.push(entry)
  let response: EmulatorResponse
  if (!isKnownService(serviceName)) {
    response = unknownService(request, serviceName)
    entry.errorCode = 'UnknownService'
  } else {
    const service = SERVICES[serviceName]
    const operation = service.resolve(request, ctx)
    entry.operation = operation.name
    const { latencyMs, failure } = faults.pick(serviceName, operation.name)
    if (latencyMs > 0) await new Promise(resolve => setTimeout(resolve, latencyMs))
    if (failure) entry.fault = failure.kind
    if (failure?.kind === 'drop') {
      entry.durationMs = Date.now() - started
      req.socket.destroy()
      return
    }
    const foreign = failure && foreignAnswer(failure)
    if (foreign) {
      entry.status = foreign.status
      entry.durationMs = Date.now() - started
      send(res, request.method, foreign)
      return
    }
    try {
      if (body === undefined) {
        throw new ServiceError(
          413,
          'RequestEntityTooLarge',
          `Request body exceeds ${MAX_BODY_BYTES} bytes`
        )
      }
      if (failure && failure.kind !== 'drop-answer')
        throw faultError(service, failure, serviceName, operation.name)
      response = await operation.run()
    } catch (thrown) {
      const error = asServiceError(thrown, service.internalError())
      if (error !== thrown) entry.detail = String((thrown as Error)?.message ?? thrown)
      entry.errorCode = error.code
      response = service.renderError(request, error)
    }
  }
  entry.status = response.status
  entry.durationMs = Date.now() - started
  if (entry.fault === 'drop-answer') {
    // Served, then the answer lost on the way back: the caller cannot tell whether it ran.
    entry.status = 0
    req.socket.destroy()
    return
  }
  send(res, request.method, response)
}
