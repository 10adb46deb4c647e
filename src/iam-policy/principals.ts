// The Principal and NotPrincipal elements of resource policies (a role's trust policy).
//
// A caller is seen as a chain of identities, each of which a policy entry can name: an assumed
// role session is its account, its role and the session itself. `Principal` matches when an
// entry names any link (an account entry trusts every principal of that account; a role entry
// also covers the role's sessions). `NotPrincipal` excludes the caller only when every link is
// named: IAM documents that it may check the account first, then the role, then the session, so
// an exclusion that names only some of them cannot be relied on and is reported as Unknown.

import { allOf, anyOf, isUnknown, not, type Tri, unknown, type Unknown } from './logic.js'
import type { RequestPrincipal } from './types.js'

export type Caller =
  { kind: 'anonymous' } | { kind: 'service' | 'federated'; name: string } | AwsCaller

interface AwsCaller {
  kind: 'aws'
  arn: string
  partition: string
  account: string
  type: 'root' | 'role' | 'session' | 'user' | 'other'
  /** For a role, and a session of a role. */
  roleName?: string
}

/** One link of the caller's identity chain. */
type Link =
  | { level: 'anonymous' }
  | { level: 'service' | 'federated'; name: string }
  | { level: 'account'; caller: AwsCaller }
  | { level: 'role'; caller: AwsCaller }
  /** A role given without its session: the session's name is not known. */
  | { level: 'any-session'; caller: AwsCaller }
  | { level: 'entity'; caller: AwsCaller }

