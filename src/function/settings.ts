// The Lambda settings, one row each: its input, where GetFunction shows it, its default (in its
// normal form), how two values compare, which writes send it, and how a change is worded. Reading
// the live value, comparing, the requests and the words all derive from these rows. Pure.
import type { FunctionConfig, MoreSettings } from '../inputs/settings.js'
import type { LiveFunction } from './read.js'

/** A setting that changes, by its input, worded as its row in settings.ts says. */
export type FieldChange =
  /** Both values in their normal forms. */
  | { input: string; from?: SettingValue; to?: SettingValue }
  /** Names only: values may be secrets. */
  | { input: string; added: string[]; changed: string[]; removed: string[] }

/** A setting's value as the plan compares it (JSON, for the result output). */
export type SettingValue =
  string | number | boolean | SettingValue[] | { [k: string]: SettingValue }

/** The request fields the settings travel in, as CreateFunction and the update writes take them. */
export interface SettingFields extends MoreSettings {
  Runtime?: string
  Handler?: string
  Role?: string
  Architectures?: ('x86_64' | 'arm64')[]
  MemorySize?: number
  Timeout?: number
  Description?: string
  Environment?: { Variables: Record<string, string> }
  CodeSigningConfigArn?: string
}
type Field = keyof SettingFields

/** The writes that send settings; the architecture goes with the code, code signing on its own. */
type SettingWrite =
  | 'CreateFunction'
  | 'UpdateFunctionConfiguration'
  | 'UpdateFunctionCode'
  | 'PutFunctionCodeSigningConfig'

interface Setting<F extends Field> {
  input: string
  /** The writes that send it: at create, and the one update that changes it. */
  sentBy: readonly SettingWrite[]
  /** The value the inputs name; undefined when they do not name it (it is then never changed). */
  want(config: FunctionConfig): SettingFields[F]
  /** Its value in GetFunction's answer, in the request's shape. */
  live(fn: LiveFunction): SettingFields[F]
  /** Its normal form (defaults filled in, sets sorted): two values are the same when these are. */
  normal(value: SettingFields[F], functionName: string): SettingValue | undefined
  /** What an update sends over the live value (members the inputs left out keep theirs). */
  update?(
    want: NonNullable<SettingFields[F]>,
    live: SettingFields[F],
    config: FunctionConfig
  ): SettingFields[F]
  /** A change in words: both values, the input's name only, or the keys (values may be secrets). */
  words: 'values' | 'name' | 'keys'
}

const CONFIGURATION = ['CreateFunction', 'UpdateFunctionConfiguration'] as const
const same = <T>(value: T): T => value
const sorted = (values: string[] | undefined): string[] => [...(values ?? [])].sort()
const sortedKeys = (map: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.keys(map)
      .sort()
      .map(k => [k, map[k]])
  )
const configuration = (fn: LiveFunction) => fn.configuration

/** A setting Lambda takes as the input gives it (inputs/function-settings.ts), in MoreSettings. */
function asGiven<F extends keyof MoreSettings>(
  field: F,
  row: Omit<Setting<F>, 'want' | 'sentBy' | 'words'>
): Setting<F> {
  return { ...row, sentBy: CONFIGURATION, words: 'values', want: config => config.more?.[field] }
}

