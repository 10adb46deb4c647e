// Compares the settings of inputs/function-settings.ts (layers, VPC, tracing, …) with the live function by
// meaning, not by shape: each side is brought to one normal form (defaults filled in, sets
// sorted), and only a named setting whose forms differ is written. Pure.
import type { FunctionConfig, MoreSettings } from '../inputs/settings.js'
import { type FieldChange, SETTING_INPUTS, type SettingValue } from './changes.js'
import type { LiveConfiguration } from './read.js'

type Key = keyof MoreSettings

const sorted = (values: string[] | undefined): string[] => [...(values ?? [])].sort()

/** A setting's normal form: what Lambda does with it, whatever way it was written. */
function normal(key: Key, value: MoreSettings, functionName: string): SettingValue {
  switch (key) {
    // Layers apply in order: the order is part of the setting.
    case 'Layers':
      return value.Layers ?? []
    case 'VpcConfig':
      return {
        SubnetIds: sorted(value.VpcConfig?.SubnetIds),
        SecurityGroupIds: sorted(value.VpcConfig?.SecurityGroupIds),
        Ipv6AllowedForDualStack: value.VpcConfig?.Ipv6AllowedForDualStack ?? false
      }
    case 'DeadLetterConfig':
      return value.DeadLetterConfig?.TargetArn ?? ''
    case 'KMSKeyArn':
      return value.KMSKeyArn ?? ''
    case 'TracingConfig':
      return value.TracingConfig?.Mode ?? 'PassThrough'
    case 'FileSystemConfigs':
      return (value.FileSystemConfigs ?? []).map(c => `${c.Arn} ${c.LocalMountPath}`).sort()
    case 'ImageConfig':
      return {
        EntryPoint: value.ImageConfig?.EntryPoint ?? [],
        Command: value.ImageConfig?.Command ?? [],
        WorkingDirectory: value.ImageConfig?.WorkingDirectory ?? ''
      }
    case 'EphemeralStorage':
      return value.EphemeralStorage?.Size ?? 512
    case 'SnapStart':
      return value.SnapStart?.ApplyOn ?? 'None'
    case 'LoggingConfig':
      return {
        LogFormat: value.LoggingConfig?.LogFormat ?? 'Text',
        ApplicationLogLevel: value.LoggingConfig?.ApplicationLogLevel ?? '',
        SystemLogLevel: value.LoggingConfig?.SystemLogLevel ?? '',
        LogGroup: value.LoggingConfig?.LogGroup ?? `/aws/lambda/${functionName}`
      }
  }
}

/** The live configuration in the request shapes, so one normal form serves both sides. */
function liveSettings(live: LiveConfiguration): MoreSettings {
  const image = live.ImageConfigResponse?.ImageConfig
  return {
    Layers: live.Layers?.map(l => l.Arn ?? ''),
    VpcConfig: live.VpcConfig && {
      SubnetIds: live.VpcConfig.SubnetIds ?? [],
      SecurityGroupIds: live.VpcConfig.SecurityGroupIds ?? [],
      Ipv6AllowedForDualStack: live.VpcConfig.Ipv6AllowedForDualStack
    },
    DeadLetterConfig: live.DeadLetterConfig && { TargetArn: live.DeadLetterConfig.TargetArn ?? '' },
    KMSKeyArn: live.KMSKeyArn,
    TracingConfig: live.TracingConfig as MoreSettings['TracingConfig'],
    FileSystemConfigs: live.FileSystemConfigs as MoreSettings['FileSystemConfigs'],
    ImageConfig: image,
    EphemeralStorage: live.EphemeralStorage as MoreSettings['EphemeralStorage'],
    SnapStart: live.SnapStart as MoreSettings['SnapStart'],
    LoggingConfig: live.LoggingConfig as MoreSettings['LoggingConfig']
  }
}

/**
 * The named settings that differ from the live ones: what UpdateFunctionConfiguration sends, and
 * the report's field changes. logging-config compares only the members named: the others keep
 * their live values (and are sent with them, as Lambda sets LoggingConfig as a whole).
 */
export function moreSettingsUpdate(
  want: MoreSettings | undefined,
  live: LiveConfiguration
): { update: MoreSettings; fields: FieldChange[] } {
  const update: Record<string, unknown> = {}
  const fields: FieldChange[] = []
  const current = liveSettings(live)
  const name = live.FunctionName ?? ''
  for (const key of Object.keys(SETTING_INPUTS) as Key[]) {
    if (want?.[key] === undefined) continue
    const wanted: MoreSettings =
      key === 'LoggingConfig' ? { LoggingConfig: loggingWanted(want, current) } : want
    const from = normal(key, current, name)
    const to = normal(key, wanted, name)
    if (JSON.stringify(from) === JSON.stringify(to)) continue
    update[key] = wanted[key]
    fields.push({ input: SETTING_INPUTS[key], from, to })
  }
  return { update: update as MoreSettings, fields }
}

/** The live logging configuration with the named members over it; levels need the JSON format. */
function loggingWanted(want: MoreSettings, current: MoreSettings): MoreSettings['LoggingConfig'] {
  const merged = { ...current.LoggingConfig, ...want.LoggingConfig }
  if (merged.LogFormat !== 'JSON') {
    delete merged.ApplicationLogLevel
    delete merged.SystemLogLevel
  }
  return merged
}

/** The named settings' input names, for "already as wanted". */
export const namedSettings = (want: MoreSettings | undefined): string[] =>
  (Object.keys(SETTING_INPUTS) as Key[])
    .filter(key => want?.[key] !== undefined)
    .map(key => SETTING_INPUTS[key])

/** Only the settings of `spec` (a CreateFunction spec carries more). */
export const moreSettings = (spec: MoreSettings): MoreSettings =>
  Object.fromEntries(
    (Object.keys(SETTING_INPUTS) as Key[]).map(key => [key, spec[key]])
  ) as MoreSettings

/**
 * Layers and a code package key belong to zip functions (an image brings its own and ECR encrypts
 * it), image-config to image functions.
 */
export function packageProblems(
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
