// Deterministic generator of policies and requests for the differential test of
// src/iam-policy/evaluate.ts against @cloud-copilot/iam-simulate: trust policies with AssumeRole
// requests, and identity policies (with a permissions boundary) with InvokeFunction requests.
//
// Each case records the features it exercises (to prove coverage) and its quirks: constructs
// where the evaluator knowingly refuses to answer, or where IAM's documentation and the oracle
// differ. The generator knows them because it built the case, without asking the evaluator.

import type {
  ConditionBlock,
  ContextValue,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  Request,
  RequestPrincipal
} from '../src/iam-policy/evaluate.js'

export type Quirk =
  /** A condition operator IAM does not have: we say cannot-evaluate. */
  | 'unknown-operator'
  /** A policy variable whose key has no value: we say cannot-evaluate. */
  | 'unresolved-variable'
  /** A single-value operator on a multivalued key: we say cannot-evaluate. */
  | 'multivalued-single-operator'
  /** NotPrincipal naming part of the caller's account/role/session chain: cannot-evaluate. */
  | 'partial-not-principal'
  /** A principal entry naming one session of the role the request gives: cannot-evaluate. */
  | 'session-of-role'
  /** ForAnyValue:...IfExists on a missing key: true per IAM docs, false in iam-simulate. */
  | 'for-any-value-if-exists-missing'
  /** 0.0.0.0/0, or an address without /prefix: iam-simulate mishandles both notations. */
  | 'ip-notation'

interface Generated {
  id: number
  request: Request
  features: Set<string>
  quirks: Set<Quirk>
}

export interface TrustCase extends Generated {
  policy: PolicyDocument
}

export interface IdentityCase extends Generated {
  policies: PolicyDocument[]
  boundary?: PolicyDocument
}

/** The role whose trust policy is evaluated (iam-simulate needs the resource). */
export const TRUSTING_ROLE = {
  arn: 'arn:aws:iam::444455556666:role/apic-invoke',
  account: '444455556666'
}

const IBM = '623947394061'
const OTHER = '111122223333'
const IBM_ROLE = `arn:aws:iam::${IBM}:role/ibm-apiconnect-eu-west-a`
const IBM_SESSION = `arn:aws:sts::${IBM}:assumed-role/ibm-apiconnect-eu-west-a/gateway`
const OTHER_ROLE = `arn:aws:iam::${OTHER}:role/deployer`
const OTHER_USER = `arn:aws:iam::${OTHER}:user/alice`

interface CallerSpec {
  principal: RequestPrincipal | undefined
  /** What each link of the caller's chain is named by (entries of a Principal element). */
  links: string[][]
  /** aws:PrincipalArn and aws:PrincipalAccount, as IAM sets them. */
  context: Record<string, string>
}

const CALLERS: CallerSpec[] = [
  {
    principal: { AWS: IBM_ROLE },
    links: [[IBM, `arn:aws:iam::${IBM}:root`], [IBM_ROLE], []],
    context: { 'aws:PrincipalArn': IBM_ROLE, 'aws:PrincipalAccount': IBM }
  },
  {
    principal: { AWS: IBM_SESSION },
    links: [[IBM, `arn:aws:iam::${IBM}:root`], [IBM_ROLE], [IBM_SESSION]],
    context: { 'aws:PrincipalArn': IBM_ROLE, 'aws:PrincipalAccount': IBM }
  },
  {
    principal: { AWS: OTHER_ROLE },
    links: [[OTHER, `arn:aws:iam::${OTHER}:root`], [OTHER_ROLE], []],
    context: { 'aws:PrincipalArn': OTHER_ROLE, 'aws:PrincipalAccount': OTHER }
  },
  {
    principal: { AWS: OTHER_USER },
    links: [[OTHER, `arn:aws:iam::${OTHER}:root`], [OTHER_USER]],
    context: { 'aws:PrincipalArn': OTHER_USER, 'aws:PrincipalAccount': OTHER }
  },
  { principal: undefined, links: [[]], context: {} },
  {
    principal: { Service: 'lambda.amazonaws.com' },
    links: [['svc:lambda.amazonaws.com']],
    context: {}
  }
]

const AWS_ENTRIES = [
  IBM_ROLE,
  IBM,
  `arn:aws:iam::${IBM}:root`,
  IBM_SESSION,
  OTHER_ROLE,
  OTHER,
  `arn:aws:iam::${OTHER}:root`,
  OTHER_USER
]
const SERVICES = ['lambda.amazonaws.com', 'ec2.amazonaws.com']

