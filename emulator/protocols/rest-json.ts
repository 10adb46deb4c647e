// The REST-JSON protocol's plumbing (Lambda, Access Analyzer): JSON bodies in and out. Each service
// words its own errors (see lambda/errors.ts, access-analyzer/service.ts).
import type { ServiceError } from './errors.js'
import type { EmulatorRequest, EmulatorResponse } from './http.js'

export function jsonResponse(
  req: EmulatorRequest,
  status: number,
  body?: unknown
): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': req.requestId },
    body: body === undefined ? '' : JSON.stringify(body)
  }
}

/** The headers of an error answer: the code travels in x-amzn-ErrorType. */
export function jsonErrorHeaders(
  req: EmulatorRequest,
  error: ServiceError
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': req.requestId,
    'x-amzn-errortype': error.code
  }
  if (error.extra.retryAfterSeconds) headers['retry-after'] = error.extra.retryAfterSeconds
  return headers
}

/**
 * The request body as a JSON object, `{}` when empty. `refuse` words the service's own error: with
 * the parser's message when the body is not JSON, without one when it is JSON but not an object.
 */
export function jsonObjectBody(
  req: EmulatorRequest,
  refuse: (parseError?: string) => ServiceError
): Record<string, unknown> {
  if (req.body.length === 0) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(req.body.toString('utf8'))
  } catch (error) {
    throw refuse((error as Error).message)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw refuse()
  return parsed as Record<string, unknown>
}
