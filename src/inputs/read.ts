// Reads every input once, validates all of them before the first AWS call, and reports every
// problem at once, each naming its input and what would be valid.
import { createHash } from 'node:crypto'
import { resolvePrincipal } from './api-connect-regions.js'
import { checkCodePath } from './code-path.js'
import { readSettingsInputs } from './function-settings.js'
import { lines, parsePairs } from './key-value.js'
import { quote } from './quote.js'
import { checkTags } from './tag-rules.js'
import {
  isPolicyArn,
  isRoleArn,
  parseFunctionRef,
  principalProblem,
  REGION_PATTERN
} from '../aws/arn.js'
import { InputError, type CodeSource, type Settings } from './settings.js'
import { readSmokeInputs } from './smoke.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const RUNTIME =
  /^(nodejs\d+\.x|python\d\.\d+|java\d+(\.al2)?|dotnet\d+|dotnetcore\d\.\d|ruby\d\.\d+|go1\.x|provided(\.al2(023)?)?)$/
const ALIAS = /^(?!\d+$)[a-zA-Z0-9_-]{1,128}$/
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/
const ROLE_PATH = /^\/([\x21-\x7E]*\/)?$/
// Lambda's key pattern, [a-zA-Z]([a-zA-Z0-9_])+, needs two characters at least.
const ENV_KEY = /^[a-zA-Z]\w+$/
// Variables Lambda sets itself; CreateFunction/UpdateFunctionConfiguration reject them.
const RESERVED_ENV = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR'
])
/** Tags the action adds itself (see provenance.ts); they count against IAM's 50-tag limit. */
export const RESERVED_TAG_COUNT = 3

export type InputReader = (name: string) => string

/**
 * Builds the settings from the action's inputs. `getInput` returns '' for an input that was not
 * set (as `core.getInput` does); `env` supplies AWS_REGION and AWS_DEFAULT_REGION.
 */
export function readSettings(
  getInput: InputReader,
  env: NodeJS.ProcessEnv = process.env
): Settings {
  const { settings, problems } = readInputs(getInput, env)
  if (problems.length > 0) throw new InputError(problems)
  return settings
}

