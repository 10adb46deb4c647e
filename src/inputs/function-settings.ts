// Reads the function settings that aws-actions/aws-lambda-deploy also offers (layers, VPC, tags,
// tracing, …): the same names, the same JSON shapes, and shorter forms where one value is enough
// (tracing-config: Active). Every problem names its input and what would be valid. Pure.
import { lines, parsePairs } from './key-value.js'
import { quote } from './quote.js'
import { checkTags } from './tag-rules.js'
import type { FunctionConfig, MoreSettings } from './settings.js'

type Problem = (name: string, message: string) => undefined
type Input = (name: string) => string | undefined

const PARTITION = 'arn:aws[a-z-]*'
const LAYER = new RegExp(`^${PARTITION}:lambda:[a-z0-9-]+:\\d{12}:layer:[\\w-]{1,140}:\\d+$`)
const KMS_KEY = new RegExp(`^${PARTITION}:kms:[a-z0-9-]+:\\d{12}:(key|alias)/[\\w/+=,.@-]+$`)
const DLQ_TARGET = new RegExp(`^${PARTITION}:(sqs|sns):[a-z0-9-]+:\\d{12}:[\\w.-]+$`)
const ACCESS_POINT = new RegExp(
  `^${PARTITION}:elasticfilesystem:[a-z0-9-]+:\\d{12}:access-point/fsap-[a-f0-9]{17}$`
)
const CODE_SIGNING = new RegExp(
  `^${PARTITION}:lambda:[a-z0-9-]+:\\d{12}:code-signing-config:csc-[a-z0-9]{17}$`
)
const SUBNET = /^subnet-[0-9a-f]{8,17}$/
const SECURITY_GROUP = /^sg-[0-9a-f]{8,17}$/
const MOUNT_PATH = /^\/mnt\/[\w.-]+$/
const LOG_GROUP = /^[\w\-/.#]{1,512}$/
const APPLICATION_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']
const SYSTEM_LEVELS = ['DEBUG', 'INFO', 'WARN']

/** The fields of FunctionConfig these inputs set; undefined for every input not given. */
type SettingsInput = Pick<
  FunctionConfig,
  'environmentMode' | 'more' | 'tags' | 'removeTags' | 'codeSigningConfigArn' | 'sourceKmsKeyArn'
>

export function readSettingsInputs(
  input: Input,
  problem: Problem,
  reservedTags: number
): SettingsInput {
  const more: MoreSettings = {}
  const json = (name: string, text: string): unknown => {
    try {
      return JSON.parse(text)
    } catch {
      return problem(name, 'is not valid JSON')
    }
  }
  /** A JSON object with only the given members (the official action's shape). */
  const object = (name: string, members: string[]): Record<string, unknown> | undefined => {
    const text = input(name)
    if (text === undefined) return undefined
    const value = json(name, text)
    if (value === undefined) return undefined
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return problem(name, `must be a JSON object with ${members.join(', ')}`)
    const unknown = Object.keys(value).filter(k => !members.includes(k))
    if (unknown.length)
      return problem(name, `${unknown.join(', ')}: not a member; use ${members.join(', ')}`)
    return value as Record<string, unknown>
  }
  /** The one member of the official action's object: `{}` sets nothing, so it is refused. */
  const fieldOf = (name: string, key: string): unknown => {
    const value = object(name, [key])
    if (value && !Object.hasOwn(value, key))
      return problem(name, `{} sets nothing: give {"${key}": …}`)
    return value?.[key]
  }
  const strings = (name: string, value: unknown, what: string): string[] | undefined =>
    Array.isArray(value) && value.every(v => typeof v === 'string')
      ? value
      : problem(name, `${what} must be a JSON array of strings`)
  /** Lines, or a JSON array of strings. */
  const list = (name: string): string[] | undefined => {
    const text = input(name)
    if (text === undefined) return undefined
    if (!text.startsWith('[')) return lines(text)
    const value = json(name, text)
    return value === undefined ? undefined : strings(name, value, 'the list')
  }
  const arn = (name: string, pattern: RegExp, example: string): string | undefined => {
    const value = input(name)
    if (value !== undefined && !pattern.test(value))
      return problem(name, `${quote(value)} is not ${example}`)
    return value
  }
  /** One word, or the official action's JSON object holding it. */
  const word = <T extends string>(name: string, member: string, allowed: T[]): T | undefined => {
    const text = input(name)
    if (text === undefined) return undefined
    const value = text.startsWith('{') ? fieldOf(name, member) : text
    if (value === undefined && text.startsWith('{')) return undefined
    if (typeof value === 'string' && (allowed as string[]).includes(value)) return value as T
    return problem(name, `must be ${allowed.join(' or ')} (or {"${member}": "…"})`)
  }

  const layers = list('layers')
  if (layers) {
    const bad = layers.filter(l => !LAYER.test(l))
    if (bad.length)
      problem(
        'layers',
        `${bad.map(quote).join(', ')}: not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)`
      )
    else if (layers.length > 5) problem('layers', 'at most 5 layers (Lambda’s limit)')
    else if (new Set(layers).size < layers.length) problem('layers', 'a layer is named twice')
    else more.Layers = layers
  }

  const vpc = object('vpc-config', ['SubnetIds', 'SecurityGroupIds', 'Ipv6AllowedForDualStack'])
  if (vpc) {
    const subnets = strings('vpc-config', vpc.SubnetIds ?? [], 'SubnetIds')
    const groups = strings('vpc-config', vpc.SecurityGroupIds ?? [], 'SecurityGroupIds')
    const ipv6 = vpc.Ipv6AllowedForDualStack
    const bad = [
      ...(subnets ?? []).filter(s => !SUBNET.test(s)),
      ...(groups ?? []).filter(g => !SECURITY_GROUP.test(g))
    ]
    if (bad.length) problem('vpc-config', `${bad.map(quote).join(', ')}: not a subnet-… or sg-… id`)
    else if (subnets && groups && (subnets.length > 16 || groups.length > 5))
      problem('vpc-config', 'at most 16 SubnetIds and 5 SecurityGroupIds')
    else if (subnets && groups && !subnets.length !== !groups.length)
      problem(
        'vpc-config',
        'needs SubnetIds and SecurityGroupIds both, or both empty to detach the function from its VPC'
      )
    else if (ipv6 !== undefined && typeof ipv6 !== 'boolean')
      problem('vpc-config', 'Ipv6AllowedForDualStack must be true or false')
    else if (subnets && groups)
      more.VpcConfig = {
        SubnetIds: subnets,
        SecurityGroupIds: groups,
        ...(ipv6 !== undefined ? { Ipv6AllowedForDualStack: ipv6 } : {})
      }
  }

  const dlqText = input('dead-letter-config')
  if (dlqText !== undefined) {
    const target = dlqText.startsWith('{') ? fieldOf('dead-letter-config', 'TargetArn') : dlqText
    if (typeof target === 'string' && (target === '' || DLQ_TARGET.test(target)))
      more.DeadLetterConfig = { TargetArn: target }
    else if (target !== undefined || !dlqText.startsWith('{'))
      problem(
        'dead-letter-config',
        'must be an SQS queue or SNS topic ARN, or {"TargetArn": "…"} ("" removes it)'
      )
  }

  more.KMSKeyArn = arn('kms-key-arn', KMS_KEY, 'a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)')
  const tracing = word('tracing-config', 'Mode', ['Active', 'PassThrough'])
  if (tracing) more.TracingConfig = { Mode: tracing }
  const snapStart = word('snap-start', 'ApplyOn', ['PublishedVersions', 'None'])
  if (snapStart) more.SnapStart = { ApplyOn: snapStart }

  const fsText = input('file-system-configs')
  if (fsText !== undefined) {
    const value = json('file-system-configs', fsText)
    const valid =
      Array.isArray(value) &&
      value.every(
        (c: unknown) =>
          typeof c === 'object' &&
          c !== null &&
          ACCESS_POINT.test(String((c as { Arn?: unknown }).Arn)) &&
          MOUNT_PATH.test(String((c as { LocalMountPath?: unknown }).LocalMountPath)) &&
          Object.keys(c).length === 2
      )
    if (value !== undefined && !valid)
      problem(
        'file-system-configs',
        'must be a JSON array of {"Arn": EFS access point ARN, "LocalMountPath": "/mnt/NAME"}'
      )
    else if (valid && value.length > 1)
      problem('file-system-configs', 'Lambda allows one file system per function')
    else if (valid) more.FileSystemConfigs = value as MoreSettings['FileSystemConfigs']
  }

  const image = object('image-config', ['EntryPoint', 'Command', 'WorkingDirectory'])
  if (image) {
    const entryPoint =
      image.EntryPoint === undefined
        ? undefined
        : strings('image-config', image.EntryPoint, 'EntryPoint')
    const command =
      image.Command === undefined ? undefined : strings('image-config', image.Command, 'Command')
    const dir = image.WorkingDirectory
    if (dir !== undefined && (typeof dir !== 'string' || dir.length > 1000))
      problem('image-config', 'WorkingDirectory must be a path of at most 1000 characters')
    else if ((!image.EntryPoint || entryPoint) && (!image.Command || command))
      more.ImageConfig = {
        ...(entryPoint ? { EntryPoint: entryPoint } : {}),
        ...(command ? { Command: command } : {}),
        ...(dir !== undefined ? { WorkingDirectory: dir } : {})
      }
  }

  const storageText = input('ephemeral-storage')
  if (storageText !== undefined) {
    const size = storageText.startsWith('{')
      ? fieldOf('ephemeral-storage', 'Size')
      : /^\d+$/.test(storageText)
        ? Number(storageText)
        : NaN
    if (typeof size === 'number' && Number.isInteger(size) && size >= 512 && size <= 10240)
      more.EphemeralStorage = { Size: size }
    else if (size !== undefined)
      problem(
        'ephemeral-storage',
        `${quote(storageText)} must be a whole number of MB from 512 to 10240`
      )
  }

  const logging = object('logging-config', [
    'LogFormat',
    'ApplicationLogLevel',
    'SystemLogLevel',
    'LogGroup'
  ])
  if (logging) {
    const { LogFormat, ApplicationLogLevel, SystemLogLevel, LogGroup } = logging
    const why =
      LogFormat !== undefined && LogFormat !== 'JSON' && LogFormat !== 'Text'
        ? 'LogFormat must be JSON or Text'
        : ApplicationLogLevel !== undefined &&
            !APPLICATION_LEVELS.includes(ApplicationLogLevel as string)
          ? `ApplicationLogLevel must be one of ${APPLICATION_LEVELS.join(', ')}`
          : SystemLogLevel !== undefined && !SYSTEM_LEVELS.includes(SystemLogLevel as string)
            ? `SystemLogLevel must be one of ${SYSTEM_LEVELS.join(', ')}`
            : (ApplicationLogLevel ?? SystemLogLevel) !== undefined && LogFormat !== 'JSON'
              ? 'log levels need "LogFormat": "JSON"'
              : LogGroup !== undefined &&
                  !(typeof LogGroup === 'string' && LOG_GROUP.test(LogGroup))
                ? 'LogGroup must be a CloudWatch log group name'
                : undefined
    if (why) problem('logging-config', why)
    else more.LoggingConfig = logging as MoreSettings['LoggingConfig']
  }

  const tags = parsePairs(input('tags'), 'tags', problem)
  if (tags) checkTags('tags', tags, { service: 'Lambda', reserved: reservedTags }, problem)
  const removeTags = list('remove-tags')
  const awsKeys = (removeTags ?? []).filter(key => /^aws:/i.test(key))
  // AWS's own tags (aws:…) are not the user's to remove, as they are not theirs to set.
  if (awsKeys.length)
    problem(
      'remove-tags',
      `${awsKeys.map(quote).join(', ')}: keys starting with aws: are AWS's own`
    )
  const both = (removeTags ?? []).filter(key => tags && Object.hasOwn(tags, key))
  if (both.length) problem('remove-tags', `${both.map(quote).join(', ')} also set in tags`)

  const mode = input('environment-mode')
  if (mode !== undefined && mode !== 'replace' && mode !== 'merge')
    problem('environment-mode', `${quote(mode)} must be replace or merge`)

  const named = Object.values(more).some(v => v !== undefined)
  return {
    environmentMode: mode as SettingsInput['environmentMode'],
    more: named ? more : undefined,
    tags,
    removeTags,
    codeSigningConfigArn: arn(
      'code-signing-config-arn',
      CODE_SIGNING,
      'a code-signing config ARN (arn:aws:lambda:REGION:ACCOUNT:code-signing-config:csc-…)'
    ),
    sourceKmsKeyArn: arn(
      'source-kms-key-arn',
      KMS_KEY,
      'a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)'
    )
  }
}
