// Functions, versions and aliases as Lambda's API shows them (FunctionConfiguration, AliasConfiguration).
import type { EmulatorContext } from '../core/context.js'
import { routingJson } from './alias-routing.js'
import { moreSettingsJson } from './more-settings.js'
import type { Alias, FunctionSettings, LambdaFunction, PublishedVersion } from './state.js'

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
  code: LambdaFunction['code'],
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
    PackageType: settings.PackageType,
    Architectures: settings.Architectures,
    EphemeralStorage: settings.EphemeralStorage,
    ...moreSettingsJson(fn.name, settings),
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

export function aliasJson(fn: LambdaFunction, alias: Alias): Record<string, unknown> {
  return {
    AliasArn: `${fn.arn}:${alias.name}`,
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    RevisionId: alias.revisionId,
    ...routingJson(alias)
  }
}

/** GetFunction's `Code`: the image, or where the zip can be downloaded (the admin surface). */
export function codeLocation(
  ctx: EmulatorContext,
  fn: LambdaFunction,
  version: PublishedVersion | undefined
): Record<string, string> {
  const code = version ? version.code : fn.code
  if (code.imageUri)
    return { RepositoryType: 'ECR', ImageUri: code.imageUri, ResolvedImageUri: code.imageUri }
  const query = version ? `?version=${version.version}` : ''
  return {
    RepositoryType: 'S3',
    Location: `${ctx.url}/_emulator/code/${encodeURIComponent(fn.arn)}${query}`
  }
}
