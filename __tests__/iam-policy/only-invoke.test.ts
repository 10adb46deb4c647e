// "The role can do nothing but invoke" (src/iam-policy/only-invoke.ts): what passes, what fails and
// names the statement and its actions, and what stays undecided.
import {
  canOnlyInvoke,
  type NamedPolicy,
  type PolicyStatement
} from '../../src/iam-policy/index.js'

const FN = 'arn:aws:lambda:us-east-1:111122223333:function'
const named = (name: string, ...Statement: PolicyStatement[]): NamedPolicy => ({
  name,
  document: { Version: '2012-10-17', Statement }
})
const grant = (fn: string) =>
  named(`invoke-${fn}`, {
    Sid: 'ApiConnectInvokeFunction',
    Effect: 'Allow',
    Action: 'lambda:InvokeFunction',
    Resource: [`${FN}:${fn}`, `${FN}:${fn}:*`]
  })
const ADMIN = named('arn:aws:iam::aws:policy/AdministratorAccess', {
  Effect: 'Allow',
  Action: '*',
  Resource: '*'
})

describe('canOnlyInvoke', () => {
  it('passes a shared role with grants for several functions, and invoke on any function', () => {
    const any = named('any', { Effect: 'Allow', Action: 'lambda:InvokeAsync', Resource: '*' })
    expect(canOnlyInvoke({ policies: [grant('orders'), grant('billing'), any] })).toEqual({
      decision: 'only-invoke',
      beyond: [],
      undecided: []
    })
  })

  it('fails AdministratorAccess and s3:* and lists each statement with what it allows', () => {
    const s3 = named('extra', { Sid: 'S3', Effect: 'Allow', Action: ['s3:*'], Resource: '*' })
    const analysis = canOnlyInvoke({ policies: [grant('orders'), ADMIN, s3] })
    expect(analysis.decision).toBe('more')
    expect(analysis.beyond).toEqual([
      {
        statement: 'arn:aws:iam::aws:policy/AdministratorAccess: Statement[0]',
        actions: ['*'],
        conditional: false
      },
      { statement: 'extra: S3', actions: ['s3:*'], conditional: false }
    ])
  })

  it.each([
    ['lambda:*', { Action: 'lambda:*' }, ['lambda:*']],
    [
      'an invoke pattern that also matches other names',
      { Action: 'lambda:Invoke*' },
      ['lambda:Invoke*']
    ],
    ['a NotAction grant', { NotAction: 'iam:*' }, ['NotAction: iam:*']],
    [
      'one other action next to invoke',
      { Action: ['lambda:InvokeFunction', 'lambda:GetFunction'] },
      ['lambda:GetFunction']
    ]
  ])('fails %s', (_, element, actions) => {
    const analysis = canOnlyInvoke({
      policies: [named('p', { Effect: 'Allow', Resource: `${FN}:orders`, ...element })]
    })
    expect(analysis).toMatchObject({
      decision: 'more',
      beyond: [{ statement: 'p: Statement[0]', actions }]
    })
  })

  it('counts a condition as possibly true: a conditional grant fails, a conditional Deny takes nothing away', () => {
    const conditional = named('c', {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }
    })
    expect(canOnlyInvoke({ policies: [conditional] }).beyond).toEqual([
      { statement: 'c: Statement[0]', actions: ['s3:GetObject'], conditional: true }
    ])
    const guarded = named(
      'g',
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        NotAction: 'lambda:InvokeFunction',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }
      }
    )
    expect(canOnlyInvoke({ policies: [guarded] }).decision).toBe('more')
  })

  it('lets an unconditional Deny and the permissions boundary limit what the policies allow', () => {
    const denied = named(
      'd',
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        NotAction: ['lambda:InvokeFunction', 'lambda:InvokeAsync', 'lambda:InvokeFunctionUrl'],
        Resource: '*'
      }
    )
    expect(canOnlyInvoke({ policies: [denied] }).decision).toBe('only-invoke')
    const boundary = named('b', { Effect: 'Allow', Action: 'lambda:Invoke*', Resource: `${FN}:*` })
    expect(canOnlyInvoke({ policies: [ADMIN], boundary }).decision).toBe('more')
    const exact = named('b', { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' })
    expect(canOnlyInvoke({ policies: [ADMIN], boundary: exact }).decision).toBe('only-invoke')
  })

  it('weighs resources: a Deny on some resources leaves the others allowed', () => {
    const partial = named(
      'p',
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::secrets/*'
      }
    )
    expect(canOnlyInvoke({ policies: [partial] }).decision).toBe('more')
    const disjoint = named('q', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::a/*' })
    const limit = named('b', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:lambda:*' })
    expect(canOnlyInvoke({ policies: [disjoint], boundary: limit }).decision).toBe('only-invoke')
  })

  it('is undecided, never passed, on what it cannot read', () => {
    const bad = named('bad', { Effect: 'Allow', Action: 'InvokeFunction', Resource: '*' })
    expect(canOnlyInvoke({ policies: [bad] })).toMatchObject({
      decision: 'cannot-evaluate',
      undecided: ['bad: Statement[0]: Action "InvokeFunction" is not service:action']
    })
    const notAPolicy = { name: 'x', document: { Version: '2012-10-17' } } as unknown as NamedPolicy
    expect(canOnlyInvoke({ policies: [notAPolicy] }).decision).toBe('cannot-evaluate')
    expect(canOnlyInvoke({ policies: [ADMIN] }, { budget: 1 }).decision).toBe('cannot-evaluate')
  })
})
