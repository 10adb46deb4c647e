// Deterministic generator for the differential test of the invoke decision
// (src/iam-policy/invoke-decision.ts): the role's identity policies, an optional permissions
// boundary and an optional function policy (the function's resource-based policy), with
// Resource/NotResource patterns whose `*` ends an ARN segment, conditions on the keys whose
// values the verdict knows (aws:RequestedRegion, aws:ResourceTag/*, aws:PrincipalTag/*) and on
// keys it cannot know (aws:SourceIp, aws:SourceArn).

import type {
  ConditionBlock,
  ContextValue,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement
} from '../../src/iam-policy/evaluate.js'
import { Choices, prng } from '../../harness/policy-generator.js'

export const ACCOUNT = '444455556666'
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/apic-invoke`
/** IBM's session of the role, as the brute force calls (the analysis does not know its name). */
export const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/apic-invoke/gateway-7`
export const REGION = 'us-east-1'
export const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:echo`
export const RESOURCES_ASKED = [FUNCTION, `${FUNCTION}:live`]
export const FUNCTION_TAGS = { team: 'api' }
export const ROLE_TAGS = { owner: 'apic' }
export const NOW = new Date('2026-06-15T12:00:00Z')

/** The keys IAM sets and the verdict knows, as the brute force's requests carry them. */
export const KNOWN_CONTEXT: Record<string, string> = {
  'aws:CurrentTime': NOW.toISOString(),
  'aws:EpochTime': String(NOW.getTime() / 1000),
  'aws:SecureTransport': 'true',
  'aws:PrincipalArn': ROLE,
  'aws:PrincipalAccount': ACCOUNT,
  'aws:PrincipalType': 'AssumedRole',
  'aws:RequestedRegion': REGION,
  'aws:ResourceTag/team': 'api',
  'aws:PrincipalTag/owner': 'apic'
}

/** Values the brute force tries for the keys the runner cannot know (undefined: absent). */
export const UNKNOWN: Record<string, (ContextValue | undefined)[]> = {
  'aws:SourceIp': [undefined, '10.1.2.3', '203.0.113.7'],
  'aws:SourceArn': [undefined, 'arn:aws:execute-api:us-east-1:444455556666:api1/*']
}

export interface InvokeCase {
  id: number
  policies: PolicyDocument[]
  boundary?: PolicyDocument
  functionPolicy?: PolicyDocument
  resource: string
  features: Set<string>
}

const RESOURCES = [
  FUNCTION,
  `${FUNCTION}:*`,
  'arn:aws:lambda:*:function:echo',
  `arn:aws:lambda:${REGION}:*:echo`,
  'arn:aws:lambda:us-*:*:echo',
  'arn:aws:lambda:us-east-*:function:*',
  `arn:aws:lambda:*:${ACCOUNT}:function:*`,
  'arn:aws:lambda:eu-*:*:function:echo',
  `arn:aws:lambda:${REGION}:${ACCOUNT}:function:other`,
  '*'
]
const ACTIONS = ['lambda:InvokeFunction', 'lambda:InvokeFunction', 'lambda:*', '*', 's3:*']
const FUNCTION_PRINCIPALS: PolicyPrincipal[] = [
  { AWS: ROLE },
  { AWS: ROLE },
  { AWS: ACCOUNT },
  { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  '*',
  { Service: 'apigateway.amazonaws.com' },
  { AWS: 'arn:aws:iam::111122223333:role/deployer' }
]
const CONDITIONS: [string, string, string[]][] = [
  ['StringEquals', 'aws:RequestedRegion', [REGION, 'eu-west-2']],
  ['StringNotEquals', 'aws:RequestedRegion', [REGION, 'eu-west-2']],
  ['StringEquals', 'aws:ResourceTag/team', ['api', 'ops']],
  ['StringNotEquals', 'aws:ResourceTag/team', ['api', 'ops']],
  ['Null', 'aws:ResourceTag/env', ['true', 'false']],
  ['StringEquals', 'aws:PrincipalTag/owner', ['apic', 'x']],
  ['Null', 'aws:PrincipalTag/cost', ['true', 'false']],
  ['IpAddress', 'aws:SourceIp', ['10.0.0.0/8']],
  ['ArnLike', 'aws:SourceArn', ['arn:aws:execute-api:us-east-1:444455556666:*']],
  ['StringEquals', 'aws:PrincipalType', ['AssumedRole', 'User']]
]

export function generateInvokeCases(seed: number, count: number): InvokeCase[] {
  const random = prng(seed)
  return Array.from({ length: count }, (_, id) => new InvokeBuilder(id, random).build())
}

class InvokeBuilder extends Choices {
  private readonly features = new Set<string>()

  constructor(
    private readonly id: number,
    random: () => number
  ) {
    super(random)
  }

  build(): InvokeCase {
    const document = (resource: boolean) => ({
      Version: '2012-10-17',
      Statement: Array.from({ length: this.int(1, 3) }, () => this.statement(resource))
    })
    const policies = this.chance(0.25) ? [] : [document(false)]
    const boundary = this.chance(0.35) ? document(false) : undefined
    const functionPolicy = this.chance(0.6) ? document(true) : undefined
    if (boundary) this.features.add('boundary')
    if (functionPolicy) this.features.add('function-policy')
    const resource = this.pick(RESOURCES_ASKED)
    return { id: this.id, policies, boundary, functionPolicy, resource, features: this.features }
  }

  private statement(resourcePolicy: boolean): PolicyStatement {
    const effect = this.chance(resourcePolicy ? 0.7 : 0.75) ? 'Allow' : 'Deny'
    const statement: PolicyStatement = { Effect: effect }
    if (resourcePolicy) statement.Principal = this.pick(FUNCTION_PRINCIPALS)
    statement.Action = this.pick(ACTIONS)
    const resource = this.pick(RESOURCES)
    if (/\*:/.test(resource)) this.features.add('segment-end-wildcard')
    if (this.chance(0.15)) {
      statement.NotResource = resource
      this.features.add('NotResource')
    } else statement.Resource = resource
    if (this.chance(0.45)) {
      const condition: ConditionBlock = {}
      for (let i = this.int(1, 2); i > 0; i--) {
        const [op, key, values] = this.pick(CONDITIONS)
        condition[op] = { ...condition[op], [key]: this.pick(values) }
        this.features.add(`key:${key}`)
      }
      statement.Condition = condition
    }
    return statement
  }
}
