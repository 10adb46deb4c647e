// The function's inputs: which function and region, its code source (at most one), the
// configuration the user named, and what to publish.
import {
  functionArnProblem,
  isRoleArn,
  parseFunctionRef,
  REGION_PATTERN,
  type FunctionRef
} from '../aws/arn.js'
import { checkCodePath } from './code-path.js'
import { parsePairs } from './key-value.js'
import { quote } from './quote.js'
import type { Reader } from './reader.js'
import type { CodeSource, FunctionConfig } from './settings.js'

const RUNTIME =
  /^(nodejs\d+\.x|python\d\.\d+|java\d+(\.al2)?|dotnet\d+|dotnetcore\d\.\d|ruby\d\.\d+|go1\.x|provided(\.al2(023)?)?)$/
const ALIAS = /^(?!\d+$)[a-zA-Z0-9_-]{1,128}$/
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

/** `function-name` and `region` (the region defaults to the ARN's, then AWS_REGION). */
export function readTarget({ input, problem, env }: Reader): {
  ref?: FunctionRef
  region?: string
} {
  const functionInput = input('function-name')
  const ref = functionInput ? parseFunctionRef(functionInput) : undefined
  const arnProblem = functionInput && functionArnProblem(functionInput)
  if (!functionInput) problem('function-name', 'is required: a function name or ARN')
  else if (arnProblem) problem('function-name', `${quote(functionInput)} ${arnProblem}`)
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
  return { ref: ref ?? undefined, region }
}

/** The code source, at most one, and the bucket a large `code` package goes through. */
export function readCode({ input, problem, env }: Reader): {
  code: CodeSource
  stagingBucket?: string
} {
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
  let source: CodeSource = { kind: 'none' }
  if (code) {
    const checked = checkCodePath(code, env.GITHUB_WORKSPACE)
    if (checked.problem) problem('code', `${quote(code)} ${checked.problem}`)
    source = { kind: 'path', path: checked.path }
  } else if (s3Key && s3Bucket) {
    source = { kind: 's3', bucket: s3Bucket, key: s3Key, objectVersion: s3ObjectVersion }
  } else if (imageUri) source = { kind: 'image', imageUri }
  return { code: source, stagingBucket: source.kind === 'path' ? s3Bucket : undefined }
}

/** The configuration a create needs and an update changes, only what the user named. */
export function readConfig({ input, problem }: Reader): FunctionConfig {
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
  const role = input('execution-role-arn')
  if (role && !isRoleArn(role))
    problem(
      'execution-role-arn',
      `${quote(role)} is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)`
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
  return {
    runtime,
    handler,
    role,
    architectures: architecture ? [architecture as 'x86_64' | 'arm64'] : undefined,
    description,
    environment
  }
}

/** `alias`, and `publish` (an alias implies it). */
export function readPublish({ input, problem, bool }: Reader): {
  alias?: string
  publish: boolean
} {
  const alias = input('alias')
  if (alias && !ALIAS.test(alias))
    problem('alias', `${quote(alias)} must be 1-128 letters, digits, - or _, and not only digits`)
  return { alias, publish: bool('publish', false) || alias !== undefined }
}
