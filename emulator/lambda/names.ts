// Which function (and version) a request names: Lambda's name forms, qualifiers and aliases.
// `region` is the request's (from its SigV4 scope), used when the name is not an ARN.
import type { EmulatorContext } from '../core/context.js'
import { functionNotFound, invalidParameter, validationException } from './errors.js'
import type { LambdaFunction, PublishedVersion } from './state.js'

export interface FunctionRef {
  /** The unqualified ARN: the function's key in the emulator's state. */
  arn: string
  name: string
  qualifier?: string
}

/** A function name as Lambda accepts it: `name`, `ACCOUNT:function:name` or a full ARN, each
 *  optionally with `:qualifier`. */
export function parseFunctionName(ctx: EmulatorContext, region: string, raw: string): FunctionRef {
  const parts = raw.split(':')
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
  region: string,
  raw: string,
  queryQualifier?: string | null
): { fn: LambdaFunction; qualifier?: string } {
  const ref = parseFunctionName(ctx, region, raw)
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
