// Errors that say where: the operation, the resource, and for a failed connection the endpoint.
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isConnectionError, resourceOf, sayWhere, whereText } from '../../src/aws/where.js'
import { StepFailed, stepText } from '../../src/failure.js'

describe('stepText: one wording for every step', () => {
  test('an operation on a resource, what it names, why, or what the run was doing', () => {
    expect(stepText({ operation: 'lambda:PublishVersion', resource: 'function orders' })).toBe(
      'lambda:PublishVersion on function orders'
    )
    expect(
      stepText({ operation: 'lambda:CreateAlias', names: 'live', resource: 'function orders' })
    ).toBe('lambda:CreateAlias live on function orders')
    expect(
      stepText({ operation: 's3:PutObject', names: 's3://b/k', why: 'staging the code' })
    ).toBe('s3:PutObject s3://b/k (staging the code)')
    expect(stepText({ doing: 'waiting for function orders to become Active' })).toBe(
      'waiting for function orders to become Active'
    )
  })

  test('a failed step says where once, though the AWS error already says it', () => {
    const step = { operation: 'lambda:PublishVersion', resource: 'function orders' }
    const aws = new Error(`${stepText(step)}: AccessDeniedException: no`)
    const failed = new StepFailed(step, [], {}, aws)
    expect(failed.step).toBe('lambda:PublishVersion on function orders')
    expect(failed.reason).toBe('AccessDeniedException: no')
    const other = new StepFailed({ doing: 'checking the state of function orders' }, [], {}, aws)
    expect(other.reason).toBe(aws.message)
  })
})

describe('whereText', () => {
  const denied = Object.assign(new Error('no'), { $metadata: { httpStatusCode: 403 } })
  const hangUp = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', $metadata: {} })

  test('names the service, the operation and the resource', () => {
    expect(
      whereText('lambda', 'PublishVersion', { FunctionName: 'orders' }, 'http://x', denied)
    ).toBe('lambda:PublishVersion on function orders')
    expect(whereText('s3', 'PutObject', { Bucket: 'b', Key: 'k.zip' }, undefined, denied)).toBe(
      's3:PutObject on s3://b/k.zip'
    )
    expect(
      whereText(
        'access-analyzer',
        'ValidatePolicy',
        { policyType: 'RESOURCE_POLICY' },
        undefined,
        denied
      )
    ).toBe('access-analyzer:ValidatePolicy on a resource policy')
    expect(resourceOf({ RoleArn: 'arn:aws:iam::1:role/r' })).toBe('role arn:aws:iam::1:role/r')
  })

  test('IAM words its own answers; a failed connection is named for every service, with the endpoint', () => {
    expect(whereText('iam', 'GetRole', { RoleName: 'r' }, 'http://x', denied)).toBeUndefined()
    expect(isConnectionError(hangUp)).toBe(true)
    expect(isConnectionError(denied)).toBe(false)
    expect(whereText('iam', 'GetRole', { RoleName: 'r' }, 'http://127.0.0.1:9', hangUp)).toBe(
      'iam:GetRole on role r at http://127.0.0.1:9'
    )
  })
})

describe('sayWhere on a real client', () => {
  let server: Server
  let url: string
  beforeAll(async () => {
    // Accepts the connection and closes it without an answer.
    server = createServer(req => req.socket.destroy())
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise(resolve => server.close(resolve)))

  test('a hang-up names lambda:GetFunction, the function and the endpoint', async () => {
    const lambda = new LambdaClient({
      endpoint: url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }
    })
    sayWhere(lambda, 'lambda')
    await expect(lambda.send(new GetFunctionCommand({ FunctionName: 'orders' }))).rejects.toThrow(
      new RegExp(`^lambda:GetFunction on function orders at ${url}: .*socket hang up`)
    )
  })
})
