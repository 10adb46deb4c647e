// Deterministic generator of trust policies for the differential test of the trust analysis
// (src/iam-policy/who-can-assume.ts), and the brute-force request universe it is checked
// against: every kind of principal (IBM's role and its neighbours, account roots, roles, users,
// services, web-identity and SAML providers, anonymous), the sts actions with wildcards and
// NotAction, external-ID conditions with every string operator, lists, IfExists,
// ForAnyValue/ForAllValues, Null, and Denys on time, transport, principal type and unknown keys.
//
// Each case records its quirks: constructs where the analysis knowingly refuses to answer.
// It leaves out the constructs iam-simulate is known to get wrong: 0.0.0.0/0 and addresses
// without a prefix, and ForAnyValue:...IfExists on a missing key (see
// evaluate.differential.test.ts); and a web-identity provider named by a domain outside AWS
// (accounts.google.com), which it denies even against Principal "*" — cognito-identity.amazonaws.com
// stands for the providers named without an ARN.

import type {
  ConditionBlock,
  ContextValue,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  RequestPrincipal
} from '../src/iam-policy/evaluate.js'
import { Choices, OPERATORS, prng } from './policy-generator.js'

export const IBM_ACCOUNT = '623947394061'
export const TARGET_ROLE = `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-us-east-a`
const OTHER_REGION = `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-eu-west-a`
export const OWN_ACCOUNT = '444455556666'
export const OWN_ROLE = `arn:aws:iam::${OWN_ACCOUNT}:role/apic-invoke`
const OTHER = '111122223333'
export const ORG_ID = 'ac51909e-1234-4abc-8def-0123456789ab'
const PREVIOUS_ORG = '5f3c9a21-e4b0-41b2-8c3d-4e5f60718293'
const GITHUB = `arn:aws:iam::${OWN_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`
const OKTA = `arn:aws:iam::${OWN_ACCOUNT}:saml-provider/okta`
/** 2026-06-15T12:00:00Z: the analysis's and the brute force's "now". */
export const NOW = new Date('2026-06-15T12:00:00Z')

/** The statement the action writes: IBM's regional role, with this org's ID as external ID. */
export const API_CONNECT: PolicyStatement = {
  Sid: 'ApiConnect',
  Effect: 'Allow',
  Principal: { AWS: TARGET_ROLE },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': ORG_ID } }
}

export type TrustQuirk = 'unknown-operator' | 'partial-not-principal'

export interface TrustPolicyCase {
  id: number
  policy: PolicyDocument
  quirks: Set<TrustQuirk>
  features: Set<string>
}

/** A caller of the brute-force universe, with the keys IAM sets for it. */
export interface BruteCaller {
  name: string
  kind: 'account-root' | 'role' | 'user' | 'service' | 'web-identity' | 'saml' | 'anonymous'
  principal: RequestPrincipal | undefined
  actions: string[]
  context: Record<string, string>
  /** Keys IAM documents as absent from this caller's request. */
  absent?: string[]
  target?: boolean
}

