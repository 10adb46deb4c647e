// Lambda's errors in its own words and wire shape: the code in x-amzn-ErrorType, `Type` User or
// Service, and the message member spelled as Lambda's service model spells it for that error.
import { ServiceError } from '../protocols/errors.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { jsonErrorHeaders, jsonObjectBody } from '../protocols/rest-json.js'
import type { RestJsonErrors } from '../protocols/rest-json-service.js'

export function validationException(
  member: string,
  value: unknown,
  constraint: string
): ServiceError {
  return new ServiceError(
    400,
    'ValidationException',
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`
  )
}

export function invalidParameter(message: string): ServiceError {
  return new ServiceError(400, 'InvalidParameterValueException', message)
}

export function functionNotFound(arn: string): ServiceError {
  return new ServiceError(404, 'ResourceNotFoundException', `Function not found: ${arn}`)
}

export function resourceConflict(message: string): ServiceError {
  return new ServiceError(409, 'ResourceConflictException', message)
}

// Lambda's error shapes spell the message member two ways (see its service model).
const CAPITALIZED_MESSAGE = new Set(['ResourceNotFoundException', 'ServiceException'])

function renderError(req: EmulatorRequest, error: ServiceError): EmulatorResponse {
  const messageKey = CAPITALIZED_MESSAGE.has(error.code) ? 'Message' : 'message'
  const body: Record<string, string> = {
    Type: error.status >= 500 ? 'Service' : 'User',
    [messageKey]: error.message
  }
  if (error.extra.Reason) body.Reason = error.extra.Reason
  return { status: error.status, headers: jsonErrorHeaders(req, error), body: JSON.stringify(body) }
}

export const lambdaErrors: RestJsonErrors = {
  renderError,
  throttlingError: () =>
    new ServiceError(429, 'TooManyRequestsException', 'Rate exceeded', {
      Reason: 'CallerRateLimitExceeded'
    }),
  internalError: () =>
    new ServiceError(
      500,
      'ServiceException',
      'The AWS Lambda service encountered an internal error.'
    ),
  invalidLabel: label => invalidParameter(`Invalid path parameter: ${label}`)
}

/** The request body as a JSON object; Lambda's own error for anything else. */
export function requestBody(req: EmulatorRequest): Record<string, unknown> {
  return jsonObjectBody(req, parseError =>
    parseError === undefined
      ? new ServiceError(
          400,
          'InvalidRequestContentException',
          'Request body must be a JSON object'
        )
      : new ServiceError(
          400,
          'InvalidRequestContentException',
          `Could not parse request body into json: ${parseError}`
        )
  )
}
