// Differential test: src/iam-policy/only-invoke.ts against brute force by @cloud-copilot/iam-simulate
// (AGPL: a devDependency imported from tests only, never from src/).
//
// Generated identity policies (Action/NotAction, Resource/NotResource, wildcards, conditions,
// explicit denies, a permissions boundary now and then) are decided by our analysis once, and by
// the oracle over an enumerated universe: real actions, each with resources of its own types
// (iam-simulate refuses any other), under every combination of the condition values the case uses.
// The one failure that matters: we say "nothing but invoke" and brute force finds something else.
// The other way round (we say more, brute force finds nothing) is allowed and counted: our space
// is every action and resource, the universe is a sample of it.

import { runSimulation } from '@cloud-copilot/iam-simulate'
import {
  canOnlyInvoke,
  INVOKE_ACTIONS,
  type PolicyDocument,
  type PolicyStatement
} from '../../src/iam-policy/index.js'
import { Choices, prng } from '../../harness/policy-generator.js'

const SEED = Number(process.env.POLICY_DIFFERENTIAL_SEED ?? 20261206)
const CASES = Number(process.env.POLICY_DIFFERENTIAL_CASES ?? 300)

const ACCOUNT = '111122223333'
const FN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function`
const ROLE = `arn:aws:iam::${ACCOUNT}:role/apic`

/** The enumerated universe: each action with resources iam-simulate accepts for it. */
const UNIVERSE: [string, string[]][] = [
  ['lambda:InvokeFunction', [`${FN}:f`, `${FN}:f:1`, `${FN}:g`]],
  ['lambda:InvokeAsync', [`${FN}:f`]],
  ['lambda:InvokeFunctionUrl', [`${FN}:f`]],
  ['lambda:GetFunction', [`${FN}:f`, `${FN}:g`]],
  ['lambda:DeleteFunction', [`${FN}:f`]],
  ['lambda:UpdateFunctionCode', [`${FN}:g`]],
  ['lambda:ListFunctions', ['*']],
  ['s3:GetObject', ['arn:aws:s3:::bucket/key']],
  ['s3:ListBucket', ['arn:aws:s3:::bucket']],
  ['iam:PassRole', [`arn:aws:iam::${ACCOUNT}:role/x`]],
  ['iam:CreateRole', [`arn:aws:iam::${ACCOUNT}:role/x`]],
  ['sts:AssumeRole', [`arn:aws:iam::${ACCOUNT}:role/x`]],
  ['ec2:DescribeInstances', ['*']],
  ['logs:PutLogEvents', [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:g:log-stream:s`]]
]

const ACTIONS = [
  ...INVOKE_ACTIONS,
  ...INVOKE_ACTIONS,
  'lambda:invokefunction',
  'LAMBDA:InvokeAsync',
  'lambda:Invoke?unction',
  'lambda:Invoke*',
  'lambda:InvokeFunction*',
  'lambda:*',
  'lambda:Get*',
  'lambda:*Function',
  '*',
  's3:*',
  's3:GetObject',
  'iam:*',
  'iam:Pass*',
  'sts:*',
  'lambda:List*',
  'ec2:Describe*',
  'logs:*'
]
const RESOURCES = [
  '*',
  '*',
  `${FN}:f`,
  `${FN}:f:*`,
  `${FN}:g`,
  'arn:aws:lambda:*:*:function:*',
  `arn:aws:lambda:us-east-1:${ACCOUNT}:*`,
  'arn:aws:s3:::bucket/*',
  'arn:aws:s3:::*',
  `arn:aws:iam::${ACCOUNT}:role/*`,
  'arn:aws:*'
]
/** Condition keys iam-simulate takes for every action, with the values the universe tries. */
const KEYS: Record<string, string[]> = {
  'aws:PrincipalTag/team': ['a', 'b'],
  'aws:RequestedRegion': ['us-east-1', 'eu-west-2']
}

interface Case {
  id: number
  policies: PolicyDocument[]
  boundary?: PolicyDocument
  keys: Set<string>
}

class CaseBuilder extends Choices {
  readonly keys = new Set<string>()

  build(id: number): Case {
    const policies = Array.from({ length: this.int(1, 3) }, () => this.policy(false))
    const boundary = this.chance(0.35) ? this.policy(true) : undefined
    return { id, policies, ...(boundary ? { boundary } : {}), keys: this.keys }
  }