/** Every setting, in the order the plan names them. */
const SETTINGS: { [F in Field]-?: Setting<F> } = {
  Runtime: {
    input: 'runtime',
    sentBy: CONFIGURATION,
    want: config => config.runtime,
    live: fn => configuration(fn).Runtime,
    normal: same,
    words: 'values'
  },
  Handler: {
    input: 'handler',
    sentBy: CONFIGURATION,
    want: config => config.handler,
    live: fn => configuration(fn).Handler,
    normal: same,
    words: 'values'
  },
  Role: {
    input: 'execution-role-arn',
    sentBy: CONFIGURATION,
    want: config => config.role,
    live: fn => configuration(fn).Role,
    normal: same,
    words: 'values'
  },
  // Lambda sets the architecture with the code: plan.ts refuses a change without code.
  Architectures: {
    input: 'architectures',
    sentBy: ['CreateFunction', 'UpdateFunctionCode'],
    want: config => config.architectures,
    live: fn => configuration(fn).Architectures as SettingFields['Architectures'],
    normal: value => value?.[0] ?? 'x86_64',
    words: 'values'
  },
  MemorySize: {
    input: 'memory-size',
    sentBy: CONFIGURATION,
    want: config => config.memorySize,
    live: fn => configuration(fn).MemorySize,
    normal: same,
    words: 'values'
  },
  Timeout: {
    input: 'timeout',
    sentBy: CONFIGURATION,
    want: config => config.timeout,
    live: fn => configuration(fn).Timeout,
    normal: same,
    words: 'values'
  },
  Description: {
    input: 'description',
    sentBy: CONFIGURATION,
    want: config => config.description,
    live: fn => configuration(fn).Description,
    normal: value => value ?? '',
    words: 'name'
  },
  // `replace` (the default): exactly the named variables; `merge`: the live ones stay.
  Environment: {
    input: 'environment',
    sentBy: CONFIGURATION,
    want: config => config.environment && { Variables: config.environment },
    live: fn => {
      const variables = configuration(fn).Environment?.Variables
      return variables && { Variables: variables }
    },
    normal: value => sortedKeys(value?.Variables ?? {}),
    update: (want, live, config) =>
      config.environmentMode === 'merge'
        ? { Variables: { ...live?.Variables, ...want.Variables } }
        : want,
    words: 'keys'
  },
  // Lambda keeps it apart from GetFunction's answer: read.ts reads it when the input names it.
  CodeSigningConfigArn: {
    input: 'code-signing-config-arn',
    sentBy: ['CreateFunction', 'PutFunctionCodeSigningConfig'],
    want: config => config.codeSigningConfigArn,
    live: fn => fn.codeSigningConfigArn,
    normal: value => value ?? '',
    words: 'values'
  },
  // Layers apply in order: the order is part of the setting.
  Layers: asGiven('Layers', {
    input: 'layers',
    live: fn => configuration(fn).Layers?.map(l => l.Arn ?? ''),
    normal: value => value ?? []
  }),
  VpcConfig: asGiven('VpcConfig', {
    input: 'vpc-config',
    live: fn => {
      const vpc = configuration(fn).VpcConfig
      return (
        vpc && {
          SubnetIds: vpc.SubnetIds ?? [],
          SecurityGroupIds: vpc.SecurityGroupIds ?? [],
          Ipv6AllowedForDualStack: vpc.Ipv6AllowedForDualStack
        }
      )
    },
    normal: value => ({
      SubnetIds: sorted(value?.SubnetIds),
      SecurityGroupIds: sorted(value?.SecurityGroupIds),
      Ipv6AllowedForDualStack: value?.Ipv6AllowedForDualStack ?? false
    })
  }),
  DeadLetterConfig: asGiven('DeadLetterConfig', {
    input: 'dead-letter-config',
    live: fn => {
      const dlq = configuration(fn).DeadLetterConfig
      return dlq && { TargetArn: dlq.TargetArn ?? '' }
    },
    normal: value => value?.TargetArn ?? ''
  }),
  KMSKeyArn: asGiven('KMSKeyArn', {
    input: 'kms-key-arn',
    live: fn => configuration(fn).KMSKeyArn,
    normal: value => value ?? ''
  }),
  TracingConfig: asGiven('TracingConfig', {
    input: 'tracing-config',
    live: fn => configuration(fn).TracingConfig as MoreSettings['TracingConfig'],
    normal: value => value?.Mode ?? 'PassThrough'
  }),
  FileSystemConfigs: asGiven('FileSystemConfigs', {
    input: 'file-system-configs',
    live: fn => configuration(fn).FileSystemConfigs as MoreSettings['FileSystemConfigs'],
    normal: value => (value ?? []).map(c => `${c.Arn} ${c.LocalMountPath}`).sort()
  }),
  ImageConfig: asGiven('ImageConfig', {
    input: 'image-config',
    live: fn => configuration(fn).ImageConfigResponse?.ImageConfig,
    normal: value => ({
      EntryPoint: value?.EntryPoint ?? [],
      Command: value?.Command ?? [],
      WorkingDirectory: value?.WorkingDirectory ?? ''
    })
  }),
  EphemeralStorage: asGiven('EphemeralStorage', {
    input: 'ephemeral-storage',
    live: fn => configuration(fn).EphemeralStorage as MoreSettings['EphemeralStorage'],
    normal: value => value?.Size ?? 512
  }),
  SnapStart: asGiven('SnapStart', {
    input: 'snap-start',
    live: fn => configuration(fn).SnapStart as MoreSettings['SnapStart'],
    normal: value => value?.ApplyOn ?? 'None'
  }),
  // Lambda sets LoggingConfig as a whole: the members not named are sent with their live values.
  LoggingConfig: {
    ...asGiven('LoggingConfig', {
      input: 'logging-config',
      live: fn => configuration(fn).LoggingConfig as MoreSettings['LoggingConfig'],
      normal: (value, functionName) => ({
        LogFormat: value?.LogFormat ?? 'Text',
        ApplicationLogLevel: value?.ApplicationLogLevel ?? '',
        SystemLogLevel: value?.SystemLogLevel ?? '',
        LogGroup: value?.LogGroup ?? `/aws/lambda/${functionName}`
      })
    }),
    // Log levels need the JSON format: back to Text, they are left out.
    update: (want, live) => {
      const merged = { ...live, ...want }
      if (merged.LogFormat !== 'JSON') {
        delete merged.ApplicationLogLevel
        delete merged.SystemLogLevel
      }
      return merged
    }
  }
}

