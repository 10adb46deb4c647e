// S3 over REST-XML, path-style (`/bucket/key`): buckets, and always-versioned objects.
// https://docs.aws.amazon.com/AmazonS3/latest/API/
import { createHash } from 'node:crypto'
import { decodeAwsChunked, isAwsChunked } from '../protocols/aws-chunked.js'
import { ServiceError } from '../protocols/errors.js'
import { type EmulatorRequest, type EmulatorResponse, header } from '../protocols/http.js'
import { s3VersionId } from '../core/ids.js'
import { CHECKSUM_HEADERS, latestObject, verifyChecksums } from './store.js'
import { type Operation, type Service, failingOperation } from '../core/service.js'
import type { EmulatorContext } from '../core/context.js'
import type { Bucket, S3ObjectVersion } from './state.js'
import { xmlDocument } from '../protocols/xml.js'

function s3Error(
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {}
) {
  return new ServiceError(status, code, message, extra)
}

function findBucket(ctx: EmulatorContext, name: string): Bucket {
  const bucket = ctx.state.s3.buckets.get(name)
  if (!bucket)
    throw s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: name })
  return bucket
}

function findObject(req: EmulatorRequest, bucket: Bucket, key: string): S3ObjectVersion {
  const versions = bucket.objects.get(key) ?? []
  const versionId = req.query.get('versionId')
  const object = versionId ? versions.find(v => v.versionId === versionId) : latestObject(versions)
  if (!object) {
    throw versionId
      ? s3Error(404, 'NoSuchVersion', 'The specified version does not exist.', {
          Key: key,
          VersionId: versionId
        })
      : s3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key })
  }
  return object
}

export function newBucket(name: string, createdAt = new Date()): Bucket {
  return { name, createdAt, objects: new Map() }
}

function ok(
  req: EmulatorRequest,
  headers: Record<string, string> = {},
  body?: Buffer
): EmulatorResponse {
  return { status: 200, headers: { 'x-amz-request-id': req.requestId, ...headers }, body }
}

function createBucket(ctx: EmulatorContext, req: EmulatorRequest, name: string): EmulatorResponse {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name)) {
    throw s3Error(400, 'InvalidBucketName', 'The specified bucket is not valid.', {
      BucketName: name
    })
  }
  if (ctx.state.s3.buckets.has(name)) {
    throw s3Error(
      409,
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      { BucketName: name }
    )
  }
  ctx.state.s3.buckets.set(name, newBucket(name))
  return ok(req, { location: `/${name}` })
}

function putObject(ctx: EmulatorContext, req: EmulatorRequest, name: string, key: string) {
  const bucket = findBucket(ctx, name)
  const chunked = isAwsChunked(header(req, 'content-encoding'), header(req, 'x-amz-content-sha256'))
  const { data, trailers } = chunked ? decodeAwsChunked(req.body) : { data: req.body, trailers: {} }
  const declared = header(req, 'x-amz-decoded-content-length')
  if (chunked && declared !== undefined && Number(declared) !== data.length) {
    throw s3Error(
      400,
      'IncompleteBody',
      'You did not provide the number of bytes specified by the Content-Length HTTP header.'
    )
  }
  const sent = Object.fromEntries(CHECKSUM_HEADERS.map(h => [h, trailers[h] ?? header(req, h)]))
  const checksums = verifyChecksums(data, sent, header(req, 'content-md5'))
  const metadata = Object.fromEntries(
    Object.entries(req.headers)
      .filter(([h]) => h.startsWith('x-amz-meta-'))
      .map(([h, v]) => [h, String(v)])
  )
  const object: S3ObjectVersion = {
    versionId: s3VersionId(),
    body: data,
    etag: `"${createHash('md5').update(data).digest('hex')}"`,
    contentType: header(req, 'content-type') ?? 'binary/octet-stream',
    lastModified: new Date(ctx.now()),
    checksums,
    metadata
  }
  bucket.objects.set(key, [...(bucket.objects.get(key) ?? []), object])
  return ok(req, { etag: object.etag, 'x-amz-version-id': object.versionId, ...checksums })
}

function objectHeaders(req: EmulatorRequest, object: S3ObjectVersion): Record<string, string> {
  const checksums = header(req, 'x-amz-checksum-mode') === 'ENABLED' ? object.checksums : {}
  return {
    'content-type': object.contentType,
    'content-length': String(object.body.length),
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    'x-amz-version-id': object.versionId,
    ...object.metadata,
    ...checksums
  }
}

function headObject(ctx: EmulatorContext, req: EmulatorRequest, name: string, key: string) {
  const object = findObject(req, findBucket(ctx, name), key)
  return ok(req, objectHeaders(req, object))
}

function getObject(ctx: EmulatorContext, req: EmulatorRequest, name: string, key: string) {
  const object = findObject(req, findBucket(ctx, name), key)
  return ok(req, objectHeaders(req, object), object.body)
}

function operationFor(req: EmulatorRequest, ctx: EmulatorContext): Operation {
  const [, rawBucket = '', ...rest] = req.path.split('/')
  const bucket = decodeURIComponent(rawBucket)
  const key = decodeURIComponent(rest.join('/'))
  const run = (name: string, fn: () => EmulatorResponse): Operation => ({ name, run: fn })
  if (bucket && !key) {
    if (req.method === 'PUT') return run('CreateBucket', () => createBucket(ctx, req, bucket))
    if (req.method === 'HEAD') return run('HeadBucket', () => (findBucket(ctx, bucket), ok(req)))
  }
  if (bucket && key && !req.headers['x-amz-copy-source']) {
    if (req.method === 'PUT') return run('PutObject', () => putObject(ctx, req, bucket, key))
    if (req.method === 'HEAD') return run('HeadObject', () => headObject(ctx, req, bucket, key))
    if (req.method === 'GET') return run('GetObject', () => getObject(ctx, req, bucket, key))
  }
  return failingOperation(
    'NotImplemented',
    s3Error(
      501,
      'NotImplemented',
      'A header you provided implies functionality that is not implemented'
    )
  )
}

export const s3Service: Service = {
  resolve(req, ctx) {
    try {
      return operationFor(req, ctx)
    } catch {
      return failingOperation(
        'InvalidURI',
        s3Error(400, 'InvalidURI', "Couldn't parse the specified URI.")
      )
    }
  },
  renderError(req, error) {
    const headers = { 'content-type': 'application/xml', 'x-amz-request-id': req.requestId }
    // A HEAD answer has no body: the status alone tells the SDK (NotFound, Forbidden...).
    if (req.method === 'HEAD') return { status: error.status, headers }
    const body = xmlDocument('Error', undefined, {
      Code: error.code,
      Message: error.message,
      ...error.extra,
      RequestId: req.requestId
    })
    return { status: error.status, headers, body }
  },
  throttlingError: () => s3Error(503, 'SlowDown', 'Please reduce your request rate.'),
  internalError: () =>
    s3Error(500, 'InternalError', 'We encountered an internal error. Please try again.')
}
