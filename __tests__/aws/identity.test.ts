import { checkAccount, type Identity } from '../../src/aws/identity.js'

const identity: Identity = {
  arn: 'arn:aws:iam::123456789012:user/ci',
  accountId: '123456789012',
  partition: 'aws'
}
const apiConnect = {
  externalId: 'ac51909e-a379-4153-a0e8-ef4a25a83405',
  principalArn: 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a',
  source: 'API Connect region eu-west-a (London)'
}

describe('checkAccount', () => {
  test('passes when every account and partition agrees', () => {
    expect(() =>
      checkAccount(identity, {
        apiConnect,
        expectedAccountId: '123456789012',
        functionAccountId: '123456789012',
        functionPartition: 'aws'
      })
    ).not.toThrow()
  })

  test('names every mismatch at once and says nothing was changed', () => {
    expect(() =>
      checkAccount(identity, {
        apiConnect,
        expectedAccountId: '999999999999',
        functionAccountId: '111122223333'
      })
    ).toThrow(
      'expected-account-id: the credentials belong to account 123456789012, not 999999999999; ' +
        'function-name: the function ARN is in account 111122223333, but the credentials belong to 123456789012; nothing was changed'
    )
  })

  test("refuses IBM's commercial-partition role from another partition, naming the input that chose it", () => {
    const china = { ...identity, partition: 'aws-cn', arn: 'arn:aws-cn:iam::123456789012:user/ci' }
    expect(() => checkAccount(china, { apiConnect })).toThrow(
      /^api-connect-region: arn:aws:iam::623947394061:role\/ibm-apiconnect-eu-west-a is in partition aws, but the credentials are in aws-cn/
    )
    const explicit = {
      ...apiConnect,
      principalArn: 'arn:aws:iam::623947394061:role/x',
      source: 'api-connect-role-arn input'
    }
    expect(() => checkAccount(china, { apiConnect: explicit })).toThrow(/^api-connect-role-arn: /)
    expect(() => checkAccount(china, { apiConnect, functionPartition: 'aws' })).toThrow(
      /function-name: the function ARN is in partition aws, the credentials in aws-cn/
    )
  })
})