const TRUST_ACTIONS = [
  'sts:AssumeRole',
  'sts:AssumeRole',
  'sts:*',
  '*',
  'sts:Assume*',
  'sts:AssumeRole?',
  'sts:assume?ole',
  'STS:ASSUMEROLE',
  'sts:TagSession',
  'sts:AssumeRoleWith*',
  's3:GetObject'
]

// --- condition keys, by the operator family they take ------------------------------------------

type KeyType = 'string' | 'arn' | 'account' | 'numeric' | 'date' | 'epoch' | 'bool' | 'ip' | 'set'

/** Keys the oracle accepts for sts:AssumeRole. */
const TRUST_KEYS: Record<string, KeyType> = {
  'sts:ExternalId': 'string',
  'sts:RoleSessionName': 'string',
  'aws:PrincipalTag/team': 'string',
  'aws:SourceArn': 'arn',
  'aws:PrincipalArn': 'arn',
  'aws:PrincipalAccount': 'account',
  'aws:MultiFactorAuthAge': 'numeric',
  'aws:CurrentTime': 'date',
  'aws:EpochTime': 'epoch',
  'aws:SecureTransport': 'bool',
  'aws:MultiFactorAuthPresent': 'bool',
  'aws:SourceIp': 'ip',
  'aws:TagKeys': 'set',
  'sts:TransitiveTagKeys': 'set'
}

/** Keys the oracle accepts for lambda:InvokeFunction (global keys). */
const IDENTITY_KEYS: Record<string, KeyType> = {
  'aws:PrincipalTag/team': 'string',
  'aws:PrincipalTag/app': 'string',
  'aws:SourceArn': 'arn',
  'aws:PrincipalArn': 'arn',
  'aws:PrincipalAccount': 'account',
  'aws:MultiFactorAuthAge': 'numeric',
  'aws:CurrentTime': 'date',
  'aws:EpochTime': 'epoch',
  'aws:SecureTransport': 'bool',
  'aws:SourceIp': 'ip',
  'aws:TagKeys': 'set',
  'aws:CalledVia': 'set'
}

/** Values a request may carry, per key type. */
const REQUEST_VALUES: Record<KeyType, string[]> = {
  string: ['org-1', 'org-2', 'Org-1', 'apic-eu', 'apic-us', 'orders'],
  arn: ['arn:aws:s3:::bucket-a', `arn:aws:sns:eu-west-1:${OTHER}:topic`, IBM_ROLE, OTHER_ROLE],
  account: [IBM, OTHER],
  numeric: ['0', '30', '60', '3600', '60.5'],
  date: ['2020-01-01T00:00:00Z', '2026-06-15T12:00:00Z', '2030-01-01T00:00:00Z', '2026-06-15'],
  epoch: ['1500000000', '1750000000', '1900000000'],
  bool: ['true', 'false'],
  ip: ['203.0.113.7', '10.1.2.3', '2001:db8::5', '198.51.100.1'],
  set: ['team', 'cost', 'env', 'Team']
}

/** Values a policy may test, per key type (patterns included where the operator takes them). */
const POLICY_VALUES: Record<KeyType, string[]> = {
  string: [...REQUEST_VALUES.string, 'org-*', 'org-?', '*-1', 'ORG-*', 'apic-*'],
  arn: [
    ...REQUEST_VALUES.arn,
    'arn:aws:s3:::bucket-*',
    `arn:aws:*:*:${OTHER}:*`,
    'arn:aws:iam::*:role/ibm-*',
    `arn:aws:iam::${IBM}:role/*`
  ],
  account: [IBM, OTHER, '6239*'],
  numeric: ['0', '30', '60', '3600', '60.5', '100'],
  date: REQUEST_VALUES.date,
  epoch: REQUEST_VALUES.epoch,
  bool: ['true', 'false', 'TRUE'],
  ip: ['203.0.113.0/24', '10.0.0.0/8', '2001:db8::/32', '203.0.113.7', '0.0.0.0/0'],
  set: ['team', 'cost', 'env', 'co*', 'TEAM']
}

