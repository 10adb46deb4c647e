// The emulator's policy evaluator, as pure functions: the rules AssumeRole, CreateFunction's role
// check and SimulatePrincipalPolicy rely on.
import {
  type AccessRequest,
  type Statement,
  evaluate,
  wildcardMatch
} from '../../emulator/iam/evaluation.js'

const USER = 'arn:aws:iam::123456789012:user/ci'
const request = (overrides: Partial<AccessRequest> = {}): AccessRequest => ({
  principal: { kind: 'AWS', account: '123456789012', arns: [USER] },
  action: 'sts:AssumeRole',
  resource: 'arn:aws:iam::123456789012:role/r',
  context: {},
  ...overrides
})
const decide = (statements: Statement[], req = request()) =>
  evaluate(
    statements.map(statement => ({ statement })),
    req
  ).decision
const allow = (extra: Partial<Statement> = {}): Statement => ({
  Effect: 'Allow',
  Principal: { AWS: USER },
  Action: 'sts:AssumeRole',
  ...extra
})

describe('wildcardMatch', () => {
  test.each([
    ['lambda:*', 'lambda:InvokeFunction', true],
    ['lambda:Invoke?unction', 'lambda:InvokeFunction', true],
    ['lambda:Invoke?', 'lambda:InvokeFunction', false],
    ['arn:aws:lambda:*:*:function:orders', 'arn:aws:lambda:us-east-1:1:function:orders', true],
    ['a.b', 'aXb', false],
    ['(x)+', '(x)+', true]
  ])('%s ~ %s is %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected)
  })

  test('case-insensitive only when asked (actions), case-sensitive for resources', () => {
    expect(wildcardMatch('LAMBDA:invoke*', 'lambda:InvokeFunction', true)).toBe(true)
    expect(wildcardMatch('LAMBDA:invoke*', 'lambda:InvokeFunction')).toBe(false)
  })
})

describe('principals', () => {
  test.each([
    ['*', true],
    [{ AWS: '*' }, true],
    [{ AWS: USER }, true],
    [{ AWS: ['arn:aws:iam::123456789012:user/other', USER] }, true],
    [{ AWS: '123456789012' }, true],
    [{ AWS: 'arn:aws:iam::123456789012:root' }, true],
    [{ AWS: 'arn:aws:iam::999999999999:root' }, false],
    [{ Service: 'lambda.amazonaws.com' }, false]
  ])('Principal %j matches the user: %s', (principal, expected) => {
    expect(decide([allow({ Principal: principal })])).toBe(expected ? 'allowed' : 'implicitDeny')
  })

  test('a role ARN matches sessions of that role', () => {
    const role = 'arn:aws:iam::1:role/r'
    const session = request({
      principal: { kind: 'AWS', account: '1', arns: ['arn:aws:sts::1:assumed-role/r/s', role] }
    })
    expect(decide([allow({ Principal: { AWS: role } })], session)).toBe('allowed')
  })

  test('NotPrincipal applies to everyone but the named principal', () => {
    const deny: Statement = { Effect: 'Deny', NotPrincipal: { AWS: USER }, Action: '*' }
    const statements = [allow({ Principal: '*' }), deny]
    expect(decide(statements)).toBe('allowed')
    const other = request({
      principal: { kind: 'AWS', account: '1', arns: ['arn:aws:iam::1:user/x'] }
    })
    expect(decide(statements, other)).toBe('explicitDeny')
  })

  test('a trust statement without any principal element applies to nobody', () => {
    expect(decide([{ Effect: 'Allow', Action: '*' }])).toBe('implicitDeny')
  })
})

describe('actions and resources', () => {
  test('NotAction and NotResource', () => {
    const identity = request({
      principal: undefined,
      action: 'lambda:InvokeFunction',
      resource: 'arn:x:fn'
    })
    expect(decide([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }], identity)).toBe(
      'allowed'
    )
    expect(decide([{ Effect: 'Allow', NotAction: 'lambda:*', Resource: '*' }], identity)).toBe(
      'implicitDeny'
    )
    expect(decide([{ Effect: 'Allow', Action: '*', NotResource: 'arn:x:*' }], identity)).toBe(
      'implicitDeny'
    )
    expect(decide([{ Effect: 'Allow', Action: '*', NotResource: 'arn:y:*' }], identity)).toBe(
      'allowed'
    )
  })

  test('a statement with neither Action nor NotAction matches nothing', () => {
    expect(decide([{ Effect: 'Allow', Principal: '*' }])).toBe('implicitDeny')
  })
})

