// What S3 knows of a code source the user put there: its full-object SHA-256, when S3 keeps one,
// so that a rerun with the same object deploys nothing. Read only, for the plan.
import { s3Of } from '../aws/clients.js'
import { errorName, httpStatus } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { InputError } from '../inputs/settings.js'

/**
 * The full-object SHA-256 that S3 keeps for an object uploaded with that checksum: the same value
 * as Lambda's CodeSha256 for the same bytes. A multipart (composite) checksum is not a hash of the
 * object, and an object without a checksum tells nothing; then the code is deployed every run.
 */
export async function readS3Sha256(
  ctx: RunContext,
  source: { bucket: string; key: string; objectVersion?: string }
): Promise<string | undefined> {
  const where = `s3://${source.bucket}/${source.key}`
  try {
    const { HeadObjectCommand } = await import('@aws-sdk/client-s3')
    const head = await (
      await s3Of(ctx.clients)
    ).send(
      new HeadObjectCommand({
        Bucket: source.bucket,
        Key: source.key,
        VersionId: source.objectVersion,
        ChecksumMode: 'ENABLED'
      })
    )
    const sha = head.ChecksumSHA256
    if (sha && head.ChecksumType !== 'COMPOSITE' && !sha.includes('-')) return sha
  } catch (error) {
    // A HEAD answer has no body: the SDK names a 404 NotFound and a 403 Unknown. S3 answers 403
    // for a missing key too when the caller lacks s3:ListBucket, so both mean the same here.
    const status = httpStatus(error)
    if (status === 404 || status === 403)
      throw new InputError([
        `s3-key: ${where}${source.objectVersion ? ` version ${source.objectVersion}` : ''} does not exist or cannot be read (s3:HeadObject answered HTTP ${status}); check s3-bucket, s3-key${source.objectVersion ? ', s3-object-version' : ''} and that these credentials may s3:GetObject it`
      ])
    ctx.log.info(
      `s3:HeadObject ${where} failed (${errorName(error)}); its checksum is unknown, so it is deployed`
    )
  }
  return undefined
}
