// What Lambda checks about a function's configuration, code and execution role.
import { createHash } from 'node:crypto'
import { ServiceError } from '../protocols/errors.js'
import { visibleDocuments } from '../iam/propagation.js'
import { invalidParameter, validationException } from './model.js'
import { evaluate, statementsOf } from '../iam/policy.js'
import { latestObject } from '../s3/store.js'
import type { EmulatorContext, FunctionCode, FunctionSettings } from '../core/context.js'

// 50 MB zipped: Lambda measures the request, whose base64 body is 4/3 of that (69905067 bytes).
const MAX_ZIP_BYTES = 50 * 1024 * 1024
const ENVIRONMENT_MAX = 4096

function integerIn(member: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw validationException(member, value, 'Member must be an integer')
  }
  if (value < min) {
    throw validationException(
      member,
      value,
      `Member must have value greater than or equal to ${min}`
    )
  }
  if (value > max) {
    throw validationException(member, value, `Member must have value less than or equal to ${max}`)
  }
}

export function validateSettings(settings: FunctionSettings): void {
  integerIn('memorySize', settings.MemorySize, 128, 10240)
  integerIn('timeout', settings.Timeout, 1, 900)
  integerIn('ephemeralStorage.size', settings.EphemeralStorage.Size, 512, 10240)
  if (
    settings.Architectures.length !== 1 ||
    !['x86_64', 'arm64'].includes(settings.Architectures[0])
  ) {
    throw validationException(
      'architectures',
      `[${settings.Architectures.join(', ')}]`,
      'Member must have length less than or equal to 1, Member must satisfy enum value set: [x86_64, arm64]'
    )
  }
  if (settings.PackageType === 'Zip') {
    const needsHandler = !settings.Runtime?.startsWith('provided')
    if (!settings.Runtime || (needsHandler && !settings.Handler)) {
      throw invalidParameter(
        'Runtime and Handler are mandatory parameters for functions created with deployment packages.'
      )
    }
  }
  const variables = settings.Environment?.Variables ?? {}
  for (const key of Object.keys(variables)) {
    if (!/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(key)) {
      throw validationException(
        'environment.variables',
        key,
        'Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+'
      )
    }
  }
  if (JSON.stringify(variables).length > ENVIRONMENT_MAX) {
    throw invalidParameter(
      'Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.'
    )
  }
}

const ROLE_ARN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/

/** The execution role must exist, trust lambda.amazonaws.com, and be old enough to assume. */
export function checkExecutionRole(ctx: EmulatorContext, roleArn: unknown): void {
  if (typeof roleArn !== 'string' || !ROLE_ARN.test(roleArn)) {
    throw validationException(
      'role',
      roleArn,
      'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+'
    )
  }
  const role = [...ctx.state.iam.roles.values()].find(r => r.arn === roleArn)
  const assumable =
    role !== undefined &&
    role.createdAt + ctx.config.roleAssumableAfterMs <= ctx.now() &&
    evaluate(statementsOf([visibleDocuments(ctx, role).assumeRolePolicy]), {
      principal: { kind: 'Service', service: 'lambda.amazonaws.com' },
      action: 'sts:AssumeRole',
      resource: role.arn,
      context: {}
    }).decision === 'allowed'
  if (!assumable)
    throw invalidParameter('The role defined for the function cannot be assumed by Lambda.')
}

function zipCode(zip: Buffer, operation: string, direct: boolean): FunctionCode {
  // The 50 MB limit is on direct uploads; a package read from S3 may be larger.
  if (direct && zip.length > MAX_ZIP_BYTES) {
    throw new ServiceError(
      413,
      'RequestEntityTooLargeException',
      `Request must be smaller than 69905067 bytes for the ${operation} operation`
    )
  }
  // Local file header, or the end-of-central-directory record of an empty archive.
  const signature = zip.subarray(0, 4).toString('hex')
  if (signature !== '504b0304' && signature !== '504b0506') {
    throw invalidParameter(
      'Could not unzip uploaded file. Please check your file, then try to upload again.'
    )
  }
  return { sha256: createHash('sha256').update(zip).digest('base64'), size: zip.length, zip }
}

function s3Failure(code: string, message: string): ServiceError {
  return invalidParameter(
    `Error occurred while GetObject. S3 Error Code: ${code}. S3 Error Message: ${message}`
  )
}

export interface CodeInput {
  ZipFile?: unknown
  S3Bucket?: unknown
  S3Key?: unknown
  S3ObjectVersion?: unknown
  ImageUri?: unknown
}

/** The package from a ZipFile (base64), an object in the emulator's S3, or an image URI. */
export function resolveCode(
  ctx: EmulatorContext,
  input: CodeInput,
  operation: string
): FunctionCode {
  if (typeof input.ZipFile === 'string')
    return zipCode(Buffer.from(input.ZipFile, 'base64'), operation, true)
  if (typeof input.S3Bucket === 'string' && typeof input.S3Key === 'string') {
    const bucket = ctx.state.s3.buckets.get(input.S3Bucket)
    if (!bucket) throw s3Failure('NoSuchBucket', 'The specified bucket does not exist')
    const versions = bucket.objects.get(input.S3Key) ?? []
    const object =
      typeof input.S3ObjectVersion === 'string'
        ? versions.find(v => v.versionId === input.S3ObjectVersion)
        : latestObject(versions)
    if (!object) {
      throw typeof input.S3ObjectVersion === 'string'
        ? s3Failure('NoSuchVersion', 'The specified version does not exist.')
        : s3Failure('NoSuchKey', 'The specified key does not exist.')
    }
    return zipCode(object.body, operation, false)
  }
  if (typeof input.ImageUri === 'string') {
    const digest = createHash('sha256').update(input.ImageUri).digest('hex')
    return { sha256: digest, size: 0, imageUri: input.ImageUri }
  }
  throw invalidParameter('Please provide a source for function code.')
}