const session = (account: string, role: string): BruteCaller => ({
  name: `arn:aws:iam::${account}:role/${role}`,
  kind: 'role',
  principal: { AWS: `arn:aws:sts::${account}:assumed-role/${role}/s1` },
  actions: ['sts:AssumeRole'],
  context: aws(`arn:aws:iam::${account}:role/${role}`, account, 'AssumedRole')
})
const entity = (arn: string, kind: 'account-root' | 'user'): BruteCaller => ({
  name: arn,
  kind,
  principal: { AWS: arn },
  actions: ['sts:AssumeRole'],
  context: aws(arn, arn.split(':')[4]!, kind === 'user' ? 'User' : 'Account')
})
function aws(arn: string, account: string, type: string): Record<string, string> {
  return { 'aws:PrincipalArn': arn, 'aws:PrincipalAccount': account, 'aws:PrincipalType': type }
}
const federated = (name: string, kind: 'web-identity' | 'saml'): BruteCaller => ({
  name,
  kind,
  principal: { Federated: name },
  actions: [kind === 'saml' ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity'],
  context: {}
})
const service = (name: string): BruteCaller => ({
  name,
  kind: 'service',
  principal: { Service: name },
  actions: ['sts:AssumeRole'],
  context: {}
})

/**
 * IBM's direct sts:AssumeRole, as the global condition keys reference documents a role session's
 * own signed request: not a service, not through one, no user name, no source resource.
 */
export const IBM_CALL = {
  context: { 'aws:PrincipalIsAWSService': 'false', 'aws:ViaAWSService': 'false' },
  absent: ['aws:PrincipalServiceName', 'aws:username', 'aws:SourceAccount', 'aws:SourceArn']
}

/** The names the analysis invents (src/iam-policy/principal-space.ts), as policies may name them. */
export const INVENTED = {
  session: 'apic-lambda-deploy-analysis',
  service: 'fresh-service.amazonaws.com',
  oidc: `arn:aws:iam::${OWN_ACCOUNT}:oidc-provider/fresh-oidc.example.com`,
  saml: `arn:aws:iam::${OWN_ACCOUNT}:saml-provider/fresh-saml`
}

export const BRUTE_CALLERS: BruteCaller[] = [
  {
    ...session(IBM_ACCOUNT, 'ibm-apiconnect-us-east-a'),
    context: { ...session(IBM_ACCOUNT, 'ibm-apiconnect-us-east-a').context, ...IBM_CALL.context },
    absent: IBM_CALL.absent,
    target: true
  },
  session(IBM_ACCOUNT, 'ibm-apiconnect-eu-west-a'),
  session(IBM_ACCOUNT, 'other-team'),
  entity(`arn:aws:iam::${IBM_ACCOUNT}:root`, 'account-root'),
  entity(`arn:aws:iam::${OWN_ACCOUNT}:root`, 'account-root'),
  session(OWN_ACCOUNT, 'admin'),
  entity(`arn:aws:iam::${OWN_ACCOUNT}:user/ops`, 'user'),
  session(OTHER, 'deployer'),
  entity(`arn:aws:iam::${OTHER}:user/alice`, 'user'),
  entity(`arn:aws:iam::${OTHER}:root`, 'account-root'),
  session('999988887777', 'ibm-apiconnect-us-east-a'),
  service('lambda.amazonaws.com'),
  service('ec2.amazonaws.com'),
  service('glue.amazonaws.com'),
  federated(GITHUB, 'web-identity'),
  federated('cognito-identity.amazonaws.com', 'web-identity'),
  federated(OKTA, 'saml'),
  {
    name: 'anonymous',
    kind: 'anonymous',
    principal: undefined,
    actions: ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'],
    context: { 'aws:PrincipalType': 'Anonymous' }
  }
]

/** Keys IAM sets on every request (the analysis fixes them the same way). */
export const ALWAYS: Record<string, string> = {
  'aws:CurrentTime': NOW.toISOString(),
  'aws:EpochTime': String(NOW.getTime() / 1000),
  'aws:SecureTransport': 'true'
}

/** Values the brute force tries for each key the runner cannot know (undefined: absent). */
export const UNKNOWN_VALUES: Record<string, (ContextValue | undefined)[]> = {
  'sts:ExternalId': [undefined, ORG_ID, PREVIOUS_ORG, 'ac51909e-0000', ORG_ID.toUpperCase(), 'x'],
  'aws:SourceIp': [undefined, '10.1.2.3', '203.0.113.7', '2001:db8::5', '198.51.100.1'],
  'aws:PrincipalOrgID': [undefined, 'o-abc123', 'o-zzz'],
  'token.actions.githubusercontent.com:sub': [undefined, 'repo:me/app:ref:main', 'repo:evil/x'],
  'token.actions.githubusercontent.com:aud': [undefined, 'sts.amazonaws.com'],
  'aws:MultiFactorAuthPresent': [undefined, 'true', 'false'],
  'aws:TagKeys': [undefined, [], ['team'], ['team', 'cost']],
  'aws:PrincipalIsAWSService': [undefined, 'true', 'false'],
  'aws:ViaAWSService': [undefined, 'true', 'false'],
  'aws:PrincipalServiceName': [undefined, 'lambda.amazonaws.com'],
  'aws:username': [undefined, 'alice'],
  'aws:SourceAccount': [undefined, OWN_ACCOUNT],
  'aws:SourceArn': [undefined, 'arn:aws:s3:::bucket']
}

// --- the generator ------------------------------------------------------------------------------

export function generateTrustPolicies(seed: number, count: number): TrustPolicyCase[] {
  const random = prng(seed)
  return Array.from({ length: count }, (_, id) => new Builder(id, random).build())
}

const PRINCIPALS: (PolicyPrincipal | 'ibm')[] = [
  'ibm',
  'ibm',
  'ibm',
  { AWS: [TARGET_ROLE, `arn:aws:iam::${OTHER}:role/deployer`] },
  { AWS: IBM_ACCOUNT },
  { AWS: `arn:aws:iam::${IBM_ACCOUNT}:root` },
  { AWS: OTHER_REGION },
  { AWS: OTHER },
  { AWS: `arn:aws:iam::${OTHER}:role/deployer` },
  { AWS: `arn:aws:iam::${OTHER}:user/alice` },
  { AWS: `arn:aws:iam::${OWN_ACCOUNT}:root` },
  '*',
  { AWS: '*' },
  { Service: 'lambda.amazonaws.com' },
  { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] },
  { Federated: GITHUB },
  { Federated: OKTA },
  { Federated: 'cognito-identity.amazonaws.com' }
]

