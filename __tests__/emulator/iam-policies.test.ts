// IAM policies through the real client: inline and managed policies, attachments, and
// SimulatePrincipalPolicy over inline + attached policies and the permissions boundary.
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  SimulatePrincipalPolicyCommand
} from '@aws-sdk/client-iam'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { ACCOUNT, apiConnectTrust, clients, rejectionOf } from './helpers.js'

const ROLE = 'apic-invoke'
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`
const FN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`
const OTHER_FN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:payments`
const BASIC_EXECUTION = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'

let emulator: Emulator
let iam: ReturnType<typeof clients>['iam']

beforeAll(async () => {
  emulator = await startEmulator()
  iam = clients(emulator.url).iam
})
afterAll(() => emulator.stop())
beforeEach(async () => {
  emulator.reset()
  await iam.send(
    new CreateRoleCommand({ RoleName: ROLE, AssumeRolePolicyDocument: apiConnectTrust() })
  )
})

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements })
}

const invokeOrders = policy({
  Sid: 'Invoke',
  Effect: 'Allow',
  Action: 'lambda:InvokeFunction',
  Resource: [FN, `${FN}:*`]
})

function putInline(name: string, document: string) {
  return iam.send(
    new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: name, PolicyDocument: document })
  )
}

async function createPolicy(name: string, document: string): Promise<string> {
  const { Policy } = await iam.send(
    new CreatePolicyCommand({ PolicyName: name, PolicyDocument: document })
  )
  return Policy!.Arn!
}

describe('inline policies', () => {
  test('PutRolePolicy stores a document that GetRolePolicy returns URL-encoded', async () => {
    const pretty = JSON.stringify(JSON.parse(invokeOrders), null, 2)
    await putInline('invoke-orders', pretty)
    const answer = await iam.send(
      new GetRolePolicyCommand({ RoleName: ROLE, PolicyName: 'invoke-orders' })
    )
    expect(answer.RoleName).toBe(ROLE)
    expect(answer.PolicyName).toBe('invoke-orders')
    expect(answer.PolicyDocument).not.toMatch(/[{}":\s]/)
    expect(decodeURIComponent(answer.PolicyDocument!)).toBe(pretty)
  })

  test('ListRolePolicies lists names; DeleteRolePolicy removes one', async () => {
    await putInline('zeta', invokeOrders)
    await putInline('alpha', invokeOrders)
    const listed = await iam.send(new ListRolePoliciesCommand({ RoleName: ROLE }))
    expect(listed.PolicyNames).toEqual(['alpha', 'zeta'])
    expect(listed.IsTruncated).toBe(false)

    await iam.send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: 'zeta' }))
    const after = await iam.send(new ListRolePoliciesCommand({ RoleName: ROLE }))
    expect(after.PolicyNames).toEqual(['alpha'])
  })

  test('a missing inline policy is NoSuchEntity for Get and Delete', async () => {
    for (const command of [
      new GetRolePolicyCommand({ RoleName: ROLE, PolicyName: 'nope' }),
      new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: 'nope' })
    ]) {
      const error = await rejectionOf(iam.send(command as GetRolePolicyCommand))
      expect(error.name).toBe('NoSuchEntityException')
      expect(error.message).toBe('The role policy with name nope cannot be found.')
    }
    const role = await rejectionOf(
      iam.send(new GetRolePolicyCommand({ RoleName: 'ghost', PolicyName: 'x' }))
    )
    expect(role.message).toBe('The role with name ghost cannot be found.')
  })

  test.each([
    ['a Principal', { Principal: { AWS: '*' } }, 'Policy document should not specify a principal.'],
    ['no Resource', { Resource: undefined }, 'Policy statement must contain resources.']
  ])('an identity policy with %s is MalformedPolicyDocument', async (_label, change, message) => {
    const document = policy({ ...JSON.parse(invokeOrders).Statement[0], ...change })
    const error = await rejectionOf(putInline('bad', document))
    expect(error.name).toBe('MalformedPolicyDocumentException')
    expect(error.message).toBe(message)
  })
})

describe('managed policies', () => {
  test('CreatePolicy, GetPolicy and GetPolicyVersion (document URL-encoded)', async () => {
    const created = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'invoke',
        PolicyDocument: invokeOrders,
        Path: '/apic/'
      })
    )
    const arn = `arn:aws:iam::${ACCOUNT}:policy/apic/invoke`
    expect(created.Policy).toMatchObject({ PolicyName: 'invoke', Arn: arn, DefaultVersionId: 'v1' })
    expect(created.Policy!.PolicyId).toMatch(/^ANPA/)

    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }))
    expect(Policy).toMatchObject({ PolicyName: 'invoke', Path: '/apic/', AttachmentCount: 0 })

    const { PolicyVersion } = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' })
    )
    expect(PolicyVersion).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true })
    expect(PolicyVersion!.Document).not.toContain('{')
    expect(decodeURIComponent(PolicyVersion!.Document!)).toBe(invokeOrders)
  })

  test('errors: duplicate name, missing policy, missing version', async () => {
    const arn = await createPolicy('invoke', invokeOrders)
    const duplicate = await rejectionOf(createPolicy('invoke', invokeOrders))
    expect(duplicate.name).toBe('EntityAlreadyExistsException')
    expect(duplicate.message).toBe(
      'A policy called invoke already exists. Duplicate names are not allowed.'
    )

    const missing = await rejectionOf(iam.send(new GetPolicyCommand({ PolicyArn: `${arn}-x` })))
    expect(missing.name).toBe('NoSuchEntityException')
    expect(missing.message).toBe(`Policy ${arn}-x was not found.`)

    const version = await rejectionOf(
      iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }))
    )
    expect(version.name).toBe('NoSuchEntityException')
  })

  test('AttachRolePolicy (own and AWS managed) and ListAttachedRolePolicies', async () => {
    const arn = await createPolicy('invoke', invokeOrders)
    for (const policyArn of [arn, BASIC_EXECUTION, arn]) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: policyArn }))
    }
    const { AttachedPolicies } = await iam.send(
      new ListAttachedRolePoliciesCommand({ RoleName: ROLE })
    )
    expect(AttachedPolicies).toEqual([
      { PolicyName: 'invoke', PolicyArn: arn },
      { PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: BASIC_EXECUTION }
    ])
    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }))
    expect(Policy!.AttachmentCount).toBe(1)

    const missing = `arn:aws:iam::${ACCOUNT}:policy/nope`
    const error = await rejectionOf(
      iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: missing }))
    )
    expect(error.name).toBe('NoSuchEntityException')
    expect(error.message).toBe(`Policy ${missing} does not exist or is not attachable.`)
  })
})

describe('SimulatePrincipalPolicy', () => {
  async function simulate(actions: string[], resources?: string[], extra: object = {}) {
    const { EvaluationResults } = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: ROLE_ARN,
        ActionNames: actions,
        ResourceArns: resources,
        ...extra
      })
    )
    return EvaluationResults!
  }

  test('an inline grant allows the function and its qualified ARNs, nothing else', async () => {
    await putInline('invoke-orders', invokeOrders)
    const [orders] = await simulate(['lambda:InvokeFunction'], [FN])
    expect(orders).toMatchObject({
      EvalActionName: 'lambda:InvokeFunction',
      EvalResourceName: FN,
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'invoke-orders', SourcePolicyType: 'role' }]
    })
    expect((await simulate(['lambda:InvokeFunction'], [`${FN}:live`]))[0].EvalDecision).toBe(
      'allowed'
    )
    const [other] = await simulate(['lambda:InvokeFunction'], [OTHER_FN])
    expect(other.EvalDecision).toBe('implicitDeny')
    expect(other.MatchedStatements).toEqual([])
    expect((await simulate(['lambda:GetFunction'], [FN]))[0].EvalDecision).toBe('implicitDeny')
  })

  test('one result per action; the decision is the most restrictive over the resources', async () => {
    await putInline('invoke-orders', invokeOrders)
    const results = await simulate(['lambda:InvokeFunction', 'lambda:InvokeAsync'], [FN, OTHER_FN])
    expect(results).toHaveLength(2)
    expect(results[0].EvalDecision).toBe('implicitDeny')
    expect(results[0].ResourceSpecificResults).toEqual([
      expect.objectContaining({ EvalResourceName: FN, EvalResourceDecision: 'allowed' }),
      expect.objectContaining({ EvalResourceName: OTHER_FN, EvalResourceDecision: 'implicitDeny' })
    ])
  })

  test('wildcards in Action (case-insensitive, * and ?) and Resource', async () => {
    await putInline(
      'wild',
      policy({
        Effect: 'Allow',
        Action: 'LAMBDA:invoke?unction',
        Resource: 'arn:aws:lambda:*:*:function:ord*'
      })
    )
    expect((await simulate(['lambda:InvokeFunction'], [FN]))[0].EvalDecision).toBe('allowed')
    expect((await simulate(['lambda:InvokeFunction'], [OTHER_FN]))[0].EvalDecision).toBe(
      'implicitDeny'
    )
  })

  test('an explicit Deny in an attached policy wins over the inline Allow', async () => {
    await putInline('invoke-orders', invokeOrders)
    const deny = await createPolicy(
      'deny-invoke',
      policy({ Effect: 'Deny', Action: 'lambda:Invoke*', Resource: '*' })
    )
    await iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: deny }))
    const [result] = await simulate(['lambda:InvokeFunction'], [FN])
    expect(result.EvalDecision).toBe('explicitDeny')
    expect(result.MatchedStatements).toEqual([
      { SourcePolicyId: deny, SourcePolicyType: 'user-managed' }
    ])
  })

  test('the permissions boundary must allow too', async () => {
    await putInline('invoke-orders', invokeOrders)
    const narrow = await createPolicy(
      'logs-only',
      policy({ Effect: 'Allow', Action: 'logs:*', Resource: '*' })
    )
    await iam.send(
      new PutRolePermissionsBoundaryCommand({ RoleName: ROLE, PermissionsBoundary: narrow })
    )
    const [denied] = await simulate(['lambda:InvokeFunction'], [FN])
    expect(denied.EvalDecision).toBe('implicitDeny')
    expect(denied.PermissionsBoundaryDecisionDetail).toEqual({
      AllowedByPermissionsBoundary: false
    })

    const wide = await createPolicy(
      'lambda',
      policy({ Effect: 'Allow', Action: 'lambda:*', Resource: '*' })
    )
    await iam.send(
      new PutRolePermissionsBoundaryCommand({ RoleName: ROLE, PermissionsBoundary: wide })
    )
    const [allowed] = await simulate(['lambda:InvokeFunction'], [FN])
    expect(allowed.EvalDecision).toBe('allowed')
    expect(allowed.PermissionsBoundaryDecisionDetail).toEqual({
      AllowedByPermissionsBoundary: true
    })
  })

  test('conditions read ContextEntries', async () => {
    await putInline(
      'conditional',
      policy({
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } }
      })
    )
    const context = (value: string) => ({
      ContextEntries: [
        { ContextKeyName: 'aws:SourceVpc', ContextKeyType: 'string', ContextKeyValues: [value] }
      ]
    })
    expect(
      (await simulate(['lambda:InvokeFunction'], [FN], context('vpc-1')))[0].EvalDecision
    ).toBe('allowed')
    expect(
      (await simulate(['lambda:InvokeFunction'], [FN], context('vpc-2')))[0].EvalDecision
    ).toBe('implicitDeny')
    expect((await simulate(['lambda:InvokeFunction'], [FN]))[0].EvalDecision).toBe('implicitDeny')
  })

  test('no resources means "*"; a role that does not exist is NoSuchEntity', async () => {
    await putInline('all', policy({ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }))
    const [result] = await simulate(['lambda:InvokeFunction'])
    expect(result).toMatchObject({ EvalResourceName: '*', EvalDecision: 'allowed' })

    const error = await rejectionOf(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/ghost`,
          ActionNames: ['lambda:InvokeFunction']
        })
      )
    )
    expect(error.name).toBe('NoSuchEntityException')
    expect(error.message).toBe('The role with name ghost cannot be found.')
  })
})
