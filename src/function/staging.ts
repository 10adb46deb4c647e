// The code fields of CreateFunction and UpdateFunctionCode, staging a zip over the direct-upload
// limit in S3 first (content-addressed, so a rerun finds it there).
import type { FunctionCode } from '@aws-sdk/client-lambda'
import { s3Of } from '../aws/clients.js'
import { httpStatus } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import type { Upload } from './changes.js'
import { formatSize } from './code-package.js'

/** The Code of CreateFunction, or the code fields of UpdateFunctionCode. */
export async function codeFor(
  ctx: RunContext,
  upload: Upload,
  zip: Uint8Array | undefined
): Promise<FunctionCode> {
  switch (upload.kind) {
    case 'zip':
      return { ZipFile: required(zip) }
    case 'staged-zip':
      await stageZip(ctx, upload, required(zip))
      return { S3Bucket: upload.bucket, S3Key: upload.key }
    case 's3':
      return { S3Bucket: upload.bucket, S3Key: upload.key, S3ObjectVersion: upload.objectVersion }
    case 'image':
      return { ImageUri: upload.imageUri }
  }
}

const required = (zip: Uint8Array | undefined): Uint8Array => {
  if (!zip) throw new Error('code: the package was not built')
  return zip
}

/**
 * Puts a zip over the direct-upload limit in the staging bucket, unless it is already there. The
 * key is content-addressed, so uploading again would be harmless; the HEAD is kept because it
 * spares re-sending 50 MB or more when a run is repeated after a failed update, or when the code
 * goes back to a package staged before.
 */
async function stageZip(
  ctx: RunContext,
  upload: Extract<Upload, { kind: 'staged-zip' }>,
  zip: Uint8Array
): Promise<void> {
  const s3 = await s3Of(ctx.clients)
  const { HeadObjectCommand, PutObjectCommand } = await import('@aws-sdk/client-s3')
  const where = `s3://${upload.bucket}/${upload.key}`
  const head = await s3
    .send(
      new HeadObjectCommand({ Bucket: upload.bucket, Key: upload.key, ChecksumMode: 'ENABLED' })
    )
    .catch(error => {
      // No body, so no error code: 404, or 403 when the caller lacks s3:ListBucket (the README
      // asks only for s3:GetObject and s3:PutObject). Either way: not there for us, upload it.
      const status = httpStatus(error)
      if (status === 404 || status === 403) return undefined
      throw error
    })
  // The key is derived from the hash; the size and checksum confirm it is whole.
  if (
    head &&
    head.ContentLength === upload.size &&
    (head.ChecksumSHA256 === undefined || head.ChecksumSHA256 === upload.sha256)
  ) {
    ctx.log.info(`${where} is already there; not uploaded again`)
    return
  }
  ctx.log.info(`Uploading ${formatSize(upload.size)} to ${where}`)
  await s3.send(
    new PutObjectCommand({
      Bucket: upload.bucket,
      Key: upload.key,
      Body: zip,
      ContentType: 'application/zip',
      // S3 refuses the object unless its bytes have this SHA-256.
      ChecksumSHA256: upload.sha256
    })
  )
}