export const OPERATORS: Record<KeyType, string[]> = {
  string: [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike'
  ],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'StringLike', 'StringEquals'],
  account: ['StringEquals', 'StringNotEquals', 'StringLike'],
  numeric: [
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals'
  ],
  date: [
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals'
  ],
  epoch: ['DateLessThan', 'DateGreaterThanEquals', 'DateEquals'],
  bool: ['Bool'],
  ip: ['IpAddress', 'NotIpAddress'],
  set: ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase']
}

// --- the generator --------------------------------------------------------------------------------

/** mulberry32: a small, fast, seedable PRNG (deterministic across runs and machines). */
export function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generateTrustCases(seed: number, count: number): TrustCase[] {
  const random = prng(seed)
  return Array.from({ length: count }, (_, id) => new TrustBuilder(id, random).build())
}

export function generateIdentityCases(seed: number, count: number): IdentityCase[] {
  const random = prng(seed)
  return Array.from({ length: count }, (_, id) => new IdentityBuilder(id, random).build())
}

/** Randomness, the request context and Condition blocks: what both kinds of case share. */
/** Random choices from a seeded generator: what every generated case is built from. */
export class Choices {
  constructor(protected readonly random: () => number) {}

  /** An integer from min to max, both included. */
  protected int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1))
  }

  protected chance(p: number): boolean {
    return this.random() < p
  }

  protected pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!
  }
}

abstract class Builder extends Choices {
  protected readonly features = new Set<string>()
  protected readonly quirks = new Set<Quirk>()
  protected readonly context: Record<string, ContextValue> = {}

  constructor(
    protected readonly id: number,
    random: () => number,
    private readonly keys: Record<string, KeyType>,
    principalContext: Record<string, string>
  ) {
    super(random)
    // IAM sets the principal's keys itself; the others are present now and then.
    Object.assign(this.context, principalContext)
    for (const [key, type] of Object.entries(keys)) {
      if (key === 'aws:PrincipalArn' || key === 'aws:PrincipalAccount') continue
      if (this.chance(0.55)) this.context[key] = this.requestValue(type)
    }
  }

  protected generated(request: Omit<Request, 'context'>): Generated {
    return {
      id: this.id,
      request: { ...request, context: this.context },
      features: this.features,
      quirks: this.quirks
    }
  }

  protected condition(): ConditionBlock {
    const block: ConditionBlock = {}
    // Distinct keys, so that no operator and key pair is written twice.
    for (const [key, type] of this.some(Object.entries(this.keys), 1, 3)) {
      const operator = this.operatorFor(key, type)
      const values = this.policyValues(type, operator)
      block[operator] = { ...block[operator], [key]: values.length === 1 ? values[0]! : values }
    }
    return block
  }

  private operatorFor(key: string, type: KeyType): string {
    if (this.chance(0.03)) {
      this.quirks.add('unknown-operator')
      this.features.add('unknown-operator')
      return 'StringMatchesRegex'
    }
    if (this.chance(0.06)) {
      this.features.add('Null')
      return 'Null'
    }
    let operator = this.pick(OPERATORS[type])
    this.features.add(`op:${operator}`)
    const present = this.present(key)
    const ifExists = this.chance(0.22)
    const set =
      type === 'set'
        ? this.chance(0.88)
          ? this.pick(['ForAnyValue', 'ForAllValues'])
          : undefined
        : type === 'string' && this.chance(0.1)
          ? this.pick(['ForAnyValue', 'ForAllValues'])
          : undefined
    if (ifExists) {
      operator += 'IfExists'
      this.features.add(present ? 'IfExists:present' : 'IfExists:missing')
    }
    if (set) {
      operator = `${set}:${operator}`
      this.features.add(`${set}:${present ? 'present' : 'missing'}`)
      if (set === 'ForAnyValue' && ifExists && !present) {
        this.quirks.add('for-any-value-if-exists-missing')
      }
    } else if (type === 'set' && present) {
      this.quirks.add('multivalued-single-operator')
    }
    if (!ifExists && !present) this.features.add('missing-key')
    return operator
  }

