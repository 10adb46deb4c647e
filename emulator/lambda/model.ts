// Lambda functions as the API shows them: name resolution, FunctionConfiguration, state model.
import { ServiceError } from '../protocols/errors.js'
import type { EmulatorRequest } from '../protocols/http.js'
import type {
  EmulatorContext,
  FunctionCode,
  FunctionSettings,
  LambdaFunction,
  PublishedVersion
} from '../core/context.js'

export function lambdaTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000')
}

export function validationException(
  member: string,
  value: unknown,
  constraint: string
): ServiceError {
  return new ServiceError(
    400,
    'ValidationException',
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`
  )
}

export function invalidParameter(message: string): ServiceError {
  return new ServiceError(400, 'InvalidParameterValueException', message)
}

export function functionNotFound(arn: string): ServiceError {
  return new ServiceError(404, 'ResourceNotFoundException', `Function not found: ${arn}`)
}

export interface FunctionRef {
  /** The unqualified ARN: the function's key in the emulator's state. */
  arn: string
  name: string
  qualifier?: string
}

/** A function name as Lambda accepts it: `name`, `ACCOUNT:function:name` or a full ARN, each
 *  optionally with `:qualifier`. */
export function parseFunctionName(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  raw: string
): FunctionRef {
  const parts = raw.split(':')
  let region = req.region
  let account = ctx.config.accountId
  let rest = parts
  if (parts[0] === 'arn' && parts[2] === 'lambda' && parts[5] === 'function') {
    ;[region, account] = [parts[3], parts[4]]
    rest = parts.slice(6)
  } else if (parts[1] === 'function') {
    account = parts[0]
    rest = parts.slice(2)
  }
  const [name, qualifier, ...extra] = rest
  if (extra.length > 0 || !/^[a-zA-Z0-9_-]{1,64}$/.test(name ?? '') || qualifier === '') {
    throw validationException(
      'functionName',
      raw,
      'Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?'
    )
  }
  return { arn: `arn:aws:lambda:${region}:${account}:function:${name}`, name, qualifier }
}

/** The function and the qualifier to read: from the name, or from `?Qualifier=` (must agree). */
export function findFunction(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  raw: string,
  queryQualifier?: string | null
): { fn: LambdaFunction; qualifier?: string } {
  const ref = parseFunctionName(ctx, req, raw)
  if (ref.qualifier && queryQualifier && ref.qualifier !== queryQualifier) {
    throw invalidParameter(
      'The derived qualifier from the function name does not match the specified qualifier.'
    )
  }
  const fn = ctx.state.lambda.functions.get(ref.arn)
  if (!fn) throw functionNotFound(ref.arn)
  return { fn, qualifier: ref.qualifier ?? queryQualifier ?? undefined }
}

/** The version a qualifier names: $LATEST (undefined), a published version, or an alias's. */
export function resolveQualifier(
  fn: LambdaFunction,
  qualifier: string | undefined
): PublishedVersion | undefined {
  if (qualifier === undefined || qualifier === '$LATEST') return undefined
  const alias = fn.aliases.get(qualifier)
  const version = alias ? alias.functionVersion : qualifier
  if (version === '$LATEST') return undefined
  const published = fn.versions.find(v => v.version === version)
  if (!published) throw functionNotFound(`${fn.arn}:${qualifier}`)
  return published
}

/** Writes are refused while the function is Pending or an update is InProgress. */
export function ensureWritable(ctx: EmulatorContext, fn: LambdaFunction): void {
  const now = ctx.now()
  if (now < fn.activeAt) {
    throw new ServiceError(
      409,
      'ResourceConflictException',
      'The operation cannot be performed at this time. The function is currently in the following state: Pending'
    )
  }
  if (now < fn.updateDoneAt) {
    throw new ServiceError(
      409,
      'ResourceConflictException',
      `The operation cannot be performed at this time. An update is in progress for resource: ${fn.arn}`
    )
  }
}

export function ensureRevision(expected: unknown, actual: string): void {
  if (expected !== undefined && expected !== actual) {
    throw new ServiceError(
      412,
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id'
    )
  }
}

function stateFields(ctx: EmulatorContext, fn: LambdaFunction): Record<string, string> {
  const now = ctx.now()
  if (now < fn.activeAt) {
    return {
      State: 'Pending',
      StateReason: 'The function is being created.',
      StateReasonCode: 'Creating'
    }
  }
  if (now < fn.updateDoneAt) {
    return {
      State: 'Active',
      LastUpdateStatus: 'InProgress',
      LastUpdateStatusReason: 'The function is being created.',
      LastUpdateStatusReasonCode: 'Creating'
    }
  }
  return { State: 'Active', LastUpdateStatus: 'Successful' }
}

function configuration(
  fn: LambdaFunction,
  settings: FunctionSettings,
  code: FunctionCode,
  fields: Record<string, unknown>
): Record<string, unknown> {
  return {
    FunctionName: fn.name,
    Runtime: settings.Runtime,
    Role: settings.Role,
    Handler: settings.Handler,
    CodeSize: code.size,
    Description: settings.Description,
    Timeout: settings.Timeout,
    MemorySize: settings.MemorySize,
    CodeSha256: code.sha256,
    Environment: settings.Environment,
    TracingConfig: { Mode: 'PassThrough' },
    PackageType: settings.PackageType,
    Architectures: settings.Architectures,
    EphemeralStorage: settings.EphemeralStorage,
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
    ...fields
  }
}

/** FunctionConfiguration of $LATEST, or of a published version. */
export function configurationJson(
  ctx: EmulatorContext,
  fn: LambdaFunction,
  version?: PublishedVersion
): Record<string, unknown> {
  if (!version) {
    return configuration(fn, fn.settings, fn.code, {
      FunctionArn: fn.arn,
      Version: '$LATEST',
      LastModified: fn.lastModified,
      RevisionId: fn.revisionId,
      ...stateFields(ctx, fn)
    })
  }
  return configuration(fn, version.settings, version.code, {
    FunctionArn: `${fn.arn}:${version.version}`,
    Version: version.version,
    Description: version.description,
    LastModified: version.lastModified,
    RevisionId: version.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful'
  })
}
