// A function's resource-based policy through the real client: AddPermission, GetPolicy,
// RemovePermission (https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html).
import {
  AddPermissionCommand,
  CreateAliasCommand,
  GetPolicyCommand,
  PublishVersionCommand,
  RemovePermissionCommand
} from '@aws-sdk/client-lambda'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { ACCOUNT, LAMBDA_TRUST, clients, createOrders, rejectionOf, zipOf } from './helpers.js'

const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`
const ROLE = `arn:aws:iam::${ACCOUNT}:role/apic-invoke`

let emulator: Emulator
let lambda: ReturnType<typeof clients>['lambda']

beforeAll(async () => {
  emulator = await startEmulator({
    seed: { roles: [{ name: 'exec', assumeRolePolicy: LAMBDA_TRUST }] }
  })
  lambda = clients(emulator.url).lambda
})
afterAll(() => emulator.stop())
beforeEach(async () => {
  emulator.reset()
  await createOrders(lambda, zipOf({ 'index.js': 'exports.handler = async () => 1' }))
})

const permit = (input: object) =>
  lambda.send(
    new AddPermissionCommand({
      FunctionName: 'orders',
      Action: 'lambda:InvokeFunction',
      StatementId: 'apic',
      Principal: ROLE,
      ...input
    })
  )
const policyOf = async (Qualifier?: string) =>
  JSON.parse(
    (await lambda.send(new GetPolicyCommand({ FunctionName: 'orders', Qualifier }))).Policy!
  )

describe('the function policy', () => {
  test('a function without a permission has no policy: ResourceNotFoundException', async () => {
    const error = await rejectionOf(lambda.send(new GetPolicyCommand({ FunctionName: 'orders' })))
    expect(error.name).toBe('ResourceNotFoundException')
  })

  test('AddPermission writes one Allow statement, returned by GetPolicy', async () => {
    const added = await permit({})
    expect(added.$metadata.httpStatusCode).toBe(201)
    expect(JSON.parse(added.Statement!)).toMatchObject({ Sid: 'apic', Effect: 'Allow' })
    expect((await policyOf()).Statement).toEqual([
      {
        Sid: 'apic',
        Effect: 'Allow',
        Principal: { AWS: ROLE },
        Action: 'lambda:InvokeFunction',
        Resource: FN_ARN
      }
    ])
  })

  test('an account becomes its root, a service stays a service, SourceArn a condition', async () => {
    await permit({ StatementId: 'acct', Principal: ACCOUNT })
    await permit({
      StatementId: 'api',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: 'arn:aws:execute-api:us-east-1:123456789012:api/*'
    })
    const [acct, api] = (await policyOf()).Statement
    expect(acct.Principal).toEqual({ AWS: `arn:aws:iam::${ACCOUNT}:root` })
    expect(api).toMatchObject({
      Principal: { Service: 'apigateway.amazonaws.com' },
      Condition: {
        ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:123456789012:api/*' }
      }
    })
  })

  test('a qualifier has its own policy; a used StatementId conflicts; RemovePermission removes', async () => {
    await lambda.send(new PublishVersionCommand({ FunctionName: 'orders' }))
    await lambda.send(
      new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' })
    )
    await permit({ Qualifier: 'live' })
    expect((await policyOf('live')).Statement[0].Resource).toBe(`${FN_ARN}:live`)
    expect((await rejectionOf(policyOf())).name).toBe('ResourceNotFoundException')
    expect((await rejectionOf(permit({ Qualifier: 'live' }))).name).toBe(
      'ResourceConflictException'
    )
    await lambda.send(
      new RemovePermissionCommand({
        FunctionName: 'orders',
        StatementId: 'apic',
        Qualifier: 'live'
      })
    )
    expect((await rejectionOf(policyOf('live'))).name).toBe('ResourceNotFoundException')
  })
})