  private policyValues(type: KeyType, operator: string): (string | boolean)[] {
    if (operator === 'Null') return [this.pick(['true', 'false'])]
    if (operator === 'StringMatchesRegex') return ['.*']
    const values: (string | boolean)[] = this.some(POLICY_VALUES[type], 1, 3)
    if (type === 'ip' && values.some(v => v === '0.0.0.0/0' || !String(v).includes('/'))) {
      this.quirks.add('ip-notation')
    }
    if (type === 'bool' && this.chance(0.3)) return [values[0] === 'false' ? false : true]
    if (values.length > 1) this.features.add('multiple-values')
    const takesVariables = /String|Arn/.test(operator) && (type === 'string' || type === 'arn')
    if (takesVariables && this.chance(0.12)) {
      const variable = this.variable('aws:PrincipalTag/team', 'apic-eu')
      values[0] =
        type === 'arn'
          ? `arn:aws:iam::${IBM}:role/ibm-${variable}*`
          : this.pick([variable, `org-${variable}`, `${variable}*`])
    }
    return values
  }

  /** A policy variable for a key, sometimes with a default; notes when it has no value. */
  protected variable(key: string, fallback: string): string {
    this.features.add('policy-variable')
    if (this.chance(0.3)) return `\${${key}, '${fallback}'}`
    if (!this.present(key)) this.quirks.add('unresolved-variable')
    return `\${${key}}`
  }

  private requestValue(type: KeyType): ContextValue {
    if (type === 'set') return this.some(REQUEST_VALUES.set, 0, 3)
    const value = this.pick(REQUEST_VALUES[type])
    // Exercise non-string context values now and then.
    if (type === 'bool' && this.chance(0.3)) return value === 'true'
    if (type === 'numeric' && this.chance(0.3)) return Number(value)
    return value
  }

  protected present(key: string): boolean {
    return this.context[key] !== undefined
  }

  /** Between min and max distinct items, in a random order. */
  protected some<T>(items: readonly T[], min: number, max: number): T[] {
    const count = this.int(min, max)
    const pool = [...items]
    const chosen: T[] = []
    while (chosen.length < count && pool.length > 0) {
      chosen.push(pool.splice(Math.floor(this.random() * pool.length), 1)[0]!)
    }
    return chosen
  }

  /** One or more items: a single one as itself, several as an array (both forms occur in IAM). */
  protected oneOrMore<T>(items: readonly T[], max: number): T | T[] {
    const chosen = this.some(items, 1, max)
    return chosen.length === 1 ? chosen[0]! : chosen
  }
}

// --- trust policies --------------------------------------------------------------------------------

class TrustBuilder extends Builder {
  private readonly caller: CallerSpec

  constructor(id: number, random: () => number) {
    const pickCaller = CALLERS[Math.floor(random() * CALLERS.length)]!
    super(id, random, TRUST_KEYS, pickCaller.context)
    this.caller = pickCaller
    this.features.add(`caller:${this.callerKind()}`)
  }

  build(): TrustCase {
    const statements = Array.from({ length: this.int(1, 3) }, () => this.statement())
    return {
      ...this.generated({ principal: this.caller.principal, action: 'sts:AssumeRole' }),
      policy: { Version: '2012-10-17', Statement: statements }
    }
  }

  private statement(): PolicyStatement {
    const effect = this.chance(0.72) ? 'Allow' : 'Deny'
    const statement: PolicyStatement = { Effect: effect }
    if (this.chance(0.4)) statement.Sid = `S${this.int(1, 999)}`
    this.features.add(`effect:${effect}`)

    const principal = this.principal()
    if (this.chance(effect === 'Deny' ? 0.35 : 0.08)) {
      statement.NotPrincipal = principal
      this.features.add('NotPrincipal')
      this.checkNotPrincipal(principal)
    } else {
      statement.Principal = principal
      this.features.add('Principal')
    }
    if (this.principalEntries(principal).includes(IBM_SESSION) && this.callerIs(IBM_ROLE)) {
      this.quirks.add('session-of-role')
    }

    const action = this.oneOrMore(TRUST_ACTIONS, 2)
    if (this.chance(0.15)) {
      statement.NotAction = action
      this.features.add('NotAction')
    } else {
      statement.Action = action
      this.features.add('Action')
    }
    if ([action].flat().some(a => /[*?]/.test(a))) this.features.add('action-wildcard')

    if (this.chance(0.7)) statement.Condition = this.condition()
    return statement
  }

  private principal(): PolicyPrincipal {
    const roll = this.int(1, 100)
    if (roll <= 7) return '*'
    if (roll <= 12) return { AWS: '*' }
    if (roll <= 22) return { Service: this.pick(SERVICES) }
    const aws = this.oneOrMore(AWS_ENTRIES, 3)
    return this.chance(0.1) ? { AWS: aws, Service: this.pick(SERVICES) } : { AWS: aws }
  }

