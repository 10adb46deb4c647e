// S3's rules over its state, with no HTTP: buckets (names, ownership) and always-versioned objects.
import { createHash } from 'node:crypto'
import type { EmulatorContext } from '../core/context.js'
import { s3VersionId } from '../core/ids.js'
import { ServiceError } from '../protocols/errors.js'
import { verifyChecksums } from './checksums.js'
import type { Bucket, S3ObjectVersion } from './state.js'

export function s3Error(
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {}
) {
  return new ServiceError(status, code, message, extra)
}

export function newBucket(name: string, createdAt = new Date()): Bucket {
  return { name, createdAt, objects: new Map() }
}

export function latestObject(versions: S3ObjectVersion[]): S3ObjectVersion | undefined {
  return versions.at(-1)
}

export function createBucket(ctx: EmulatorContext, name: string): Bucket {
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
  const bucket = newBucket(name)
  ctx.state.s3.buckets.set(name, bucket)
  return bucket
}

export function findBucket(ctx: EmulatorContext, name: string): Bucket {
  const bucket = ctx.state.s3.buckets.get(name)
  if (!bucket)
    throw s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: name })
  return bucket
}

/** The latest version of a key, or the one `versionId` names. */
export function findObject(bucket: Bucket, key: string, versionId: string | null): S3ObjectVersion {
  const versions = bucket.objects.get(key) ?? []
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

export interface NewObject {
  data: Buffer
  /** Checksum headers (or trailers) as sent, by header name. */
  checksums: Record<string, string | undefined>
  contentMd5?: string
  contentType?: string
  metadata: Record<string, string>
}

/** Stores a new version of the key once every checksum sent matches the data. */
export function putObject(
  ctx: EmulatorContext,
  bucket: Bucket,
  key: string,
  input: NewObject
): S3ObjectVersion {
  const checksums = verifyChecksums(input.data, input.checksums, input.contentMd5)
  const object: S3ObjectVersion = {
    versionId: s3VersionId(),
    body: input.data,
    etag: `"${createHash('md5').update(input.data).digest('hex')}"`,
    contentType: input.contentType ?? 'binary/octet-stream',
    lastModified: new Date(ctx.now()),
    checksums,
    metadata: input.metadata
  }
  bucket.objects.set(key, [...(bucket.objects.get(key) ?? []), object])
  return object
}