const assumed = (account: string, role: string) =>
  `arn:aws:sts::${account}:assumed-role/${role}/${INVENTED.session}`
/** Principals that name what the analysis invents: a Deny on them must hide nobody else. */
const NAMING_INVENTED: PolicyPrincipal[] = [
  { AWS: assumed(OWN_ACCOUNT, 'admin') },
  { AWS: assumed(IBM_ACCOUNT, 'ibm-apiconnect-us-east-a') },
  { AWS: assumed(OTHER, 'deployer') },
  { Service: INVENTED.service },
  { Federated: INVENTED.oidc },
  { Federated: INVENTED.saml }
]

/** aws:PrincipalArn conditions that pin "*" to IBM's role, in every documented form. */
const PINS: [string, string][] = [
  ['StringEquals', TARGET_ROLE],
  ['StringEqualsIgnoreCase', TARGET_ROLE.replace('role/ibm', 'role/IBM')],
  ['ArnLike', TARGET_ROLE.replace('arn:aws:', 'arn:*:')],
  ['ArnEquals', TARGET_ROLE]
]

/** Clauses on keys IAM documents for IBM's call, with the value IBM's call has. */
export const DOCUMENTED: [string, string, string][] = [
  ['Bool', 'aws:PrincipalIsAWSService', 'false'],
  ['Bool', 'aws:ViaAWSService', 'false'],
  ['Null', 'aws:PrincipalServiceName', 'true'],
  ['Null', 'aws:username', 'true'],
  ['Null', 'aws:SourceAccount', 'true'],
  ['Null', 'aws:SourceArn', 'true']
]

const ACTIONS = [
  'sts:AssumeRole',
  'sts:AssumeRole',
  'sts:*',
  'sts:Assume*',
  '*',
  'sts:AssumeRoleWith*',
  'sts:AssumeRoleWithWebIdentity',
  'sts:AssumeRoleWithSAML',
  ['sts:AssumeRole', 'sts:TagSession'],
  'STS:assumerole'
]
const NOT_ACTIONS = ['s3:*', 'sts:TagSession', 'sts:AssumeRoleWithSAML', 'sts:AssumeRole']

const EXTERNAL_ID_VALUES = [
  ORG_ID,
  ORG_ID,
  PREVIOUS_ORG,
  'ac51909e-*',
  'ac51909e-????-*',
  ORG_ID.toUpperCase(),
  '*',
  '?',
  'x'
]

const PAST = '2020-01-01T00:00:00Z'
const FUTURE = '2099-01-01T00:00:00Z'

class Builder extends Choices {
  private readonly quirks = new Set<TrustQuirk>()
  private readonly features = new Set<string>()

  constructor(
    private readonly id: number,
    random: () => number
  ) {
    super(random)
  }

  build(): TrustPolicyCase {
    const statements: PolicyStatement[] = []
    if (this.chance(0.08)) statements.push(...this.hiding())
    if (this.chance(0.08)) statements.push(this.pinned())
    else if (this.chance(0.5)) statements.push(this.apiConnect())
    const extra = this.int(statements.length ? 0 : 1, 2)
    for (let i = 0; i < extra; i++) statements.push(this.statement())
    const policy = { Version: '2012-10-17', Statement: statements }
    return { id: this.id, policy, quirks: this.quirks, features: this.features }
  }

