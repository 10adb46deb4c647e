// What a run is asked to do, as read and validated from the inputs by read.ts: the one settings
// object every phase reads (actions/checkout keeps git-source-settings.ts apart in the same way).
import type { SmokeSettings } from './smoke.js'

export type CodeSource =
  | { kind: 'none' }
  | { kind: 'path'; path: string }
  | { kind: 's3'; bucket: string; key: string; objectVersion?: string }
  | { kind: 'image'; imageUri: string }

/** Configuration the user named; anything left undefined is never changed on the live function. */
export interface FunctionConfig {
  runtime?: string
  handler?: string
  role?: string
  architectures?: ('x86_64' | 'arm64')[]
  memorySize?: number
  timeout?: number
  description?: string
  environment?: Record<string, string>
  /** `replace` (the default): the variables become exactly `environment`; `merge`: the live ones stay. */
  environmentMode?: 'replace' | 'merge'
  /** The settings of inputs/function-settings.ts, in Lambda's own request shapes. */
  more?: MoreSettings
  /** Tags to add or update on the function; a live tag not named stays. */
  tags?: Record<string, string>
  /** Tag keys to remove from the function (only these are ever removed). */
  removeTags?: string[]
  /** Set when the function is created (Lambda's code-signing config is set with the code). */
  codeSigningConfigArn?: string
  /** The customer managed key that encrypts the code package; sent with every code write. */
  sourceKmsKeyArn?: string
}

/**
 * Settings that CreateFunction and UpdateFunctionConfiguration take as they are. An empty value
 * ([] or '') asks Lambda to remove the setting, as its API does.
 */
export interface MoreSettings {
  Layers?: string[]
  VpcConfig?: { SubnetIds: string[]; SecurityGroupIds: string[]; Ipv6AllowedForDualStack?: boolean }
  DeadLetterConfig?: { TargetArn: string }
  KMSKeyArn?: string
  TracingConfig?: { Mode: 'Active' | 'PassThrough' }
  FileSystemConfigs?: { Arn: string; LocalMountPath: string }[]
  ImageConfig?: { EntryPoint?: string[]; Command?: string[]; WorkingDirectory?: string }
  EphemeralStorage?: { Size: number }
  SnapStart?: { ApplyOn: 'PublishedVersions' | 'None' }
  LoggingConfig?: {
    LogFormat?: 'JSON' | 'Text'
    ApplicationLogLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL'
    SystemLogLevel?: 'DEBUG' | 'INFO' | 'WARN'
    LogGroup?: string
  }
}

/**
 * How the alias moves to a new version, in SAM's and CodeDeploy's vocabulary: all at once, or
 * through `AdditionalVersionWeights` on the alias, watched by `alarms` during every bake.
 */
export type TrafficShift =
  | { kind: 'all-at-once' }
  /** `percent` for `bakeSeconds`, then all. */
  | { kind: 'canary'; percent: number; bakeSeconds: number }
  /** `percent` more every `intervalSeconds` until all. */
  | { kind: 'linear'; percent: number; intervalSeconds: number }

export interface Settings {
  functionName: string
  region: string
  /** The account a function ARN named; checked against the caller's account. */
  functionAccountId?: string
  /** The partition a function ARN named; checked against the caller's partition. */
  functionPartition?: string
  code: CodeSource
  /** Bucket a zip over the direct-upload limit goes through. */
  stagingBucket?: string
  config: FunctionConfig
  publish: boolean
  alias?: string
  /** Validated by inputs/delivery.ts: a shift other than all-at-once comes with an alias. */
  trafficShift: TrafficShift
  /** CloudWatch alarm names watched during every bake; any in ALARM rolls the alias back. */
  alarms: string[]
  /**
   * Undo: the alias goes back to the version this action recorded before its last promotion. Then
   * `code` is none, `config` empty, `trafficShift` all-at-once and `alarms` empty (none were read).
   */
  rollback: boolean
  apiConnect: {
    externalId: string
    principalArn: string
    /** How the principal was chosen, for the log and the summary. */
    source: string
  }
  role: {
    name: string
    path: string
    description?: string
    permissionsBoundary?: string
    tags: Record<string, string>
    manage: boolean
  }
  verify: 'fail' | 'warn' | 'off'
  /** Principals the role may trust besides API Connect, as the trust policy names them. */
  acceptedPrincipals: string[]
  expectedAccountId?: string
  validateTrustPolicy: boolean
  /** Access Analyzer's CheckNoNewAccess and CheckNoPublicAccess beside the local analysis. */
  accessAnalyzerChecks: boolean
  probeSelfAssume: boolean
  dryRun: boolean
  /** The smoke test: the event to invoke the new version with, and what to expect back. */
  smokeTest?: SmokeSettings
  endpointUrl?: string
  /** How an input was read, worth a notice (e.g. a normalised value). */
  notices: string[]
}

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `${problems.length} invalid inputs:\n${problems.map(p => `  - ${p}`).join('\n')}`
    )
    this.name = 'InputError'
  }
}
