// Lambda's REST-JSON protocol: JSON bodies, errors named by the x-amzn-ErrorType header.
import { ServiceError } from './errors.js'
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

// Lambda's error shapes spell the message member two ways (see its service model).
const CAPITALIZED_MESSAGE = new Set(['ResourceNotFoundException', 'ServiceException'])

export function jsonError(req: EmulatorRequest, error: ServiceError): EmulatorResponse {
  const messageKey = CAPITALIZED_MESSAGE.has(error.code) ? 'Message' : 'message'
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': req.requestId,
    'x-amzn-errortype': error.code
  }
  if (error.extra.retryAfterSeconds) headers['retry-after'] = error.extra.retryAfterSeconds
  const body: Record<string, string> = {
    Type: error.status >= 500 ? 'Service' : 'User',
    [messageKey]: error.message
  }
  if (error.extra.Reason) body.Reason = error.extra.Reason
  return { status: error.status, headers, body: JSON.stringify(body) }
}

/** The request body as a JSON object; Lambda's own error for anything else. */
export function jsonBody(req: EmulatorRequest): Record<string, unknown> {
  if (req.body.length === 0) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(req.body.toString('utf8'))
  } catch (error) {
    throw new ServiceError(
      400,
      'InvalidRequestContentException',
      `Could not parse request body into json: ${(error as Error).message}`
    )
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ServiceError(
      400,
      'InvalidRequestContentException',
      'Request body must be a JSON object'
    )
  }
  return parsed as Record<string, unknown>
}
