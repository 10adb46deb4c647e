// What deploying the function means, decided from the inputs and from the function as Lambda
// reports it: create it, update its configuration, upload code, publish, move the alias, or nothing.
// Pure: the reads are in read.ts and the writes in apply.ts, so each decision here is tested without
// a mock. Publishing is decided in publish-plan.ts.
//
// Rules that users rely on:
// - Only what the user named is compared and changed; an input left out never resets anything
//   (environment included: given, it replaces the variables with exactly that map; left out, the
//   live variables stay as they are).
// - Code is uploaded only when its SHA-256 differs from the live CodeSha256. Code already in S3
//   is compared through the object's full-object SHA-256 checksum when S3 has one (uploaded with
//   `--checksum-algorithm SHA256`); without one its content is unknown, so it is always deployed.
//   An image is compared by URI (a digest URI also against the resolved digest): a re-pushed tag
//   under the same URI is not detected, so deploy images by digest or by a unique tag.
// - A version is published only when $LATEST changes, or when no published version matches
//   $LATEST (its code and configuration); the alias moves only when it points elsewhere.
// - A function that Lambda reports Failed (State or LastUpdateStatus) is redeployed even when
//   nothing differs: comparing alone would leave it broken on every rerun.
import { type FunctionConfig, InputError } from '../inputs/settings.js'
import type { CodeComparison, FunctionChange, FunctionPlan, Upload } from './changes.js'
import type { LiveConfiguration, LiveFunction } from './read.js'
import { type FieldChange, namedSettings, requestOf, settingChanges } from './settings.js'
import { planTags } from './tags.js'
import { type DeploySettings, uploadFor, type PackageSummary } from './upload.js'

/** The plan's decisions about $LATEST; publish-plan.ts adds the version and the alias. */
type LatestPlan = Pick<FunctionPlan, 'changes' | 'codeSha256' | 'warnings'>

/**
 * Decides how to bring the function to what the inputs name. `live` is undefined when the
 * function does not exist; `s3Sha256` is the full-object SHA-256 of an `s3-key` source, if known.
 * Throws InputError (before any write) when the inputs cannot produce a valid request.
 */
export function planFunctionChanges(input: {
  settings: DeploySettings
  pkg?: PackageSummary
  live?: LiveFunction
  s3Sha256?: string
}): LatestPlan {
  const { settings, pkg, live, s3Sha256 } = input
  const upload = uploadFor(settings, pkg, s3Sha256)
  return live ? planUpdate(settings, live, upload) : planCreate(settings, upload)
}

function planCreate(settings: DeploySettings, upload: Upload | undefined): LatestPlan {
  const { config, functionName } = settings
  const isImage = upload?.kind === 'image'
  const missing = [
    !isImage && !config.runtime && 'runtime',
    !isImage && !config.handler && 'handler',
    !config.role && 'execution-role-arn'
  ].filter((name): name is string => Boolean(name))
  const problems: string[] = []
  if (!upload)
    problems.push(
      `code: function ${functionName} does not exist; creating it needs its code: give code, s3-bucket with s3-key, or image-uri`
    )
  if (missing.length)
    problems.push(
      `${missing.join(', ')}: function ${functionName} does not exist; creating ${isImage ? 'an image function' : 'it'} needs ${missing.join(', ')}`
    )
  if (isImage) problems.push(...imageOnlyProblems(settings))
  problems.push(...packageProblems(functionName, config, isImage))
  // Lambda reaches an EFS access point through the function's VPC, and refuses one without it.
  if (config.more?.FileSystemConfigs?.length && !config.more.VpcConfig?.SubnetIds?.length)
    problems.push(
      `file-system-configs: function ${functionName} does not exist; creating it with a file system needs vpc-config (Lambda reaches EFS through the function's VPC)`
    )
  if (problems.length || !upload || !config.role) throw new InputError(problems)

  const packageType = isImage ? 'Image' : 'Zip'
  return {
    codeSha256: shaOf(upload),
    changes: [
      {
        functionName,
        kind: 'function',
        action: 'create',
        packageType,
        runtime: config.runtime,
        handler: config.handler,
        upload,
        request: {
          PackageType: packageType,
          settings: requestOf('CreateFunction', config),
          Role: config.role,
          Tags: config.tags,
          SourceKMSKeyArn: config.sourceKmsKeyArn
        }
      }
    ],
    warnings: []
  }
}

