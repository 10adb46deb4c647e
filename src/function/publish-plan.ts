// Whether to publish a version and where the alias goes, decided from $LATEST and the versions
// Lambda already has. Pure. A version is published only when $LATEST changes, or when no published
// version matches $LATEST (its code and configuration); the alias moves only when it points elsewhere.
import type { AliasConfiguration } from '@aws-sdk/client-lambda'
import type { FunctionChange } from './changes.js'
import type { LiveConfiguration } from './read.js'
import type { DeploySettings } from './upload.js'

interface PublishFacts {
  /** The function's published versions (not $LATEST), in any order. */
  versions: LiveConfiguration[]
  /** The alias as GetAlias returns it; undefined when it does not exist (or none was named). */
  alias?: AliasConfiguration
}

/**
 * Whether to publish and where the alias goes: the version's change (a published version that
 * already matches $LATEST is reused) and the alias's; none without publish. `latest` is $LATEST
 * as it will be after the function changes; when `latestChanges` is true a new version is always
 * published.
 */
export function planPublish(input: {
  settings: DeploySettings
  latestChanges: boolean
  latest?: LiveConfiguration
  facts: PublishFacts
}): FunctionChange[] {
  const { settings, latestChanges, latest, facts } = input
  if (!settings.publish) return []
  const functionName = settings.functionName
  const aliasVersion = facts.alias?.FunctionVersion
  let reuse: string | undefined
  if (!latestChanges && latest) {
    const byNumber = new Map(facts.versions.map(v => [v.Version ?? '', v]))
    const newest = newestVersion(facts.versions)
    const candidates = [aliasVersion ? byNumber.get(aliasVersion) : undefined, newest]
    reuse = candidates.find(v => v && sameDeployment(v, latest))?.Version
  }
  const changes: FunctionChange[] = [
    reuse
      ? {
          functionName,
          kind: 'version',
          action: 'unchanged',
          version: reuse,
          codeSha256: latest?.CodeSha256
        }
      : {
          functionName,
          kind: 'version',
          action: 'create',
          because: latestChanges ? 'deployed' : 'no-match'
        }
  ]
  if (settings.alias) {
    const weight = weightOf(facts.alias)
    // A weight left by a shift that did not finish is resolved by this run's move: never kept.
    const action = !facts.alias
      ? 'create'
      : reuse !== undefined && aliasVersion === reuse && !weight
        ? 'unchanged'
        : 'update'
    changes.push({
      functionName,
      kind: 'alias',
      action,
      alias: settings.alias,
      from: aliasVersion,
      to: reuse,
      arn: facts.alias?.AliasArn,
      revisionId: facts.alias?.RevisionId,
      ...(weight ? { weight } : {})
    })
  }
  return changes
}

/** The additional version and its share, when the alias carries one (Lambda allows one at most). */
export function weightOf(
  alias: AliasConfiguration | undefined
): { version: string; weight: number } | undefined {
  const [entry] = Object.entries(alias?.RoutingConfig?.AdditionalVersionWeights ?? {})
  return entry && entry[1] > 0 ? { version: entry[0], weight: entry[1] } : undefined
}

/** The highest numbered published version. */
function newestVersion(versions: LiveConfiguration[]): LiveConfiguration | undefined {
  return versions
    .filter(v => /^\d+$/.test(v.Version ?? ''))
    .reduce<LiveConfiguration | undefined>(
      (best, v) => (best && Number(best.Version) >= Number(v.Version) ? best : v),
      undefined
    )
}

/**
 * Fields that describe one version rather than what it runs, left out when a published version is
 * compared with $LATEST. Description is the version's own (PublishVersion sets it); the runtime
 * version is Lambda's to roll out, not part of the deployment.
 */
const VERSION_FIELDS = new Set([
  'FunctionArn',
  'Version',
  'Description',
  'LastModified',
  'RevisionId',
  'State',
  'StateReason',
  'StateReasonCode',
  'LastUpdateStatus',
  'LastUpdateStatusReason',
  'LastUpdateStatusReasonCode',
  'RuntimeVersionConfig'
])

/**
 * Whether a published version runs what $LATEST runs: every field of the configuration except
 * VERSION_FIELDS, so that a setting changed outside this action (layers, VPC, storage, logging,
 * KMS key, or one Lambda adds later) is never missed. Empty and absent values are the same.
 */
export function sameDeployment(version: LiveConfiguration, latest: LiveConfiguration): boolean {
  return deploymentKey(version) === deploymentKey(latest)
}

function deploymentKey(configuration: LiveConfiguration): string {
  const fields: Record<string, unknown> = { PackageType: 'Zip', Architectures: ['x86_64'] }
  for (const [name, value] of Object.entries(configuration))
    // `$metadata` and the like: the SDK's, when the configuration is a whole command output.
    if (!VERSION_FIELDS.has(name) && !name.startsWith('$') && value !== undefined)
      fields[name] = value
  // SnapStart's OptimizationStatus is On only for a published version; ApplyOn is the setting.
  const snapStart = fields.SnapStart as { ApplyOn?: string } | undefined
  if (snapStart) fields.SnapStart = { ApplyOn: snapStart.ApplyOn }
  return JSON.stringify(canonical(fields)) ?? ''
}

/** Sorted keys; null, '', [] and {} dropped, so only meaning is compared. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.map(canonical) : undefined
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map(key => [key, canonical((value as Record<string, unknown>)[key])] as const)
      .filter(([, v]) => v !== undefined)
    return entries.length ? Object.fromEntries(entries) : undefined
  }
  return value === null || value === '' ? undefined : value
}
