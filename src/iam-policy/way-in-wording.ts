// How a way in reads: one line for the log, and a row for a Markdown table in the job summary.
// All the words about the trust analysis's findings live here.

import type { ExternalIdSituation, TargetDecision, WayIn } from './ways-in.js'
import type { PrincipalKind } from './principal-space.js'

const KINDS: Record<PrincipalKind, string> = {
  'account-root': "an account's root",
  role: 'a role',
  user: 'an IAM user',
  service: 'an AWS service',
  'web-identity': 'a web-identity (OIDC) provider',
  saml: 'a SAML provider',
  anonymous: 'an anonymous caller'
}

const EXTERNAL_IDS: Record<ExternalIdSituation, string> = {
  any: 'with any external ID or none',
  none: 'with no external ID',
  'this-org': "with this org's external ID",
  another: 'with another external ID',
  'not-applicable': ''
}

/** Who, in words: the principal as written and, when it differs, the kinds of caller. */
function wayInWho(way: WayIn): string {
  const example = way.examples[0]
  if (way.ibmOtherExternalId) return `IBM's API Connect role (${way.principal})`
  if (way.apiConnect) return `API Connect for this org (${way.principal})`
  const kinds = way.kinds.map(kind => KINDS[kind]).join(', ')
  const eg = example ? `, e.g. ${example}` : ''
  if (way.principal === '*' || way.principal.startsWith('everyone except')) {
    return `${kinds} (${way.principal}${eg})`
  }
  return example && example !== way.principal ? `${way.principal} (${kinds}${eg})` : way.principal
}

function wayInExternalId(way: WayIn): string {
  const base = EXTERNAL_IDS[way.externalId]
  const specific = way.externalId === 'another' && way.externalIds.length > 0
  return specific ? `${base} (${way.externalIds.map(id => `"${id}"`).join(', ')})` : base
}

/** One line for the log. */
export function describeWayIn(way: WayIn): string {
  const parts = [
    `statement "${way.statement}" lets ${wayInWho(way)} in through ${way.actions.join(', ')}`,
    wayInExternalId(way),
    way.condition ?? ''
  ].filter(Boolean)
  const declared = way.accepted
    ? ' (declared: accepted)'
    : way.apiConnect
      ? ' (API Connect for this org)'
      : ''
  return `${parts.join(' ')}${declared}`
}

export const WAY_IN_TABLE_HEADER = [
  'Statement',
  'Who',
  'Action',
  'External ID',
  'Condition',
  'Accepted'
]

/** One row of the job summary's table (the summary escapes the cells). */
export function wayInRow(way: WayIn): string[] {
  return [
    way.statement,
    wayInWho(way),
    way.actions.join(', '),
    wayInExternalId(way) || 'n/a',
    way.condition ?? 'always',
    way.accepted ? 'yes' : way.apiConnect ? 'API Connect (this org)' : 'no'
  ]
}

/** The target's decision in one line. */
export function describeTarget(target: TargetDecision): string {
  const words = { allowed: 'allowed', denied: 'denied', 'cannot-evaluate': 'cannot be evaluated' }
  return `IBM's principal with this org's external ID: ${words[target.decision]} (${target.reason})`
}