/** Every input read and checked: the settings, and every problem found (none thrown). */
export function readInputs(
  getInput: InputReader,
  env: NodeJS.ProcessEnv = process.env
): { settings: Settings; problems: string[] } {
  const problems: string[] = []
  const notices: string[] = []
  const input = (name: string): string | undefined => getInput(name).trim() || undefined
  const problem = (name: string, message: string): undefined => {
    problems.push(`${name}: ${message}`)
    return undefined
  }
  const bool = (name: string, fallback: boolean): boolean => {
    const value = input(name)
    if (value === undefined) return fallback
    if (/^(true|True|TRUE)$/.test(value)) return true
    if (/^(false|False|FALSE)$/.test(value)) return false
    problem(name, `${quote(value)} is not a boolean; use true or false`)
    return fallback
  }
  const integer = (name: string, min: number, max: number): number | undefined => {
    const value = input(name)
    if (value === undefined) return undefined
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max)
      return problem(name, `${quote(value)} must be a whole number from ${min} to ${max}`)
    return n
  }

  // The function and its region.
  const functionInput = input('function-name')
  const ref = functionInput ? parseFunctionRef(functionInput) : undefined
  if (!functionInput) problem('function-name', 'is required: a function name or ARN')
  else if (!ref)
    problem(
      'function-name',
      `${quote(functionInput)} is neither a function name (1-64 letters, digits, - or _) nor a Lambda function ARN`
    )
  else if (ref.qualifier)
    problem(
      'function-name',
      `${quote(functionInput)} names version or alias ${quote(ref.qualifier)}; give the unqualified function and use the alias input`
    )
  const regionInput = input('region')
  const region =
    regionInput ?? ref?.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined)
  if (!region)
    problem(
      'region',
      'is required: set the region input or AWS_REGION (configure-aws-credentials sets it)'
    )
  else if (!REGION_PATTERN.test(region))
    problem('region', `${quote(region)} is not an AWS region such as eu-west-2`)
  else if (regionInput && ref?.region && regionInput !== ref.region)
    problem(
      'region',
      `${quote(regionInput)} differs from the region in function-name (${ref.region})`
    )

  // The code source: at most one.
  const code = input('code')
  const s3Bucket = input('s3-bucket')
  const s3Key = input('s3-key')
  const s3ObjectVersion = input('s3-object-version')
  const imageUri = input('image-uri')
  const sources = [code && 'code', s3Key && 's3-key', imageUri && 'image-uri'].filter(Boolean)
  if (sources.length > 1)
    problem(
      sources.join(', '),
      'give at most one code source: code, s3-bucket with s3-key, or image-uri'
    )
  if (s3Key && !s3Bucket) problem('s3-bucket', 'is required with s3-key')
  if (s3ObjectVersion && !s3Key) problem('s3-object-version', 'needs s3-bucket and s3-key')
  if (s3Bucket && !s3Key && !code)
    problem(
      's3-bucket',
      'needs s3-key (code already in S3) or code (a package to upload through the bucket)'
    )
  if (s3Bucket && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s3Bucket))
    problem('s3-bucket', `${quote(s3Bucket)} is not a valid S3 bucket name`)
  if (imageUri && !/^[^\s:/]+(\/[^\s:/@]+)+(:[\w.-]{1,128}|@sha256:[0-9a-f]{64})$/.test(imageUri))
    problem(
      'image-uri',
      `${quote(imageUri)} is not an image URI such as ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo:tag`
    )
  let codeSource: CodeSource = { kind: 'none' }
  if (code) {
    const checked = checkCodePath(code, env.GITHUB_WORKSPACE)
    if (checked.problem) problem('code', `${quote(code)} ${checked.problem}`)
    codeSource = { kind: 'path', path: checked.path }
  } else if (s3Key && s3Bucket) {
    codeSource = { kind: 's3', bucket: s3Bucket, key: s3Key, objectVersion: s3ObjectVersion }
  } else if (imageUri) codeSource = { kind: 'image', imageUri }

  // Function configuration: only what the user named.
  const runtime = input('runtime')
  if (runtime && !RUNTIME.test(runtime))
    problem(
      'runtime',
      `${quote(runtime)} is not a Lambda runtime identifier such as nodejs22.x or python3.13`
    )
  const handler = input('handler')
  if (handler && (handler.length > 128 || /\s/.test(handler)))
    problem(
      'handler',
      `${quote(handler)} must be at most 128 characters without spaces, e.g. index.handler`
    )
  const executionRole = input('execution-role-arn')
  if (executionRole && !isRoleArn(executionRole))
    problem(
      'execution-role-arn',
      `${quote(executionRole)} is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)`
    )
  const architecture = input('architectures')
  if (architecture && architecture !== 'x86_64' && architecture !== 'arm64')
    problem('architectures', `${quote(architecture)} must be x86_64 or arm64`)
  const description = input('description')
  if (description && description.length > 256)
    problem('description', 'must be at most 256 characters')
  const environment = parsePairs(input('environment'), 'environment', problem, {
    valid: key => ENV_KEY.test(key),
    rule: 'a letter, then one or more letters, digits or _'
  })
  if (environment) {
    for (const key of Object.keys(environment))
      if (RESERVED_ENV.has(key)) problem('environment', `${quote(key)} is reserved by Lambda`)
    // Lambda measures the variables as JSON, in bytes.
    if (Buffer.byteLength(JSON.stringify(environment)) > 4096)
      problem('environment', 'variables exceed Lambda’s 4 KB limit')
  }
  const alias = input('alias')
  if (alias && !ALIAS.test(alias))
    problem('alias', `${quote(alias)} must be 1-128 letters, digits, - or _, and not only digits`)
  const publish = bool('publish', false) || alias !== undefined

  // API Connect: the principal to trust and the external id it presents.
  const orgId = input('provider-org-id')
  if (!orgId)
    problem(
      'provider-org-id',
      'is required: the API Connect provider organization ID (a UUID), used as sts:ExternalId'
    )
  else if (UUID.test(orgId) && orgId !== orgId.toLowerCase())
    notices.push(
      `provider-org-id: API Connect's provider org IDs are lowercase UUIDs; using ${orgId.toLowerCase()} (sts:ExternalId is compared case-sensitively)`
    )
  else if (!UUID.test(orgId))
    problem(
      'provider-org-id',
      `${quote(orgId)} is not a UUID. It is the provider organization's ID, not its name ` +
        '(e.g. ac51909e-a379-4153-a0e8-ef4a25a83405): `apic orgs:list --my --server <management server>` lists it'
    )
  // A malformed region already has its error: it must not add one about API Connect's region.
  const apiConnect = resolvePrincipal(
    input('api-connect-region'),
    input('api-connect-role-arn'),
    region && REGION_PATTERN.test(region) ? region : undefined,
    problem
  )

  // The role API Connect assumes.
  const roleName = input('role-name') ?? (ref ? defaultRoleName(ref.name) : undefined)
  if (roleName !== undefined && !ROLE_NAME.test(roleName))
    problem('role-name', `${quote(roleName)} must be 1-64 letters, digits or + = , . @ _ -`)
  const rolePath = input('role-path') ?? '/'
  if (!ROLE_PATH.test(rolePath) || rolePath.length > 512)
    problem(
      'role-path',
      `${quote(rolePath)} must start and end with / (e.g. /apic/), printable ASCII, at most 512 characters`
    )
  const roleDescription = input('role-description')
  if (
    roleDescription &&
    (roleDescription.length > 1000 || !/^[\t\n\r\x20-\x7E\xA1-\xFF]*$/.test(roleDescription))
  )
    problem('role-description', 'must be at most 1000 printable characters')
  const boundary = input('permissions-boundary')
  if (boundary && !isPolicyArn(boundary))
    problem(
      'permissions-boundary',
      `${quote(boundary)} is not a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`
    )
  const tags = parsePairs(input('role-tags'), 'role-tags', problem) ?? {}
  checkTags('role-tags', tags, { service: 'IAM', reserved: RESERVED_TAG_COUNT }, problem)

  const acceptedPrincipals = lines(input('accepted-principals'))
  for (const [index, principal] of acceptedPrincipals.entries()) {
    const why =
      principal === apiConnect?.arn
        ? 'is the API Connect principal itself: it needs no declaration, and its other external IDs are never accepted'
        : principalProblem(principal)
    if (why) problem('accepted-principals', `line ${index + 1}: ${why}`)
  }

  const verify = input('verify') ?? 'fail'
  if (verify !== 'fail' && verify !== 'warn' && verify !== 'off')
    problem('verify', `${quote(verify)} must be fail, warn or off`)
  const expectedAccountId = input('expected-account-id')
  if (expectedAccountId && !/^\d{12}$/.test(expectedAccountId))
    problem('expected-account-id', `${quote(expectedAccountId)} is not a 12-digit AWS account id`)
  const smokeTest = readSmokeInputs(
    input('test-event'),
    input('test-expect'),
    env.GITHUB_WORKSPACE,
    problem
  )
  const endpointUrl = input('endpoint-url')
  if (endpointUrl && !/^https?:\/\/[^\s/]+/.test(endpointUrl))
    problem('endpoint-url', `${quote(endpointUrl)} is not an http(s) URL`)

  const settings: Settings = {
    functionName: ref?.name ?? '',
    region: region ?? '',
    functionAccountId: ref?.accountId,
    functionPartition: ref?.partition,
    code: codeSource,
    stagingBucket: codeSource.kind === 'path' ? s3Bucket : undefined,
    config: {
      runtime,
      handler,
      role: executionRole,
      architectures: architecture ? [architecture as 'x86_64' | 'arm64'] : undefined,
      memorySize: integer('memory-size', 128, 10240),
      timeout: integer('timeout', 1, 900),
      description,
      environment,
      ...readSettingsInputs(input, problem, RESERVED_TAG_COUNT)
    },
    publish,
    alias,
    apiConnect: {
      externalId: orgId?.toLowerCase() ?? '',
      principalArn: apiConnect?.arn ?? '',
      source: apiConnect?.source ?? ''
    },
    role: {
      name: roleName ?? '',
      path: rolePath,
      description: roleDescription,
      permissionsBoundary: boundary,
      tags,
      manage: bool('manage-role', true)
    },
    verify: verify as Settings['verify'],
    acceptedPrincipals,
    expectedAccountId,
    validateTrustPolicy: bool('validate-trust-policy', false),
    probeSelfAssume: bool('probe-self-assume', false),
    dryRun: bool('dry-run', false),
    smokeTest,
    endpointUrl,
    notices
  }
  return { settings, problems }
}

/** `apic-invoke-<function>`, shortened with a stable hash to fit IAM's 64-character limit. */
export function defaultRoleName(functionName: string): string {
  const name = `apic-invoke-${functionName}`
  if (name.length <= 64) return name
  const hash = createHash('sha256').update(functionName).digest('hex').slice(0, 8)
  return `${name.slice(0, 55)}-${hash}`
}
