// The function as Lambda (and S3, for a code source there) shows it now: reads only, for the plan.
import {
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  type LambdaClient,
  paginateListVersionsByFunction
} from '@aws-sdk/client-lambda'
import { s3Of } from '../aws/clients.js'
import { errorName, httpStatus, unlessMissing } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { InputError } from '../settings.js'

/** The fields of Lambda's FunctionConfiguration that the plan reads. */
export interface LiveConfiguration {
  FunctionName?: string
  Version?: string
  Runtime?: string
  Handler?: string
  Role?: string
  MemorySize?: number
  Timeout?: number
  Description?: string
  Environment?: { Variables?: Record<string, string> }
  Architectures?: string[]
  PackageType?: string
  CodeSha256?: string
  RevisionId?: string
  State?: string
  StateReason?: string
  StateReasonCode?: string
  LastUpdateStatus?: string
  LastUpdateStatusReason?: string
  LastUpdateStatusReasonCode?: string
}

/** The function as GetFunction returns it. */
export interface LiveFunction {
  configuration: LiveConfiguration
  /** Code.ImageUri and Code.ResolvedImageUri of an image function. */
  imageUri?: string
  resolvedImageUri?: string
}

export async function readFunction(
  lambda: LambdaClient,
  name: string
): Promise<LiveFunction | undefined> {
  const out = await unlessMissing(
    lambda.send(new GetFunctionCommand({ FunctionName: name })),
    'ResourceNotFoundException'
  )
  if (!out) return undefined
  return {
    configuration: out.Configuration ?? {},
    imageUri: out.Code?.ImageUri,
    resolvedImageUri: out.Code?.ResolvedImageUri
  }
}

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

export async function readAlias(
  lambda: LambdaClient,
  functionName: string,
  alias: string
): Promise<{ FunctionVersion?: string; AliasArn?: string } | undefined> {
  return unlessMissing(
    lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: alias })),
    'ResourceNotFoundException'
  )
}

export async function readVersion(
  lambda: LambdaClient,
  name: string,
  version: string
): Promise<LiveConfiguration | undefined> {
  return unlessMissing(
    lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: version })),
    'ResourceNotFoundException'
  )
}

/** Every published version, $LATEST left out. */
export async function listVersions(
  lambda: LambdaClient,
  name: string
): Promise<LiveConfiguration[]> {
  const versions: LiveConfiguration[] = []
  for await (const page of paginateListVersionsByFunction(
    { client: lambda },
    { FunctionName: name }
  ))
    versions.push(...(page.Versions ?? []).filter(v => v.Version !== '$LATEST'))
  return versions
}
