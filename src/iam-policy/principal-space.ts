// The callers worth trying against a trust policy: one of every kind the policy could tell apart.
//
// AWS principals (account roots, IAM users, role sessions) are told apart only by what the policy
// compares their ARN with — Principal entries (an account entry covers every principal of the
// account; a role entry covers its sessions), and aws:PrincipalArn / aws:PrincipalAccount
// conditions — so the principal ARN is searched like any string key (string-witnesses.ts), with
// the shapes of principal ARNs as a constraint, plus the names the report needs told apart (IBM's
// role, IBM's account, the role's own account). That yields a fresh account's root, role and
// user, a fresh role in IBM's account, the own account's root and roles, every principal named,
// and every principal an ARN pattern lets in. A role calls through a session: each role is tried
// with a fresh session name and with every session name the policy names for it.
// Services, web-identity and SAML providers are tried as named, plus a fresh one of each, and an
// anonymous caller. Each kind calls only the AssumeRole action it can (AssumeRoleWithWebIdentity
// for OpenID Connect providers, AssumeRoleWithSAML for SAML providers).

import { freshName, policyStrings } from './fresh-names.js'
import {
  arnTokens,
  type Comparison,
  type Glob,
  globTokens,
  stringWitnesses
} from './string-witnesses.js'
import type { KeyUse } from './request-space.js'
import type { RequestPrincipal } from './types.js'

export const ASSUME_ROLE = 'sts:AssumeRole'
export const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity'
export const SAML = 'sts:AssumeRoleWithSAML'

export type PrincipalKind =
  'account-root' | 'role' | 'user' | 'service' | 'web-identity' | 'saml' | 'anonymous'

export interface Candidate {
  kind: PrincipalKind
  /** As the evaluator takes it; undefined for an anonymous caller. */
  principal: RequestPrincipal | undefined
  /** The caller, as a report names it (a role session is named by its role). */
  name: string
  account?: string
  actions: readonly string[]
  /** Keys IAM sets for this caller (folded to lower case); undefined: IAM leaves the key out. */
  fixed: Record<string, string | undefined>
  /** A session of the role the trust check is about (IBM's regional role). */
  target: boolean
}

interface PrincipalSpaceInput {
  statements: readonly Record<string, unknown>[]
  partition: string
  ownAccount: string
  targetArn: string
  keys: ReadonlyMap<string, KeyUse>
  budget: number
}

const DIGITS12: Glob[] = Array.from({ length: 12 }, () => ({ digit: true }))
const SESSION = 'apic-lambda-deploy-analysis'
/**
 * Keys IAM documents for IBM's own direct sts:AssumeRole call, a role session signing its own
 * request (AWS global condition context keys,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
 * aws:PrincipalIsAWSService is false unless a service principal calls; aws:ViaAWSService is false
 * unless a service calls with the principal's credentials (forward access sessions);
 * aws:PrincipalServiceName is present only for a service principal; aws:username only for an IAM
 * user; aws:SourceAccount and aws:SourceArn only when a service calls on behalf of a resource.
 */
const TARGET_KEYS: Record<string, string | undefined> = {
  'aws:principalisawsservice': 'false',
  'aws:viaawsservice': 'false',
  'aws:principalservicename': undefined,
  'aws:username': undefined,
  'aws:sourceaccount': undefined,
  'aws:sourcearn': undefined
}
/** Providers whose tokens AWS accepts without an IAM provider resource (web identity). */
const WELL_KNOWN_OIDC = [
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com'
]

export function principalSpace(input: PrincipalSpaceInput): Candidate[] | { undecided: string } {
  const aws = awsCandidates(input)
  if ('undecided' in aws) return aws
  const { services, providers } = namedOthers(input.statements)
  const ownProvider = (type: string, name: string) =>
    `arn:${input.partition}:iam::${input.ownAccount}:${type}/${name}`
  // Fresh for this policy: a constant name would let a policy that names it hide the others.
  const strings = policyStrings(input.statements)
  const others: Candidate[] = [
    ...[...services, freshName('fresh-service', strings, '.amazonaws.com')].map(
      (name): Candidate => ({
        kind: 'service',
        principal: { Service: name },
        name,
        actions: [ASSUME_ROLE],
        fixed: {},
        target: false
      })
    ),
    ...[
      ...providers,
      ownProvider('oidc-provider', freshName('fresh-oidc', strings, '.example.com')),
      ownProvider('saml-provider', freshName('fresh-saml', strings))
    ].map(federated),
    {
      kind: 'anonymous',
      principal: undefined,
      name: 'an anonymous caller',
      actions: [ASSUME_ROLE, WEB_IDENTITY, SAML],
      // IAM leaves the principal's keys out of an anonymous request.
      fixed: {
        'aws:principalarn': undefined,
        'aws:principalaccount': undefined,
        'aws:principaltype': 'Anonymous'
      },
      target: false
    }
  ]
  return [...aws, ...others]
}

function federated(name: string): Candidate {
  const saml = /:saml-provider\//.test(name)
  const oidc = /:oidc-provider\//.test(name) || WELL_KNOWN_OIDC.includes(name)
  return {
    kind: saml ? 'saml' : 'web-identity',
    principal: { Federated: name },
    name,
    // A provider of a form the analysis does not know is tried with both federation actions.
    actions: saml ? [SAML] : oidc ? [WEB_IDENTITY] : [WEB_IDENTITY, SAML],
    fixed: {},
    target: false
  }
}