type Entry =
  { kind: '*' } | { kind: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser'; value: string }

const ACCOUNT_ID = /^\d{12}$/
const ARN = /^arn:([^:]+):([^:]+):([^:]*):(\d{12}|):(.+)$/

/** The request's principal as the evaluator sees it; Unknown if it is not a usable principal. */
export function callerOf(principal: RequestPrincipal | undefined): Caller | Unknown {
  if (principal === undefined) return { kind: 'anonymous' }
  if ('Service' in principal) return { kind: 'service', name: principal.Service }
  if ('Federated' in principal) return { kind: 'federated', name: principal.Federated }
  const arn = ACCOUNT_ID.test(principal.AWS) ? `arn:aws:iam::${principal.AWS}:root` : principal.AWS
  return parseAwsArn(arn) ?? unknown(`request principal "${principal.AWS}" is not an AWS ARN`)
}

/**
 * Context keys that IAM sets for every request by an AWS principal. Only those the principal
 * fully determines: an assumed-role session's aws:PrincipalArn needs the role's path.
 */
export function callerContext(caller: Caller): Record<string, string> {
  if (caller.kind !== 'aws') return {}
  const context: Record<string, string> = { 'aws:PrincipalAccount': caller.account }
  if (caller.type !== 'session') context['aws:PrincipalArn'] = caller.arn
  return context
}

/** Whether a `Principal` element names the caller. */
export function principalMatches(element: unknown, caller: Caller): Tri {
  const entries = parseElement(element)
  if (isUnknown(entries)) return entries
  return anyOf(links(caller).map(link => anyOf(entries.map(entry => names(entry, link)))))
}

/** Whether a statement with this `NotPrincipal` element applies to the caller. */
export function notPrincipalMatches(element: unknown, caller: Caller): Tri {
  const entries = parseElement(element)
  if (isUnknown(entries)) return entries
  const named = links(caller).map(link => anyOf(entries.map(entry => names(entry, link))))
  const all = allOf(named)
  const none = allOf(named.map(not))
  if (all === true) return false
  if (none === true) return true
  if (isUnknown(all)) return all
  if (isUnknown(none)) return none
  return unknown(
    'NotPrincipal names only part of the caller (account, role, session): IAM may still apply it'
  )
}

/** The principals a Principal or NotPrincipal element names, as written, to show in a report. */
export function principalValues(element: unknown): string[] {
  const entries = parseElement(element)
  if (isUnknown(entries)) return []
  return entries.map(entry => (entry.kind === '*' ? '*' : entry.value))
}

function links(caller: Caller): Link[] {
  switch (caller.kind) {
    case 'anonymous':
      return [{ level: 'anonymous' }]
    case 'service':
    case 'federated':
      return [{ level: caller.kind, name: caller.name }]
    case 'aws': {
      const account: Link = { level: 'account', caller }
      if (caller.type === 'root') return [account]
      if (caller.type === 'role') {
        return [account, { level: 'role', caller }, { level: 'any-session', caller }]
      }
      if (caller.type === 'session') {
        return [account, { level: 'role', caller }, { level: 'entity', caller }]
      }
      return [account, { level: 'entity', caller }]
    }
  }
}

/** Whether one policy entry names one link of the caller's chain. */
function names(entry: Entry, link: Link): Tri {
  // "*" and {"AWS": "*"} are the same thing: everyone, anonymous callers included.
  if (entry.kind === '*' || (entry.kind === 'AWS' && entry.value === '*')) return true
  if (entry.kind === 'Service' || entry.kind === 'Federated') {
    return link.level === entry.kind.toLowerCase() && 'name' in link && link.name === entry.value
  }
  if (entry.kind !== 'AWS' || !('caller' in link)) return false

  const value = entry.value
  if (value.includes('*') || value.includes('?')) {
    return unknown(`Principal "${value}": IAM allows no wildcard in a principal ARN`)
  }
  const caller = link.caller
  const named = ACCOUNT_ID.test(value)
    ? parseAwsArn(`arn:aws:iam::${value}:root`)
    : parseAwsArn(value)
  if (!named) {
    // A unique ID (AIDA..., AROA...) is what IAM shows once the named principal was deleted.
    return /^A[A-Z0-9]{15,}$/.test(value) ? false : unknown(`Principal "${value}" is not an ARN`)
  }
  const sameAccount = named.partition === caller.partition && named.account === caller.account
  switch (link.level) {
    case 'account':
      return named.type === 'root' && sameAccount
    case 'role':
      return named.type === 'role' && sameAccount && sameName(named.roleName!, caller.roleName!)
    case 'any-session': {
      // Naming one session of the role: it depends on the session name, which is not known.
      if (named.type !== 'session' || !sameAccount) return false
      return sameName(named.roleName!, caller.roleName!) === false
        ? false
        : unknown(
            `Principal "${value}" names one session of the role; the session name is not known`
          )
    }
    case 'entity':
      return sameName(named.arn, caller.arn)
  }
}

/** IAM names are unique regardless of case, so a case-only difference cannot be decided here. */
function sameName(a: string, b: string): Tri {
  if (a === b) return true
  return a.toLowerCase() === b.toLowerCase()
    ? unknown(`"${a}" and "${b}" differ only in letter case`)
    : false
}

function parseAwsArn(arn: string): AwsCaller | undefined {
  const match = ARN.exec(arn)
  if (!match) return undefined
  const [, partition, service, , account, resource] = match as unknown as string[]
  if (!account) return undefined
  const base = { kind: 'aws' as const, arn, partition: partition!, account }
  if (service === 'iam' && resource === 'root') return { ...base, type: 'root' }
  if (service === 'iam' && resource!.startsWith('role/')) {
    return { ...base, type: 'role', roleName: resource!.split('/').at(-1)! }
  }
  if (service === 'iam' && resource!.startsWith('user/')) return { ...base, type: 'user' }
  const session = /^assumed-role\/([^/]+)\/[^/]+$/.exec(resource!)
  if (service === 'sts' && session) return { ...base, type: 'session', roleName: session[1]! }
  return { ...base, type: 'other' }
}

function parseElement(element: unknown): Entry[] | Unknown {
  if (element === '*') return [{ kind: '*' }]
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    return unknown(`Principal ${JSON.stringify(element)} is not "*" or an object`)
  }
  const entries: Entry[] = []
  for (const [kind, values] of Object.entries(element)) {
    if (kind !== 'AWS' && kind !== 'Service' && kind !== 'Federated' && kind !== 'CanonicalUser') {
      return unknown(`unknown principal type "${kind}"`)
    }
    for (const value of Array.isArray(values) ? values : [values]) {
      if (typeof value !== 'string') return unknown(`Principal ${kind} value is not a string`)
      entries.push({ kind, value })
    }
  }
  return entries
}
