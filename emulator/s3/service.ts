// S3 over REST-XML, path-style (`/bucket/key`): buckets, and always-versioned objects. Each
// handler reads the request, lets the model decide, and renders the answer.
// https://docs.aws.amazon.com/AmazonS3/latest/API/
import type { EmulatorContext } from '../core/context.js'
import { type Operation, type Service, failingOperation } from '../core/service.js'
import { decodeAwsChunked, isAwsChunked } from '../protocols/aws-chunked.js'
import { type EmulatorRequest, type EmulatorResponse, header } from '../protocols/http.js'
import { xmlDocument } from '../protocols/xml.js'
import { CHECKSUM_HEADERS } from './checksums.js'
import {
  createBucket,
  findBucket,
  findObject,
  putObject as putObjectVersion,
  s3Error
} from './model.js'
import type { S3ObjectVersion } from './state.js'

function ok(
  req: EmulatorRequest,
  headers: Record<string, string> = {},
  body?: Buffer
): EmulatorResponse {
  return { status: 200, headers: { 'x-amz-request-id': req.requestId, ...headers }, body }
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
  const object = putObjectVersion(ctx, bucket, key, {
    data,
    checksums: Object.fromEntries(CHECKSUM_HEADERS.map(h => [h, trailers[h] ?? header(req, h)])),
    contentMd5: header(req, 'content-md5'),
    contentType: header(req, 'content-type'),
    metadata: Object.fromEntries(
      Object.entries(req.headers)
        .filter(([h]) => h.startsWith('x-amz-meta-'))
        .map(([h, v]) => [h, String(v)])
    )
  })
  return ok(req, { etag: object.etag, 'x-amz-version-id': object.versionId, ...object.checksums })
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
  const object = findObject(findBucket(ctx, name), key, req.query.get('versionId'))
  return ok(req, objectHeaders(req, object))
}

function getObject(ctx: EmulatorContext, req: EmulatorRequest, name: string, key: string) {
  const object = findObject(findBucket(ctx, name), key, req.query.get('versionId'))
  return ok(req, objectHeaders(req, object), object.body)
}

function operationFor(req: EmulatorRequest, ctx: EmulatorContext): Operation {
  const [, rawBucket = '', ...rest] = req.path.split('/')
  const bucket = decodeURIComponent(rawBucket)
  const key = decodeURIComponent(rest.join('/'))
  const run = (name: string, fn: () => EmulatorResponse): Operation => ({ name, run: fn })
  if (bucket && !key) {
    if (req.method === 'PUT')
      return run(
        'CreateBucket',
        () => (createBucket(ctx, bucket), ok(req, { location: `/${bucket}` }))
      )
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