function namedOthers(statements: readonly Record<string, unknown>[]) {
  const services = new Set<string>()
  const providers = new Set<string>()
  for (const statement of statements) {
    for (const element of [statement.Principal, statement.NotPrincipal]) {
      if (typeof element !== 'object' || element === null) continue
      const entries = element as Record<string, unknown>
      for (const s of [entries.Service ?? []].flat()) if (typeof s === 'string') services.add(s)
      for (const f of [entries.Federated ?? []].flat()) if (typeof f === 'string') providers.add(f)
    }
  }
  return { services, providers }
}

/** The AWS entries (ARNs and account IDs) of every Principal and NotPrincipal element. */
function awsEntries(statements: readonly Record<string, unknown>[]): string[] {
  return statements.flatMap(statement =>
    [statement.Principal, statement.NotPrincipal].flatMap(element =>
      typeof element === 'object' && element !== null
        ? [(element as Record<string, unknown>).AWS ?? []].flat().filter(e => typeof e === 'string')
        : []
    )
  ) as string[]
}

function awsCandidates(input: PrincipalSpaceInput): Candidate[] | { undecided: string } {
  const { partition, ownAccount, targetArn } = input
  const lit = (text: string) => globTokens(text, { wildcards: false })
  const star: Glob = { any: '*' }
  // Every principal ARN tried starts `arn:<partition>:iam::` (the shapes below require it), so
  // "in account A" is that prefix, A, and anything after.
  const arnOfAccount = (account: Glob[]): Glob[] => [
    ...lit(`arn:${partition}:iam::`),
    ...account,
    ...lit(':'),
    star
  ]
  // IAM names (and paths) have no colons.
  const name: Glob = { any: '?', noColon: true }
  const nameRest: Glob = { any: '*', noColon: true }
  const shapes: Comparison[] = [
    { tokens: [...lit(`arn:${partition}:iam::`), ...DIGITS12, ...lit(':root')] },
    {
      tokens: [...lit(`arn:${partition}:iam::`), ...DIGITS12, ...lit(':role/'), name, nameRest]
    },
    {
      tokens: [...lit(`arn:${partition}:iam::`), ...DIGITS12, ...lit(':user/'), name, nameRest]
    }
  ]
  const comparisons: Comparison[] = [
    ...shapes,
    { tokens: lit(targetArn) },
    { tokens: arnOfAccount(lit(ownAccount)) },
    { tokens: arnOfAccount(lit(targetArn.split(':')[4] ?? '')) }
  ]
  const sessions = new Map<string, Set<string>>()
  for (const entry of awsEntries(input.statements)) {
    if (/^\d{12}$/.test(entry)) {
      comparisons.push({ tokens: arnOfAccount(lit(entry)) })
      continue
    }
    const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(entry)
    if (session) {
      const role = `arn:${session[1]}:iam::${session[2]}:role/${session[3]}`
      comparisons.push({ tokens: lit(role) })
      sessions.set(role, (sessions.get(role) ?? new Set()).add(session[4]!))
    } else if (entry.endsWith(':root')) {
      comparisons.push({ tokens: arnOfAccount(lit(entry.split(':')[4] ?? '')) })
    } else if (entry !== '*') {
      comparisons.push({ tokens: lit(entry) })
    }
  }
  for (const [folded, lifted] of [
    ['aws:principalarn', false],
    ['aws:principalaccount', true]
  ] as const) {
    for (const { base, values } of input.keys.get(folded)?.uses ?? []) {
      if (!/^(String|Arn)/.test(base)) continue
      for (const value of values) {
        const noColon = lifted
        const tokens = base.startsWith('Arn')
          ? arnTokens(value)
          : globTokens(value, {
              wildcards: base.includes('Like'),
              ignoreCase: base.includes('IgnoreCase'),
              noColon
            })
        comparisons.push({ tokens: lifted ? arnOfAccount(tokens) : tokens })
      }
    }
  }
  const result = stringWitnesses(comparisons, { required: [0, 1, 2], budget: input.budget })
  if ('exceeded' in result) return { undecided: `principal ARNs: ${result.exceeded}` }
  const session = freshName(SESSION, policyStrings(input.statements))
  return result.witnesses.flatMap(({ value: arn, matches }) => {
    // IAM role names are unique regardless of case: a role of IBM's account named like IBM's
    // role, in another case or under another path, is IBM's role itself or does not exist.
    if (arn !== targetArn && sameRoleName(arn, targetArn)) return []
    const account = arn.split(':')[4]!
    const type = matches[0] ? 'Account' : matches[1] ? 'AssumedRole' : 'User'
    const fixed = {
      'aws:principalarn': arn,
      'aws:principalaccount': account,
      'aws:principaltype': type
    }
    if (type !== 'AssumedRole') {
      const kind = type === 'Account' ? 'account-root' : 'user'
      return [
        {
          kind,
          principal: { AWS: arn },
          name: arn,
          account,
          actions: [ASSUME_ROLE],
          fixed,
          target: false
        }
      ]
    }
    // aws:PrincipalArn of a role session is its role's ARN (global condition keys, AWS docs).
    const name = arn.split('/').at(-1)!
    const target = arn === targetArn
    return [session, ...(sessions.get(arn) ?? [])].map((session): Candidate => ({
      kind: 'role',
      principal: { AWS: `arn:${partition}:sts::${account}:assumed-role/${name}/${session}` },
      name: arn,
      account,
      actions: [ASSUME_ROLE],
      fixed: target ? { ...fixed, ...TARGET_KEYS } : fixed,
      target
    }))
  })
}

/** Two role ARNs of one account whose role names differ at most in letter case. */
function sameRoleName(a: string, b: string): boolean {
  const role = (arn: string) => /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn)
  const [x, y] = [role(a), role(b)]
  return !!x && !!y && x[1] === y[1] && x[2]!.toLowerCase() === y[2]!.toLowerCase()
}