const rows = Object.entries(SETTINGS) as [Field, Setting<Field>][]

/** The named settings that `write` sends, each in the request's field. */
export function requestOf(write: SettingWrite, config: FunctionConfig): SettingFields {
  const fields: Record<string, unknown> = {}
  for (const [field, row] of rows) {
    const want = row.want(config)
    if (row.sentBy.includes(write) && want !== undefined) fields[field] = want
  }
  return fields as SettingFields
}

/**
 * The named settings that `write` sends whose normal forms differ from the live ones: the
 * request's fields, and the changes as the report words them. Undefined when none differs.
 */
export function settingChanges(
  write: SettingWrite,
  config: FunctionConfig,
  live: LiveFunction
): { request: SettingFields; fields: FieldChange[] } | undefined {
  const request: Record<string, unknown> = {}
  const fields: FieldChange[] = []
  const name = live.configuration.FunctionName ?? ''
  for (const [field, row] of rows) {
    const want = row.want(config)
    if (!row.sentBy.includes(write) || want === undefined) continue
    const current = row.live(live)
    const sent = row.update ? row.update(want, current, config) : want
    const from = row.normal(current, name)
    const to = row.normal(sent, name)
    if (JSON.stringify(from) === JSON.stringify(to)) continue
    request[field] = sent
    fields.push(fieldChange(row, from, to))
  }
  return fields.length ? { request: request as SettingFields, fields } : undefined
}

function fieldChange(
  row: Setting<Field>,
  from: SettingValue | undefined,
  to: SettingValue | undefined
): FieldChange {
  const { input } = row
  if (row.words === 'name') return { input }
  if (row.words === 'values') return { input, from, to }
  const [before, after] = [from, to] as Record<string, string>[]
  return {
    input,
    added: Object.keys(after).filter(k => !Object.hasOwn(before, k)),
    changed: Object.keys(after).filter(k => Object.hasOwn(before, k) && before[k] !== after[k]),
    removed: Object.keys(before).filter(k => !Object.hasOwn(after, k))
  }
}

/** The settings the inputs name, by input name, for "already as wanted". */
export const namedSettings = (config: FunctionConfig): string[] =>
  rows.filter(([, row]) => row.want(config) !== undefined).map(([, row]) => row.input)
