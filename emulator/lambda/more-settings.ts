// The function settings beyond the basics (layers, VPC, dead-letter queue, KMS key, tracing, file
// systems, image config, SnapStart, logging): how a request's value is stored, the obvious errors
// Lambda answers, and how FunctionConfiguration shows them.
// https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html
// https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html
import { invalidParameter, validationException } from './errors.js'
import type { FunctionSettings } from './state.js'

export const MORE_SETTINGS = [
  'Layers',
  'VpcConfig',
  'DeadLetterConfig',
  'KMSKeyArn',
  'TracingConfig',
  'FileSystemConfigs',
  'ImageConfig',
  'SnapStart',
  'LoggingConfig'
] as const

const LAYER = /^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+$/

/**
 * A request's value as stored: an empty value removes the setting, as the API reference says of
 * each (an empty Layers list, an empty TargetArn or KMSKeyArn, a VpcConfig without subnets).
 */
export function storedValue(key: (typeof MORE_SETTINGS)[number], value: unknown): unknown {
  if (key === 'Layers' && Array.isArray(value) && !value.length) return undefined
  if (key === 'KMSKeyArn' && value === '') return undefined
  if (key === 'DeadLetterConfig' && !(value as { TargetArn?: string }).TargetArn) return undefined
  if (key === 'FileSystemConfigs' && Array.isArray(value) && !value.length) return undefined
  if (key === 'VpcConfig' && !((value as { SubnetIds?: string[] }).SubnetIds ?? []).length)
    return undefined
  return value
}

const oneOf = (member: string, value: unknown, allowed: string[]): void => {
  if (value !== undefined && !allowed.includes(value as string))
    throw validationException(
      member,
      value,
      `Member must satisfy enum value set: [${allowed.join(', ')}]`
    )
}

/** The errors Lambda answers for these settings before it changes anything. */
export function validateMoreSettings(settings: FunctionSettings): void {
  const layers = settings.Layers ?? []
  if (layers.length > 5) throw invalidParameter('Cannot reference more than 5 layers.')
  for (const layer of layers)
    if (!LAYER.test(layer))
      throw validationException(
        'layers',
        layer,
        'Member must satisfy regular expression pattern: arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+'
      )
  // Container images bring their own dependencies: Lambda refuses layers for them, and image
  // configuration for a zip function.
  if (settings.PackageType === 'Image' && layers.length)
    throw invalidParameter('Layers are not supported for functions with packageType Image.')
  if (settings.PackageType === 'Zip' && settings.ImageConfig)
    throw invalidParameter('ImageConfig is not supported for functions with packageType Zip.')
  const vpc = settings.VpcConfig
  if (vpc && ((vpc.SubnetIds?.length ?? 0) > 16 || (vpc.SecurityGroupIds?.length ?? 0) > 5))
    throw validationException(
      'vpcConfig',
      'SubnetIds/SecurityGroupIds',
      'Member must have length less than or equal to 16 (subnets) and 5 (security groups)'
    )
  // An EFS access point is reached through the function's VPC.
  if (settings.FileSystemConfigs?.length && !vpc)
    throw invalidParameter(
      'The function must be configured with a VPC to access an Amazon EFS file system.'
    )
  oneOf('tracingConfig.mode', settings.TracingConfig?.Mode, ['Active', 'PassThrough'])
  oneOf('snapStart.applyOn', settings.SnapStart?.ApplyOn, ['PublishedVersions', 'None'])
  const logging = settings.LoggingConfig
  oneOf('loggingConfig.logFormat', logging?.LogFormat, ['JSON', 'Text'])
  if (logging?.LogFormat !== 'JSON' && (logging?.ApplicationLogLevel ?? logging?.SystemLogLevel))
    throw invalidParameter(
      'To set ApplicationLogLevel or SystemLogLevel, the function must use the JSON log format.'
    )
}

/** FunctionConfiguration's fields for these settings, with Lambda's defaults where it shows them. */
export function moreSettingsJson(
  name: string,
  settings: FunctionSettings
): Record<string, unknown> {
  const logging = settings.LoggingConfig ?? {}
  const json = logging.LogFormat === 'JSON'
  return {
    Layers: settings.Layers?.map(Arn => ({ Arn, CodeSize: 0 })),
    VpcConfig: settings.VpcConfig && {
      SubnetIds: settings.VpcConfig.SubnetIds ?? [],
      SecurityGroupIds: settings.VpcConfig.SecurityGroupIds ?? [],
      Ipv6AllowedForDualStack: settings.VpcConfig.Ipv6AllowedForDualStack ?? false,
      VpcId: 'vpc-0e1f2a3b4c5d6e7f8'
    },
    DeadLetterConfig: settings.DeadLetterConfig,
    KMSKeyArn: settings.KMSKeyArn,
    TracingConfig: { Mode: settings.TracingConfig?.Mode ?? 'PassThrough' },
    FileSystemConfigs: settings.FileSystemConfigs,
    ImageConfigResponse: settings.ImageConfig && { ImageConfig: settings.ImageConfig },
    SnapStart: { ApplyOn: settings.SnapStart?.ApplyOn ?? 'None', OptimizationStatus: 'Off' },
    // With the JSON format Lambda shows the levels it applies: INFO unless set.
    LoggingConfig: {
      LogFormat: logging.LogFormat ?? 'Text',
      LogGroup: logging.LogGroup ?? `/aws/lambda/${name}`,
      ...(json
        ? {
            ApplicationLogLevel: logging.ApplicationLogLevel ?? 'INFO',
            SystemLogLevel: logging.SystemLogLevel ?? 'INFO'
          }
        : {})
    }
  }
}
