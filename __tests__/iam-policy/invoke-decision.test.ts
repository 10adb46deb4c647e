import type { PolicyDocument, PolicyStatement } from '../../src/iam-policy/evaluate.js'
import { decideInvoke } from '../../src/iam-policy/invoke-decision.js'

const ROLE = 'arn:aws:iam::444455556666:role/apic-invoke'
const FUNCTION = 'arn:aws:lambda:us-east-1:444455556666:function:orders'
const NOW = new Date('2026-11-26T00:00:00Z')

const allowInvoke: PolicyStatement = {
  Effect: 'Allow',
  Action: 'lambda:InvokeFunction',
  Resource: FUNCTION
}
const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement
})
const decide = (policies: PolicyDocument[], boundary?: PolicyDocument) =>
  decideInvoke(
    { policies, ...(boundary ? { boundary } : {}) },
    { roleArn: ROLE, resource: FUNCTION, now: NOW }
  )
const deny = (Condition: PolicyStatement['Condition']): PolicyStatement => ({
  Effect: 'Deny',
  Action: '*',
  Resource: '*',
  Condition
})

describe('decideInvoke: lambda:InvokeFunction for every value of the unknown keys', () => {
  it('allows a plain Allow', () => {
    expect(decide([policy(allowInvoke)])).toMatchObject({ decision: 'allowed', dependsOn: [] })
  })

  it('fills in the keys IAM sets: transport, time, principal type, ARN and account', () => {
    const condition = {
      Bool: { 'aws:SecureTransport': 'true' },
      DateLessThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' },
      NumericLessThan: { 'aws:EpochTime': '4070908800' },
      StringEquals: { 'aws:PrincipalType': 'AssumedRole', 'aws:PrincipalAccount': '444455556666' },
      ArnEquals: { 'aws:PrincipalArn': ROLE }
    }
    expect(decide([policy({ ...allowInvoke, Condition: condition })]).decision).toBe('allowed')
  })

  it.each([
    [
      'aws:CurrentTime in the past',
      { DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }
    ],
    ['aws:EpochTime in the past', { NumericGreaterThan: { 'aws:EpochTime': '1577836800' } }],
    ['aws:PrincipalType = AssumedRole', { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } }]
  ])('a Deny on %s denies', (_, condition) => {
    expect(decide([policy(allowInvoke, deny(condition))])).toMatchObject({
      decision: 'explicit-deny',
      dependsOn: []
    })
  })

  it('a Deny on aws:SourceIp 0.0.0.0/0 cannot be evaluated, never allowed', () => {
    const decision = decide([
      policy(allowInvoke, deny({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }))
    ])
    expect(decision).toMatchObject({ decision: 'cannot-evaluate', dependsOn: ['aws:SourceIp'] })
    expect(decision.reason).toMatch(/aws:SourceIp/)
  })

  it('an Allow that needs a principal tag cannot be evaluated', () => {
    const decision = decide([
      policy({ ...allowInvoke, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'api' } } })
    ])
    expect(decision).toMatchObject({
      decision: 'cannot-evaluate',
      dependsOn: ['aws:PrincipalTag/team']
    })
  })

  it('denies implicitly when nothing allows it, under every value', () => {
    const other = { ...allowInvoke, Resource: FUNCTION.replace('orders', 'billing') }
    const condition = { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }
    expect(decide([policy({ ...other, Condition: condition })]).decision).toBe('implicit-deny')
  })

  it('needs the boundary to allow it too', () => {
    const boundary = policy({ Effect: 'Allow', Action: 'lambda:Get*', Resource: '*' })
    expect(decide([policy(allowInvoke)], boundary).decision).toBe('implicit-deny')
    const tagged = policy({
      Effect: 'Allow',
      Action: 'lambda:*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestTag/env': 'prod' } }
    })
    expect(decide([policy(allowInvoke)], tagged)).toMatchObject({
      decision: 'cannot-evaluate',
      dependsOn: ['aws:RequestTag/env']
    })
  })

  it('refuses a condition compared with a policy variable, and too many combinations', () => {
    const variable = decide([
      policy({
        ...allowInvoke,
        Condition: { StringEquals: { 'aws:PrincipalTag/app': '${aws:username}' } }
      })
    ])
    expect(variable.decision).toBe('cannot-evaluate')
    expect(variable.reason).toMatch(/policy variable/)
    const many = decideInvoke(
      { policies: [policy(allowInvoke, deny({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }))] },
      { roleArn: ROLE, resource: FUNCTION, now: NOW, budget: 2 }
    )
    expect(many).toMatchObject({ decision: 'cannot-evaluate' })
    expect(many.reason).toMatch(/too many combinations/)
  })
})
