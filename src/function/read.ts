// The function as Lambda shows it now: reads only, for the plan (an S3 code source: read-s3.ts).
import {
  type AliasConfiguration,
  type FunctionConfiguration,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  type LambdaClient,
  paginateListVersionsByFunction
} from '@aws-sdk/client-lambda'
import { unlessMissing } from '../aws/retry.js'

/** Lambda's FunctionConfiguration, its enumerations as plain strings (what Lambda may add). The
 * settings of settings.ts read their live values from it. */
export interface LiveConfiguration extends Omit<
  FunctionConfiguration,
  | 'Runtime'
  | 'Architectures'
  | 'PackageType'
  | 'State'
  | 'StateReasonCode'
  | 'LastUpdateStatus'
  | 'LastUpdateStatusReasonCode'
> {
  Runtime?: string
  Architectures?: string[]
  PackageType?: string
  State?: string
  StateReasonCode?: string
  LastUpdateStatus?: string
  LastUpdateStatusReasonCode?: string
}

/** The function as GetFunction returns it. */
export interface LiveFunction {
  configuration: LiveConfiguration
  /** Code.ImageUri and Code.ResolvedImageUri of an image function. */
  imageUri?: string
  resolvedImageUri?: string
  /** The function's tags (GetFunction returns them with the configuration). */
  tags?: Record<string, string>
  /** GetFunctionCodeSigningConfig's ARN; read only when code-signing-config-arn is named. */
  codeSigningConfigArn?: string
  /** Code.SourceKMSKeyArn: the key the code package is encrypted with, if not Lambda's own. */
  sourceKmsKeyArn?: string
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
    resolvedImageUri: out.Code?.ResolvedImageUri,
    tags: out.Tags ?? {},
    sourceKmsKeyArn: out.Code?.SourceKMSKeyArn
  }
}

export async function readAlias(
  lambda: LambdaClient,
  functionName: string,
  alias: string
): Promise<AliasConfiguration | undefined> {
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
