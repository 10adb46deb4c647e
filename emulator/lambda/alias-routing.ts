// A weighted alias: RoutingConfig.AdditionalVersionWeights sends a share of the alias's calls to
// one more version. Rules from "Implement Lambda canary deployments using a weighted alias"
// (https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html): "You can point an
// alias to a maximum of two Lambda function versions", both with "the same execution role" and
// "the same dead-letter queue configuration", "Both versions must be published. The alias cannot
// point to $LATEST." The map's own constraints (key pattern [0-9]+, value 0.0 to 1.0) are the
// API's: https://docs.aws.amazon.com/lambda/latest/api/API_AliasRoutingConfiguration.html
import { functionNotFound, invalidParameter, validationException } from './errors.js'
import type { Alias, LambdaFunction } from './state.js'

export type VersionWeights = Record<string, number>

const MEMBER = 'routingConfig.additionalVersionWeights'

/**
 * The request's RoutingConfig: undefined when the request leaves it out (UpdateAlias keeps the old
 * one), `{}` when it names no additional version (the alias goes back to one version).
 */
export function routingFrom(value: unknown): VersionWeights | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value))
    throw validationException('routingConfig', 'not an object', 'Member must be a structure')
  const weights = (value as Record<string, unknown>).AdditionalVersionWeights
  if (weights === undefined || weights === null) return {}
  if (typeof weights !== 'object' || Array.isArray(weights))
    throw validationException(MEMBER, 'not a map', 'Member must be a map')
  const shown = JSON.stringify(weights)
  const result: VersionWeights = {}
  for (const [version, weight] of Object.entries(weights as Record<string, unknown>)) {
    if (!/^[0-9]{1,1024}$/.test(version))
      throw validationException(
        MEMBER,
        shown,
        'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [0-9]+]'
      )
    if (typeof weight !== 'number' || !(weight >= 0 && weight <= 1))
      throw validationException(
        MEMBER,
        shown,
        'Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]'
      )
    result[version] = weight
  }
  return result
}

/** The documented rules for an alias on `primary` with `weights`; throws Lambda's error. */
export function checkRouting(fn: LambdaFunction, primary: string, weights: VersionWeights): void {
  const extra = Object.keys(weights)
  if (extra.length === 0) return
  if (extra.length > 1)
    throw invalidParameter(
      `Number of items in AdditionalVersionWeights cannot be greater than 1 (got ${extra.length})`
    )
  if (primary === '$LATEST')
    throw invalidParameter('$LATEST is not supported for an alias pointing to more than 1 version')
  const [other] = extra
  if (other === primary)
    throw invalidParameter(
      `Alias routing config cannot contain the alias's own version ${primary} (FunctionVersion)`
    )
  const first = fn.versions.find(v => v.version === primary)
  const second = fn.versions.find(v => v.version === other)
  if (!first) throw functionNotFound(`${fn.arn}:${primary}`)
  if (!second) throw functionNotFound(`${fn.arn}:${other}`)
  if (first.settings.Role !== second.settings.Role)
    throw invalidParameter(
      `Versions ${primary} and ${other} of an alias must have the same execution role`
    )
  const dlq = (v: typeof first) => v.settings.DeadLetterConfig?.TargetArn ?? ''
  if (dlq(first) !== dlq(second))
    throw invalidParameter(
      `Versions ${primary} and ${other} of an alias must have the same dead-letter queue configuration`
    )
}

/**
 * The version one call through the alias runs: the additional one with its weight's probability.
 * "Lambda uses a simple probabilistic model to distribute the traffic" (configuring-alias-routing).
 */
export function pickVersion(alias: Alias, random: () => number): string {
  for (const [version, weight] of Object.entries(alias.routing ?? {}))
    if (random() < weight) return version
  return alias.functionVersion
}

/** AliasConfiguration.RoutingConfig: left out when the alias points at one version. */
export function routingJson(alias: Alias): Record<string, unknown> {
  const weights = alias.routing ?? {}
  return Object.keys(weights).length
    ? { RoutingConfig: { AdditionalVersionWeights: { ...weights } } }
    : {}
}