/**
 * Layers and a code package key belong to zip functions (an image brings its own and ECR encrypts
 * it), image-config to image functions.
 */
function packageProblems(
  functionName: string,
  config: Pick<FunctionConfig, 'more' | 'sourceKmsKeyArn'>,
  isImage: boolean
): string[] {
  const want = config.more
  if (isImage && config.sourceKmsKeyArn !== undefined)
    return [
      `source-kms-key-arn: ${functionName} is an image function; the key encrypts a zip package only`
    ]
  if (isImage && want?.Layers?.length)
    return [
      `layers: ${functionName} is an image function; Lambda takes layers for zip functions only (put them in the image)`
    ]
  if (!isImage && want?.ImageConfig)
    return [
      `image-config: ${functionName} is a zip function; image-config is for image functions (image-uri)`
    ]
  return []
}

/** Runtime and handler belong to zip functions; an image brings its own entry point. */
function imageOnlyProblems(settings: DeploySettings): string[] {
  const named = [settings.config.runtime && 'runtime', settings.config.handler && 'handler'].filter(
    Boolean
  )
  return named.length
    ? [
        `${named.join(', ')}: an image function (image-uri) has no ${named.join(' or ')}; remove ${named.length > 1 ? 'them' : 'it'}`
      ]
    : []
}

function planUpdate(
  settings: DeploySettings,
  live: LiveFunction,
  upload: Upload | undefined
): LatestPlan {
  const current = live.configuration
  const isImage = current.PackageType === 'Image'
  const problems: string[] = []
  if (upload && (upload.kind === 'image') !== isImage)
    problems.push(
      isImage
        ? `${sourceInput(settings)}: function ${settings.functionName} is an image function; Lambda cannot change it to a zip package (use image-uri)`
        : `image-uri: function ${settings.functionName} is a zip function; Lambda cannot change it to an image (use code or s3-key)`
    )
  if (isImage) problems.push(...imageOnlyProblems(settings))
  problems.push(...packageProblems(settings.functionName, settings.config, isImage))

  const config = settings.config
  const architecture = settingChanges('UpdateFunctionCode', config, live)
  // The key is set with the code (UpdateFunctionCode): a new key means writing the code again.
  const wantKey = config.sourceKmsKeyArn
  const keyChanges = wantKey !== undefined && wantKey !== live.sourceKmsKeyArn
  if (keyChanges && !upload)
    problems.push(
      `source-kms-key-arn: changing the key that encrypts the code of ${settings.functionName} needs its code too (Lambda sets the key with the code): give code, s3-key or image-uri`
    )
  const [archFrom, archTo] = architecture ? values(architecture.fields[0]) : ['', '']
  if (architecture && !upload)
    problems.push(
      `architectures: changing ${settings.functionName} from ${archFrom} to ${archTo} needs its code too (Lambda sets the architecture with the code): give code, s3-key or image-uri`
    )
  if (problems.length) throw new InputError(problems)

  const functionName = settings.functionName
  const changes: FunctionChange[] = []
  const configuration = settingChanges('UpdateFunctionConfiguration', config, live)
  const signing = settingChanges('PutFunctionCodeSigningConfig', config, live)
  const fields = [...(configuration?.fields ?? []), ...(signing?.fields ?? [])]
  changes.push(
    fields.length
      ? {
          functionName,
          kind: 'configuration',
          action: 'update',
          fields,
          request: configuration?.request,
          codeSigning: signing?.request.CodeSigningConfigArn
        }
      : { functionName, kind: 'configuration', action: 'unchanged', named: namedSettings(config) }
  )
  const tags = planTags(functionName, settings.config, live.tags ?? {})
  if (tags) changes.push(tags)

  const failed = failure(current)
  let codeSha256 = current.CodeSha256
  if (!upload) {
    changes.push({ functionName, kind: 'code', action: 'unchanged' })
  } else {
    const { same, comparison } = sameCode(upload, live)
    if (same && !architecture && !keyChanges && !failed) {
      changes.push({ functionName, kind: 'code', action: 'unchanged', comparison })
    } else {
      codeSha256 = shaOf(upload)
      changes.push({
        functionName,
        kind: 'code',
        action: 'update',
        upload,
        comparison,
        same,
        // Only a new update retries what Lambda abandoned (function states guide): force one.
        ...(failed ? { failed } : {}),
        ...(architecture ? { architecture: { from: archFrom, to: archTo } } : {}),
        request: {
          ...architecture?.request,
          ...(wantKey !== undefined ? { SourceKMSKeyArn: wantKey } : {})
        }
      })
    }
  }
  const redeploying = changes.some(c => c.kind === 'code' && c.action === 'update')
  return {
    codeSha256,
    changes,
    warnings: failed ? [failureWarning(settings.functionName, current, failed, redeploying)] : []
  }
}

