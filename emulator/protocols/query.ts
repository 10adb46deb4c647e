// The AWS Query protocol (IAM, STS): form-encoded parameters in, XML documents out.
// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonParameters.html
import { ServiceError } from './errors.js'
import type { EmulatorRequest, EmulatorResponse } from './http.js'
import { type XmlValue, xmlDocument } from './xml.js'

export type QueryParams = Map<string, string>

/** Parameters from the URL query and, for a form POST, from the body (the body wins). */
export function queryParams(req: EmulatorRequest): QueryParams {
  const params: QueryParams = new Map(req.query)
  const contentType = String(req.headers['content-type'] ?? '')
  if (req.body.length > 0 && (contentType === '' || contentType.includes('form-urlencoded'))) {
    for (const [key, value] of new URLSearchParams(req.body.toString('utf8'))) {
      params.set(key, value)
    }
  }
  return params
}

/** `Name.member.1`, `Name.member.2`... in order, stopping at the first gap (as AWS does). */
export function memberList(params: QueryParams, name: string): string[] {
  const items: string[] = []
  for (let i = 1; params.has(`${name}.member.${i}`); i++)
    items.push(params.get(`${name}.member.${i}`)!)
  return items
}

/** Lists of structures: `Tags.member.1.Key`, `Tags.member.1.Value`... */
export function structList(params: QueryParams, name: string): Map<string, string>[] {
  const items: Map<string, string>[] = []
  for (let i = 1; ; i++) {
    const prefix = `${name}.member.${i}.`
    const fields = new Map<string, string>()
    for (const [key, value] of params) {
      if (key.startsWith(prefix)) fields.set(key.slice(prefix.length), value)
    }
    if (fields.size === 0) return items
    items.push(fields)
  }
}

/** The ValidationError IAM and STS answer for a parameter that breaks a constraint. */
export function validationError(message: string): ServiceError {
  return new ServiceError(400, 'ValidationError', `1 validation error detected: ${message}`)
}

/** A required string parameter; IAM's wording for a missing one. */
export function required(params: QueryParams, name: string): string {
  const value = params.get(name)
  if (value === undefined) {
    const member = name.charAt(0).toLowerCase() + name.slice(1)
    throw validationError(
      `Value null at '${member}' failed to satisfy constraint: Member must not be null`
    )
  }
  return value
}

export function queryResult(
  req: EmulatorRequest,
  namespace: string,
  action: string,
  result: XmlValue | undefined
): EmulatorResponse {
  const body: Record<string, XmlValue> = {}
  if (result !== undefined) body[`${action}Result`] = result
  body.ResponseMetadata = { RequestId: req.requestId }
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.requestId },
    body: xmlDocument(`${action}Response`, namespace, body)
  }
}

export function queryError(
  req: EmulatorRequest,
  namespace: string,
  error: ServiceError
): EmulatorResponse {
  const type = error.status >= 500 ? 'Receiver' : 'Sender'
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': req.requestId },
    body: xmlDocument('ErrorResponse', namespace, {
      Error: { Type: type, Code: error.code, Message: error.message },
      RequestId: req.requestId
    })
  }
}