  /** The statement the action writes, sometimes with a harmless extra condition. */
  private apiConnect(): PolicyStatement {
    const condition: ConditionBlock = { ...API_CONNECT.Condition }
    if (this.chance(0.3)) Object.assign(condition, this.clause())
    if (this.chance(0.2)) merge(condition, this.documented())
    const sid = this.chance(0.5) ? API_CONNECT.Sid : undefined
    return { ...API_CONNECT, Sid: sid, Condition: condition }
  }

  /**
   * A role let in, and a Deny on its session of the name the analysis invents: a constant name
   * would hide every other session (for IBM's role: with another org's external ID).
   */
  private hiding(): PolicyStatement[] {
    this.features.add('names-invented')
    const [account, role] = this.pick([
      [OTHER, 'deployer'],
      [OWN_ACCOUNT, 'admin'],
      [IBM_ACCOUNT, 'ibm-apiconnect-us-east-a']
    ] as const)
    const ibm = role.startsWith('ibm')
    const allow: PolicyStatement = {
      Effect: 'Allow',
      Principal: { AWS: ibm ? TARGET_ROLE : `arn:aws:iam::${account}:role/${role}` },
      Action: 'sts:AssumeRole'
    }
    const deny: PolicyStatement = {
      Effect: 'Deny',
      Principal: { AWS: assumed(account, role) },
      Action: 'sts:AssumeRole',
      ...(ibm ? { Condition: { StringNotEquals: { 'sts:ExternalId': ORG_ID } } } : {})
    }
    return [allow, deny]
  }

  /** "*" with this org's ID, pinned to IBM's role by aws:PrincipalArn (or denied unless it). */
  private pinned(): PolicyStatement {
    const [op, arn] = this.pick(PINS)
    this.features.add(`pinned:${op}`)
    return {
      Sid: 'Pinned',
      Effect: 'Allow',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': ORG_ID }, [op]: { 'aws:PrincipalArn': arn } }
    }
  }

  private documented(): ConditionBlock {
    const [op, key, value] = this.pick(DOCUMENTED)
    this.features.add(`documented:${key}`)
    return this.one(op, key, this.chance(0.8) ? value : value === 'true' ? 'false' : 'true')
  }

  private statement(): PolicyStatement {
    const effect = this.chance(0.68) ? 'Allow' : 'Deny'
    this.features.add(`effect:${effect}`)
    const statement: PolicyStatement = { Effect: effect }
    if (this.chance(0.4)) statement.Sid = `S${this.int(1, 99)}`
    const principal = this.chance(effect === 'Deny' ? 0.3 : 0.04)
      ? this.pick(NAMING_INVENTED)
      : this.pick(PRINCIPALS)
    if (NAMING_INVENTED.includes(principal as PolicyPrincipal)) this.features.add('names-invented')
    const resolved: PolicyPrincipal = principal === 'ibm' ? { AWS: TARGET_ROLE } : principal
    if (this.chance(effect === 'Deny' ? 0.25 : 0.05)) {
      statement.NotPrincipal = resolved === '*' ? { AWS: TARGET_ROLE } : resolved
      this.features.add('NotPrincipal')
      // NotPrincipal naming only the role or only an account names part of a session's chain.
      this.quirks.add('partial-not-principal')
    } else {
      statement.Principal = resolved
      this.features.add(
        `principal:${typeof resolved === 'string' ? '*' : Object.keys(resolved)[0]}`
      )
    }
    if (this.chance(0.12)) {
      statement.NotAction = this.pick(NOT_ACTIONS)
      this.features.add('NotAction')
    } else {
      statement.Action = this.pick(ACTIONS)
      if (/[*?]/.test(String(statement.Action))) this.features.add('action-wildcard')
    }
    if (this.chance(0.75)) {
      const condition: ConditionBlock = {}
      for (let i = this.int(1, 3); i > 0; i--) merge(condition, this.clause())
      statement.Condition = condition
      for (const keys of Object.values(condition)) {
        for (const key of Object.keys(keys)) this.features.add(`${effect}:${key}`)
      }
    }
    return statement
  }

