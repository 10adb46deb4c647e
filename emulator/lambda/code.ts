// A function's package: a ZipFile (base64), an object in the emulator's S3, or an image URI, with
// the checks Lambda makes on it.
import { createHash } from 'node:crypto'
import type { EmulatorContext } from '../core/context.js'
import { ServiceError } from '../protocols/errors.js'
import { latestObject } from '../s3/model.js'
import { invalidParameter } from './errors.js'
import type { FunctionCode } from './state.js'

// 50 MB zipped: Lambda measures the request, whose base64 body is 4/3 of that (69905067 bytes).
const MAX_ZIP_BYTES = 50 * 1024 * 1024

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
