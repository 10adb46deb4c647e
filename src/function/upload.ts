// How the code travels to Lambda, decided before any AWS call: in the request, through the
// staging bucket when it is over the direct-upload limit, from the user's S3 object, or as an image.
// Pure.
import type { Upload } from './changes.js'
import { DIRECT_UPLOAD_LIMIT, formatSize, UNZIPPED_SIZE_LIMIT } from './code-package.js'
import { InputError, type Settings } from '../inputs/settings.js'

export type DeploySettings = Pick<
  Settings,
  'functionName' | 'code' | 'stagingBucket' | 'config' | 'publish' | 'alias'
>

/** What is known of a `code` package before anything is uploaded. */
export interface PackageSummary {
  sha256: string
  size: number
  unzippedSize: number
}

/** Where a zip over the direct-upload limit is staged: derived from its hash, so a rerun finds it. */
export function stagingKey(functionName: string, sha256: string): string {
  return `apic-lambda-deploy/${functionName}/${Buffer.from(sha256, 'base64').toString('hex')}.zip`
}

/** Problems the package alone reveals: run/read-inputs.ts checks them with the inputs, before any AWS call. */
export function checkPackage(settings: DeploySettings, pkg: PackageSummary | undefined): void {
  if (!pkg) return
  const problems: string[] = []
  if (pkg.unzippedSize > UNZIPPED_SIZE_LIMIT)
    problems.push(
      `code: the package is ${formatSize(pkg.unzippedSize)} unzipped, over Lambda's limit of ${formatSize(UNZIPPED_SIZE_LIMIT)}; nothing was uploaded`
    )
  if (pkg.size > DIRECT_UPLOAD_LIMIT && !settings.stagingBucket)
    problems.push(
      `s3-bucket: the package is ${formatSize(pkg.size)} (${pkg.size} bytes) zipped, over the ${DIRECT_UPLOAD_LIMIT} bytes that Lambda accepts in a request; give s3-bucket (a bucket in the function's region) to upload it through S3`
    )
  if (problems.length) throw new InputError(problems)
}

/** How the code to deploy reaches Lambda; undefined when no code source was given. */
export function uploadFor(
  settings: DeploySettings,
  pkg: PackageSummary | undefined,
  s3Sha256: string | undefined
): Upload | undefined {
  const { code } = settings
  switch (code.kind) {
    case 'none':
      return undefined
    case 'path':
      if (!pkg) throw new Error('code: the package was not built') // run/read-inputs.ts always builds it
      return pkg.size > DIRECT_UPLOAD_LIMIT && settings.stagingBucket
        ? {
            kind: 'staged-zip',
            sha256: pkg.sha256,
            size: pkg.size,
            bucket: settings.stagingBucket,
            key: stagingKey(settings.functionName, pkg.sha256)
          }
        : { kind: 'zip', sha256: pkg.sha256, size: pkg.size }
    case 's3':
      return {
        kind: 's3',
        bucket: code.bucket,
        key: code.key,
        objectVersion: code.objectVersion,
        sha256: s3Sha256
      }
    case 'image':
      return { kind: 'image', imageUri: code.imageUri }
  }
}