  private principalEntries(principal: PolicyPrincipal): string[] {
    if (principal === '*') return ['*']
    const aws = [principal.AWS ?? []].flat()
    const services = [principal.Service ?? []].flat().map(s => `svc:${s}`)
    return [...aws, ...services]
  }

  /** NotPrincipal names part of the caller's chain: IAM may check the account first. */
  private checkNotPrincipal(principal: PolicyPrincipal): void {
    const entries = this.principalEntries(principal)
    if (entries.includes('*')) return
    const named = this.caller.links.filter(link => link.some(name => entries.includes(name)))
    if (named.length > 0 && named.length < this.caller.links.length) {
      this.quirks.add('partial-not-principal')
    }
  }

  private callerIs(arn: string): boolean {
    const principal = this.caller.principal
    return principal !== undefined && 'AWS' in principal && principal.AWS === arn
  }

  private callerKind(): string {
    const principal = this.caller.principal
    if (!principal) return 'anonymous'
    if ('Service' in principal) return 'service'
    if ('AWS' in principal) return principal.AWS.includes(':assumed-role/') ? 'session' : 'aws'
    return 'federated'
  }
}

// --- identity policies and permissions boundary ------------------------------------------------------

export const INVOKING_ROLE = `arn:aws:iam::${OTHER}:role/apic-invoke`
const FUNCTION = `arn:aws:lambda:eu-central-1:${OTHER}:function:orders`

const FUNCTIONS = [
  FUNCTION,
  `${FUNCTION}:live`,
  `${FUNCTION}:7`,
  FUNCTION.replace('orders', 'billing')
]

const IDENTITY_ACTIONS = [
  'lambda:InvokeFunction',
  'lambda:InvokeFunction',
  'lambda:Invoke*',
  'lambda:*',
  '*',
  'lambda:invokefunction',
  'lambda:InvokeAsync',
  'lambda:GetFunction',
  's3:*'
]

const RESOURCES = [
  FUNCTION,
  `${FUNCTION}:*`,
  `arn:aws:lambda:eu-central-1:${OTHER}:function:*`,
  `arn:aws:lambda:*:${OTHER}:function:orders*`,
  'arn:aws:lambda:eu-central-1:*:function:ord?rs',
  'arn:aws:lambda:eu-*:*:function:*:live',
  '*',
  'arn:aws:lambda:*',
  `arn:aws:lambda:us-east-1:${OTHER}:function:orders`,
  'arn:aws:s3:::bucket/*'
]

class IdentityBuilder extends Builder {
  constructor(id: number, random: () => number) {
    super(id, random, IDENTITY_KEYS, {
      'aws:PrincipalArn': INVOKING_ROLE,
      'aws:PrincipalAccount': OTHER
    })
  }

  build(): IdentityCase {
    const document = () => ({
      Version: '2012-10-17',
      Statement: Array.from({ length: this.int(1, 3) }, () => this.statement())
    })
    const policies = Array.from({ length: this.chance(0.6) ? 1 : 2 }, document)
    const boundary = this.chance(0.5) ? document() : undefined
    if (boundary) this.features.add('boundary')
    const request = {
      principal: { AWS: INVOKING_ROLE },
      action: 'lambda:InvokeFunction',
      resource: this.pick(FUNCTIONS)
    }
    return { ...this.generated(request), policies, ...(boundary ? { boundary } : {}) }
  }

  private statement(): PolicyStatement {
    const effect = this.chance(0.75) ? 'Allow' : 'Deny'
    const statement: PolicyStatement = { Effect: effect }
    this.features.add(`effect:${effect}`)
    const action = this.oneOrMore(IDENTITY_ACTIONS, 2)
    if (this.chance(0.12)) statement.NotAction = action
    else statement.Action = action

    const resources = this.some(RESOURCES, 1, 2)
    if (this.chance(0.1)) {
      const app = this.variable('aws:PrincipalTag/app', 'orders')
      const byTag = `arn:aws:lambda:eu-central-1:${OTHER}:function:${app}`
      resources[0] = this.pick([byTag, `${byTag}:*`])
    }
    const resource = resources.length === 1 ? resources[0]! : resources
    if (this.chance(0.15)) {
      statement.NotResource = resource
      this.features.add('NotResource')
    } else {
      statement.Resource = resource
      this.features.add('Resource')
    }
    if (this.chance(0.4)) statement.Condition = this.condition()
    return statement
  }
}