describe('conditions', () => {
  const withCondition = (condition: Statement['Condition'], context: AccessRequest['context']) =>
    decide([allow({ Condition: condition })], request({ context }))

  test('keys are case-insensitive; values are OR-ed; operators and keys are AND-ed', () => {
    const condition = {
      StringEquals: { 'sts:ExternalId': ['a', 'b'] },
      StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/*' }
    }
    expect(withCondition(condition, { 'STS:EXTERNALID': 'b', 'aws:PrincipalArn': USER })).toBe(
      'allowed'
    )
    expect(withCondition(condition, { 'sts:ExternalId': 'c', 'aws:PrincipalArn': USER })).toBe(
      'implicitDeny'
    )
    expect(withCondition(condition, { 'sts:ExternalId': 'a' })).toBe('implicitDeny')
  })

  test.each([
    ['StringEquals', 'abc', 'abc', true],
    ['StringEquals', 'abc', 'ABC', false],
    ['StringEqualsIgnoreCase', 'abc', 'ABC', true],
    ['StringNotEquals', 'abc', 'abd', true],
    ['StringNotEquals', 'abc', 'abc', false],
    ['StringLike', 'ab*', 'abc', true],
    ['StringNotLike', 'ab*', 'abc', false],
    ['ArnLike', 'arn:aws:iam::*:role/*', 'arn:aws:iam::1:role/x', true],
    ['Bool', 'true', 'TRUE', true],
    ['Bool', 'true', 'false', false]
  ])('%s %s vs %s: %s', (operator, expected, actual, result) => {
    expect(withCondition({ [operator]: { k: expected } }, { k: actual })).toBe(
      result ? 'allowed' : 'implicitDeny'
    )
  })

  test('a missing key: positive operators fail, negated ones and IfExists hold, Null tells', () => {
    expect(withCondition({ StringEquals: { k: 'x' } }, {})).toBe('implicitDeny')
    expect(withCondition({ StringNotEquals: { k: 'x' } }, {})).toBe('allowed')
    expect(withCondition({ StringEqualsIfExists: { k: 'x' } }, {})).toBe('allowed')
    expect(withCondition({ StringEqualsIfExists: { k: 'x' } }, { k: 'y' })).toBe('implicitDeny')
    expect(withCondition({ Null: { k: 'true' } }, {})).toBe('allowed')
    expect(withCondition({ Null: { k: 'false' } }, {})).toBe('implicitDeny')
    expect(withCondition({ Null: { k: 'false' } }, { k: 'v' })).toBe('allowed')
  })

  test('ForAnyValue and ForAllValues over multi-valued keys', () => {
    const tags = { 'aws:TagKeys': ['team', 'cost'] }
    expect(withCondition({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }, tags)).toBe(
      'allowed'
    )
    expect(withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } }, tags)).toBe(
      'implicitDeny'
    )
    expect(
      withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } }, tags)
    ).toBe('allowed')
    expect(withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } }, {})).toBe(
      'allowed'
    )
  })

  test('Numeric operators compare numbers; a value that is not one never matches', () => {
    expect(withCondition({ NumericLessThan: { k: '5' } }, { k: '1' })).toBe('allowed')
    expect(withCondition({ NumericLessThan: { k: '5' } }, { k: '5' })).toBe('implicitDeny')
    expect(withCondition({ NumericLessThanEquals: { k: '5' } }, { k: '5' })).toBe('allowed')
    expect(withCondition({ NumericGreaterThan: { k: 5 } }, { k: '10' })).toBe('allowed')
    expect(withCondition({ NumericEquals: { k: '10' } }, { k: '10.0' })).toBe('allowed')
    expect(withCondition({ NumericNotEquals: { k: '10' } }, { k: '11' })).toBe('allowed')
    expect(withCondition({ NumericLessThan: { k: '5' } }, { k: 'five' })).toBe('implicitDeny')
    expect(withCondition({ NumericLessThan: { k: '5' } }, {})).toBe('implicitDeny')
    expect(withCondition({ NumericLessThanIfExists: { k: '5' } }, {})).toBe('allowed')
  })

  test('Date operators compare ISO 8601 dates and epoch seconds alike', () => {
    const now = { 'aws:CurrentTime': '2026-11-26T01:00:00Z', 'aws:EpochTime': '1795654800' }
    expect(
      withCondition({ DateLessThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' } }, now)
    ).toBe('allowed')
    expect(
      withCondition({ DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, now)
    ).toBe('implicitDeny')
    expect(withCondition({ DateGreaterThan: { 'aws:CurrentTime': '1577836800' } }, now)).toBe(
      'allowed'
    )
    expect(withCondition({ DateLessThan: { 'aws:EpochTime': '2099-01-01T00:00:00Z' } }, now)).toBe(
      'allowed'
    )
    expect(withCondition({ DateEquals: { 'aws:EpochTime': '2026-11-26T01:00:00Z' } }, now)).toBe(
      'allowed'
    )
    expect(withCondition({ DateLessThan: { 'aws:CurrentTime': 'not a date' } }, now)).toBe(
      'implicitDeny'
    )
  })

  test('an unknown operator never allows and always denies', () => {
    expect(withCondition({ BinaryEquals: { k: 'NQ==' } }, { k: 'NQ==' })).toBe('implicitDeny')
    const deny: Statement = {
      Effect: 'Deny',
      Principal: '*',
      Action: '*',
      Condition: { BinaryEquals: { k: 'eA==' } }
    }
    expect(decide([allow(), deny])).toBe('explicitDeny')
  })
})