/**
 * What Lambda reports as failed on $LATEST, in a few words: State Failed (its creation or
 * provisioning failed) or LastUpdateStatus Failed (the last update was abandoned); else undefined.
 */
export function failure(current: LiveConfiguration): string | undefined {
  const say = (what: string, code?: string, reason?: string): string =>
    [what, code, reason].filter(Boolean).join(': ')
  if (current.State === 'Failed')
    return say('State Failed', current.StateReasonCode, current.StateReason)
  if (current.LastUpdateStatus === 'Failed')
    return say(
      'LastUpdateStatus Failed',
      current.LastUpdateStatusReasonCode,
      current.LastUpdateStatusReason
    )
  return undefined
}

/** What a failed function needs from the user, beyond what this run does. */
function failureWarning(
  name: string,
  current: LiveConfiguration,
  failed: string,
  redeploying: boolean
): string {
  // Lambda's function states guide: after a failed update the previous code and configuration
  // keep running and a new update retries; a function whose creation failed must be recreated.
  const recreate = `Lambda's function states guide says a function whose creation failed must be deleted and created again`
  const reported = `Lambda reports function ${name} failed (${failed})`
  if (current.State === 'Failed')
    return redeploying
      ? `${reported}: this run redeploys its code, but ${recreate}; if it stays Failed, delete it and run the action again`
      : `${reported} and this run has no code source to redeploy it (code, s3-key or image-uri); ${recreate}: delete it and run the action again with its code`
  return redeploying
    ? `${reported}: its previous code and configuration still run; this run redeploys it`
    : `${reported}: its previous code and configuration still run, and this run has no code source to redeploy it; give code, s3-key or image-uri`
}

/** Whether the code to deploy is the code $LATEST runs, and what the comparison rested on. */
function sameCode(
  upload: Upload,
  live: LiveFunction
): { same: boolean; comparison: CodeComparison } {
  const liveSha = live.configuration.CodeSha256
  switch (upload.kind) {
    case 'zip':
    case 'staged-zip':
      return {
        same: upload.sha256 === liveSha,
        comparison: { kind: 'sha256', live: liveSha, wanted: upload.sha256 }
      }
    case 's3': {
      const wanted = upload.sha256
      if (wanted === undefined)
        return {
          same: false,
          comparison: { kind: 's3-unknown', bucket: upload.bucket, key: upload.key }
        }
      return { same: wanted === liveSha, comparison: { kind: 'sha256', live: liveSha, wanted } }
    }
    case 'image': {
      const wanted = upload.imageUri
      return {
        same: wanted === live.imageUri || wanted === live.resolvedImageUri,
        comparison: { kind: 'image', live: live.imageUri, wanted }
      }
    }
  }
}

/** A value change's two sides as words: the architecture's, x86_64 → arm64. */
const values = (field: FieldChange): [string, string] =>
  'to' in field ? [String(field.from), String(field.to)] : ['', '']

function sourceInput(settings: DeploySettings): string {
  return settings.code.kind === 's3' ? 's3-key' : 'code'
}

function shaOf(upload: Upload): string | undefined {
  return upload.kind === 'image' ? undefined : upload.sha256
}