  private policy(boundary: boolean): PolicyDocument {
    const count = this.int(1, boundary ? 2 : 3)
    return {
      Version: '2012-10-17',
      Statement: Array.from({ length: count }, () =>
        this.statement()
      ) as unknown as PolicyStatement[]
    }
  }

  private statement() {
    const deny = this.chance(0.2)
    const list = (pool: readonly string[]) => {
      const items = [...new Set(Array.from({ length: this.int(1, 3) }, () => this.pick(pool)))]
      return items.length === 1 && this.chance(0.5) ? items[0]! : items
    }
    const actions = deny && this.chance(0.5) ? [...INVOKE_ACTIONS] : list(ACTIONS)
    const statement: Record<string, unknown> = { Effect: deny ? 'Deny' : 'Allow' }
    statement[this.chance(deny ? 0.5 : 0.12) ? 'NotAction' : 'Action'] = actions
    statement[this.chance(0.1) ? 'NotResource' : 'Resource'] = list(RESOURCES)
    if (this.chance(0.25)) {
      const key = this.pick(Object.keys(KEYS))
      this.keys.add(key)
      const value = this.chance(0.3) ? `${KEYS[key]![0]!.slice(0, 1)}*` : this.pick(KEYS[key]!)
      statement.Condition = {
        [value.includes('*') ? 'StringLike' : this.pick(['StringEquals', 'StringNotEquals'])]: {
          [key]: value
        }
      }
    }
    return statement
  }
}

const INVOKE = new Set<string>(INVOKE_ACTIONS)

/** Every context over the keys a case uses: each absent or one of its values. */
function contexts(keys: Set<string>): Record<string, string>[] {
  let all: Record<string, string>[] = [{}]
  for (const key of keys) all = all.flatMap(c => [c, ...KEYS[key]!.map(v => ({ ...c, [key]: v }))])
  return all
}

/** The first request beyond invoke that the oracle allows, or undefined. */
async function bruteForce(testCase: Case): Promise<string | undefined> {
  for (const context of contexts(testCase.keys))
    for (const [action, resources] of UNIVERSE) {
      if (INVOKE.has(action)) continue
      for (const resource of resources) {
        const result = await runSimulation(
          {
            request: {
              principal: ROLE,
              action,
              resource: { resource, accountId: ACCOUNT },
              contextVariables: context
            },
            identityPolicies: testCase.policies.map((policy, i) => ({ name: `p${i}`, policy })),
            ...(testCase.boundary
              ? { permissionBoundaryPolicies: [{ name: 'b', policy: testCase.boundary }] }
              : {}),
            serviceControlPolicies: [],
            resourceControlPolicies: []
          },
          {}
        )
        if (result.resultType !== 'single')
          throw new Error(
            `iam-simulate rejected ${action} on ${resource}: ${JSON.stringify(result)}`
          )
        if (result.overallResult === 'Allowed')
          return `${action} on ${resource} with ${JSON.stringify(context)}`
      }
    }
  return undefined
}

describe('nothing but invoke: the analysis against brute force by iam-simulate', () => {
  it('never says "nothing else" where brute force finds something', async () => {
    const random = prng(SEED)
    const counts: Record<string, number> = {}
    const missed: string[] = []
    let time = 0
    for (let id = 0; id < CASES; id++) {
      const testCase = new CaseBuilder(random).build(id)
      const start = performance.now()
      const ours = canOnlyInvoke({ policies: testCase.policies, boundary: testCase.boundary })
      time += performance.now() - start
      const found = await bruteForce(testCase)
      const key = `${ours.decision} / brute force ${found ? 'finds more' : 'finds nothing'}`
      counts[key] = (counts[key] ?? 0) + 1
      if (ours.decision === 'only-invoke' && found)
        missed.push(`case ${id}: ${found}\n${JSON.stringify(testCase)}`)
    }
    console.log(
      `nothing-but-invoke differential (seed ${SEED}, ${CASES} cases, ${(time / CASES).toFixed(2)} ms per analysis):\n` +
        Object.entries(counts)
          .sort()
          .map(([k, n]) => `  ${k}: ${n}`)
          .join('\n')
    )
    expect(missed).toEqual([])
    // Both answers occur often enough for the comparison to mean something.
    expect(counts['only-invoke / brute force finds nothing'] ?? 0).toBeGreaterThan(CASES / 10)
    expect(counts['more / brute force finds more'] ?? 0).toBeGreaterThan(CASES / 10)
  }, 600_000)
})