  private clause(): ConditionBlock {
    const roll = this.int(1, 100)
    if (roll <= 34) return this.externalIdClause()
    if (roll <= 38) return this.one('Null', 'sts:ExternalId', this.pick(['true', 'false']))
    if (roll <= 43) return this.one('Bool', 'aws:SecureTransport', this.pick(['true', 'false']))
    if (roll <= 49) {
      const op = this.pick(['DateLessThan', 'DateGreaterThan'])
      return this.one(op, 'aws:CurrentTime', this.pick([PAST, FUTURE]))
    }
    if (roll <= 53) {
      const op = this.pick(['NumericLessThan', 'NumericGreaterThan'])
      return this.one(op, 'aws:EpochTime', this.pick(['1577836800', '4070908800']))
    }
    if (roll <= 59) {
      const op = this.pick(['StringEquals', 'StringNotEquals'])
      return this.one(op, 'aws:PrincipalType', this.pick(['AssumedRole', 'Account', 'User']))
    }
    if (roll <= 66) {
      const op = this.pick(['IpAddress', 'NotIpAddress'])
      const ranges = ['10.0.0.0/8', '203.0.113.0/24', '2001:db8::/32', '0.0.0.0/1']
      return this.one(op, 'aws:SourceIp', this.oneOrList(ranges))
    }
    if (roll <= 71) return this.one('StringEquals', 'aws:PrincipalOrgID', 'o-abc123')
    if (roll <= 77) {
      const op = this.pick(['StringEquals', 'StringNotEquals', 'StringLike'])
      return this.one(
        op,
        'aws:PrincipalAccount',
        this.oneOrList([IBM_ACCOUNT, OWN_ACCOUNT, OTHER, '6239*'])
      )
    }
    if (roll <= 83) {
      const op = this.pick(['ArnLike', 'ArnEquals', 'ArnNotLike', 'StringLike'])
      const arns = [
        TARGET_ROLE,
        `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-*`,
        'arn:aws:iam::*:role/ibm-*'
      ]
      return this.one(op, 'aws:PrincipalArn', this.oneOrList(arns))
    }
    if (roll <= 88) {
      return this.one('StringLike', 'token.actions.githubusercontent.com:sub', 'repo:me/*')
    }
    if (roll <= 91) {
      return this.chance(0.5)
        ? this.documented()
        : this.one('Bool', 'aws:MultiFactorAuthPresent', 'true')
    }
    if (roll <= 96) {
      const op = this.pick(['ForAnyValue:StringEquals', 'ForAllValues:StringEquals'])
      this.features.add(op.split(':')[0]!)
      return this.one(op, 'aws:TagKeys', this.oneOrList(['team', 'env']))
    }
    this.quirks.add('unknown-operator')
    return this.one('StringMatchesRegex', 'sts:ExternalId', '.*')
  }

  private externalIdClause(): ConditionBlock {
    let op = this.pick(OPERATORS.string)
    this.features.add(`op:${op}`)
    const set = this.chance(0.15) ? this.pick(['ForAnyValue', 'ForAllValues']) : undefined
    // iam-simulate ignores IfExists under ForAnyValue (see the file header): not generated.
    if (this.chance(0.2) && set !== 'ForAnyValue') {
      op += 'IfExists'
      this.features.add('IfExists')
    }
    if (set) {
      op = `${set}:${op}`
      this.features.add(set)
    }
    return this.one(op, 'sts:ExternalId', this.oneOrList(EXTERNAL_ID_VALUES))
  }

  private one(operator: string, key: string, value: string | string[]): ConditionBlock {
    if (Array.isArray(value) && value.length > 1) this.features.add('list')
    this.features.add(`op:${operator.replace(/^For\w+Value:|IfExists$/g, '')}`)
    return { [operator]: { [key]: value } }
  }

  private oneOrList(values: string[]): string | string[] {
    if (this.chance(0.7)) return this.pick(values)
    const list = values.filter(() => this.chance(0.5))
    return list.length > 0 ? list : [values[0]!]
  }
}

function merge(into: ConditionBlock, clause: ConditionBlock): void {
  for (const [operator, keys] of Object.entries(clause))
    into[operator] = { ...into[operator], ...keys }
}
