// Lambda's in-memory state: functions by unqualified ARN, with their versions and aliases. Pending
// and InProgress are deadlines read against the clock.

export interface FunctionCode {
  sha256: string
  size: number
  zip?: Buffer
  imageUri?: string
}

/** The configuration fields a caller sets; everything else in FunctionConfiguration is derived. */
export interface FunctionSettings {
  Runtime?: string
  Handler?: string
  Role: string
  Description: string
  Timeout: number
  MemorySize: number
  Environment?: { Variables: Record<string, string> }
  Architectures: string[]
  PackageType: 'Zip' | 'Image'
  EphemeralStorage: { Size: number }
  Layers?: string[]
  VpcConfig?: {
    SubnetIds?: string[]
    SecurityGroupIds?: string[]
    Ipv6AllowedForDualStack?: boolean
  }
  DeadLetterConfig?: { TargetArn?: string }
  KMSKeyArn?: string
  TracingConfig?: { Mode?: string }
  FileSystemConfigs?: { Arn: string; LocalMountPath: string }[]
  ImageConfig?: { EntryPoint?: string[]; Command?: string[]; WorkingDirectory?: string }
  SnapStart?: { ApplyOn?: string }
  LoggingConfig?: {
    LogFormat?: string
    ApplicationLogLevel?: string
    SystemLogLevel?: string
    LogGroup?: string
  }
}

export interface PublishedVersion {
  version: string
  settings: FunctionSettings
  code: FunctionCode
  description: string
  revisionId: string
  lastModified: string
  /** $LATEST's revision when published: an unchanged $LATEST publishes nothing new. */
  sourceRevision: string
}

export interface Alias {
  name: string
  functionVersion: string
  description: string
  revisionId: string
  /** RoutingConfig.AdditionalVersionWeights: at most one more version and its share of calls. */
  routing?: Record<string, number>
}

export interface LambdaFunction {
  name: string
  arn: string
  region: string
  settings: FunctionSettings
  code: FunctionCode
  revisionId: string
  lastModified: string
  /** State is Pending until then, Active after. */
  activeAt: number
  /** LastUpdateStatus is InProgress until then (0: never updated). */
  updateDoneAt: number
  versions: PublishedVersion[]
  aliases: Map<string, Alias>
  tags: Record<string, string>
  /** CreateFunction's Code.SourceKMSKeyArn, or UpdateFunctionCode's. */
  sourceKmsKeyArn?: string
  codeSigningConfigArn?: string
  /** The resource-based policy's statements by qualifier ('' for the function itself). */
  permissions?: Map<string, Record<string, unknown>[]>
}

export interface LambdaState {
  functions: Map<string, LambdaFunction>
}

export function lambdaState(): LambdaState {
  return { functions: new Map() }
}
