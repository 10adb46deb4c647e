// Which of the configuration inputs the user named differ from the live function: only those are
// written (an input left out never resets anything; `environment`, when given, replaces the
// variables with exactly that map, or with `environment-mode: merge` adds and updates only the
// named ones). The other settings are compared in more-settings.ts. Pure.
import type { MoreSettings } from '../inputs/settings.js'
import type { FieldChange } from './changes.js'
import { moreSettingsUpdate, namedSettings } from './more-settings.js'
import type { LiveConfiguration } from './read.js'
import type { DeploySettings } from './upload.js'

/** UpdateFunctionConfiguration's fields, only those that change. */
export type ConfigurationUpdate = Pick<
  LiveConfiguration,
  'Runtime' | 'Handler' | 'Role' | 'MemorySize' | 'Timeout' | 'Description'
> & { Environment?: { Variables: Record<string, string> } } & MoreSettings

/** The named configuration inputs whose values differ from the live function, as SDK fields. */
export function configurationUpdate(
  settings: DeploySettings,
  current: LiveConfiguration
): ConfigurationUpdate | undefined {
  const want = settings.config
  const update: ConfigurationUpdate = {}
  if (want.runtime !== undefined && want.runtime !== current.Runtime) update.Runtime = want.runtime
  if (want.handler !== undefined && want.handler !== current.Handler) update.Handler = want.handler
  if (want.role !== undefined && want.role !== current.Role) update.Role = want.role
  if (want.memorySize !== undefined && want.memorySize !== current.MemorySize)
    update.MemorySize = want.memorySize
  if (want.timeout !== undefined && want.timeout !== current.Timeout) update.Timeout = want.timeout
  if (want.description !== undefined && want.description !== (current.Description ?? ''))
    update.Description = want.description
  const liveVariables = current.Environment?.Variables ?? {}
  const variables =
    want.environment && want.environmentMode === 'merge'
      ? { ...liveVariables, ...want.environment }
      : want.environment
  if (variables !== undefined && !sameMap(variables, liveVariables))
    update.Environment = { Variables: variables }
  Object.assign(update, moreSettingsUpdate(want.more, current).update)
  return Object.keys(update).length ? update : undefined
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length && keys.every(k => Object.hasOwn(b, k) && a[k] === b[k])
  )
}

/** The named configuration changes, field by field, as the report shows them. */
export function fieldChanges(
  update: ConfigurationUpdate,
  current: LiveConfiguration
): FieldChange[] {
  const fields: FieldChange[] = []
  const scalars = [
    ['runtime', current.Runtime, update.Runtime],
    ['handler', current.Handler, update.Handler],
    ['execution-role-arn', current.Role, update.Role],
    ['memory-size', current.MemorySize, update.MemorySize],
    ['timeout', current.Timeout, update.Timeout]
  ] as const
  for (const [input, from, to] of scalars) if (to !== undefined) fields.push({ input, from, to })
  if (update.Description !== undefined) fields.push({ input: 'description' })
  if (update.Environment)
    fields.push({
      input: 'environment',
      ...environmentChange(current.Environment?.Variables ?? {}, update.Environment.Variables)
    })
  fields.push(...moreSettingsUpdate(update, current).fields)
  return fields
}

/** Names only: values may be secrets. */
export function environmentChange(
  from: Record<string, string>,
  to: Record<string, string>
): { added: string[]; changed: string[]; removed: string[] } {
  return {
    added: Object.keys(to)
      .filter(k => !Object.hasOwn(from, k))
      .sort(),
    changed: Object.keys(to)
      .filter(k => Object.hasOwn(from, k) && from[k] !== to[k])
      .sort(),
    removed: Object.keys(from)
      .filter(k => !Object.hasOwn(to, k))
      .sort()
  }
}

/** The configuration inputs the user named, by input name. */
export function namedConfig(settings: DeploySettings): string[] {
  const c = settings.config
  const names: [string, unknown][] = [
    ['runtime', c.runtime],
    ['handler', c.handler],
    ['execution-role-arn', c.role],
    ['architectures', c.architectures],
    ['memory-size', c.memorySize],
    ['timeout', c.timeout],
    ['description', c.description],
    ['environment', c.environment],
    ['code-signing-config-arn', c.codeSigningConfigArn]
  ]
  return [
    ...names.filter(([, value]) => value !== undefined).map(([name]) => name),
    ...namedSettings(c.more)
  ]
}
