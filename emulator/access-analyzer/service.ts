// IAM Access Analyzer over REST-JSON: ValidatePolicy (POST /policy/validation, paged by the
// maxResults and nextToken query parameters), and the custom policy checks CheckNoNewAccess
// (POST /policy/check-no-new-access) and CheckNoPublicAccess (POST /policy/check-no-public-access)
// for role trust policies (access-checks.ts), with the service's own error shapes: the code in the
// x-amzn-ErrorType header, `message` in the body, and ValidationException's `reason` and
// `fieldList`. https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ValidatePolicy.html
import { checkNoNewAccess, checkNoPublicAccess } from './access-checks.js'
import { validatePolicy } from './checks.js'
import { ServiceError } from '../protocols/errors.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { jsonErrorHeaders, jsonObjectBody, jsonResponse } from '../protocols/rest-json.js'
import { restJsonService } from '../protocols/rest-json-service.js'

const POLICY_TYPES = [
  'IDENTITY_POLICY',
  'RESOURCE_POLICY',
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY'
]
const RESOURCE_TYPES = [
  'AWS::S3::Bucket',
  'AWS::S3::AccessPoint',
  'AWS::S3::MultiRegionAccessPoint',
  'AWS::S3ObjectLambda::AccessPoint',
  'AWS::IAM::AssumeRolePolicyDocument',
  'AWS::DynamoDB::Table'
]
const LOCALES = ['DE', 'EN', 'ES', 'FR', 'IT', 'JA', 'KO', 'PT_BR', 'ZH_CN', 'ZH_TW']

/** A ValidationException about one field, worded like AWS's request validation. */
function invalidField(field: string, value: unknown, constraint: string): ServiceError {
  const shown = value === undefined ? 'null' : `'${String(value)}'`
  return new ServiceError(
    400,
    'ValidationException',
    `1 validation error detected: Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`,
    { reason: 'fieldValidationFailed', field }
  )
}

function body(req: EmulatorRequest): Record<string, unknown> {
  return jsonObjectBody(
    req,
    parseError =>
      new ServiceError(
        400,
        'SerializationException',
        parseError === undefined
          ? 'Request body must be a JSON object'
          : 'Request body is not valid JSON'
      )
  )
}

function oneOf(
  input: Record<string, unknown>,
  field: string,
  allowed: string[],
  required: boolean
) {
  const value = input[field]
  if (value === undefined && !required) return undefined
  if (value === undefined) throw invalidField(field, value, 'Member must not be null')
  if (typeof value !== 'string' || !allowed.includes(value))
    throw invalidField(field, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`)
  return value
}

/** The page to answer; nextToken is the index of the next finding, opaque to callers. */
function page(req: EmulatorRequest, total: number): { start: number; end: number } {
  const rawMax = req.query.get('maxResults')
  const max = rawMax === null ? Number.MAX_SAFE_INTEGER : Number(rawMax)
  if (!Number.isInteger(max) || max < 1)
    throw invalidField('maxResults', rawMax, 'Member must have value greater than or equal to 1')
  const token = req.query.get('nextToken')
  const start = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'))
  if (!Number.isInteger(start) || start < 0 || start > total)
    throw invalidField('nextToken', token, 'Member must be a token from a previous response')
  return { start, end: Math.min(start + max, total) }
}

function validate(req: EmulatorRequest): EmulatorResponse {
  const input = body(req)
  const document = input.policyDocument
  if (typeof document !== 'string')
    throw invalidField('policyDocument', document, 'Member must not be null')
  const policyType = oneOf(input, 'policyType', POLICY_TYPES, true)!
  const resourceType = oneOf(input, 'validatePolicyResourceType', RESOURCE_TYPES, false)
  oneOf(input, 'locale', LOCALES, false) // Findings are always in English.
  const findings = validatePolicy({ document, policyType, resourceType })
  const { start, end } = page(req, findings.length)
  const nextToken =
    end < findings.length ? Buffer.from(String(end)).toString('base64url') : undefined
  return jsonResponse(req, 200, { findings: findings.slice(start, end), nextToken })
}

function text(input: Record<string, unknown>, field: string): string {
  const value = input[field]
  if (typeof value !== 'string') throw invalidField(field, value, 'Member must not be null')
  try {
    JSON.parse(value)
  } catch {
    throw invalidField(field, '***', 'Member must be a JSON policy document')
  }
  return value
}

function noNewAccess(req: EmulatorRequest): EmulatorResponse {
  const input = body(req)
  const [existing, updated] = [
    text(input, 'existingPolicyDocument'),
    text(input, 'newPolicyDocument')
  ]
  oneOf(input, 'policyType', ['IDENTITY_POLICY', 'RESOURCE_POLICY'], true)
  return jsonResponse(req, 200, checkNoNewAccess(existing, updated))
}

function noPublicAccess(req: EmulatorRequest): EmulatorResponse {
  const input = body(req)
  const document = text(input, 'policyDocument')
  // The emulator models role trust policies only; AWS takes some twenty resource types.
  oneOf(input, 'resourceType', ['AWS::IAM::AssumeRolePolicyDocument'], true)
  return jsonResponse(req, 200, checkNoPublicAccess(document))
}

function renderError(req: EmulatorRequest, error: ServiceError): EmulatorResponse {
  const { reason, field } = error.extra
  const payload = {
    message: error.message,
    ...(reason ? { reason } : {}),
    ...(field ? { fieldList: [{ name: field, message: error.message }] } : {})
  }
  return {
    status: error.status,
    headers: jsonErrorHeaders(req, error),
    body: JSON.stringify(payload)
  }
}

export const accessAnalyzerService = restJsonService(
  [
    ['POST', /^\/policy\/validation\/?$/, 'ValidatePolicy', (_ctx, req) => validate(req)],
    [
      'POST',
      /^\/policy\/check-no-new-access\/?$/,
      'CheckNoNewAccess',
      (_ctx, req) => noNewAccess(req)
    ],
    [
      'POST',
      /^\/policy\/check-no-public-access\/?$/,
      'CheckNoPublicAccess',
      (_ctx, req) => noPublicAccess(req)
    ]
  ],
  {
    renderError,
    throttlingError: () =>
      new ServiceError(429, 'ThrottlingException', 'Rate exceeded', { retryAfterSeconds: '1' }),
    internalError: () => new ServiceError(500, 'InternalServerException', 'Internal server error')
  }
)
