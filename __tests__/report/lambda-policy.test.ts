import { parse } from 'yaml'
import { lambdaPolicyOf, renderLambdaPolicy } from '../../src/report/lambda-policy.js'
import type { RunResult } from '../../src/report/outputs.js'

const values = {
  functionName: 'orders',
  qualifiedName: 'orders:live',
  region: 'eu-west-2',
  roleArn: 'arn:aws:iam::123456789012:role/apic-invoke-orders'
}
const run = {
  ...values,
  dryRun: false,
  functionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:orders',
  apiConnectRoleArn: 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a',
  externalId: 'ac51909e-a379-4153-a0e8-ef4a25a83405',
  verified: 'true',
  promoted: true,
  changes: [],
  checks: []
} satisfies RunResult

test("IBM's keys, in the sample's order, with the qualified name", () => {
  expect(renderLambdaPolicy(values)).toBe(
    [
      '- aws-lambda:',
      '    version: "1.0.0"',
      '    title: "invoke orders"',
      '    function_name: "orders:live"',
      '    aws_region: "eu-west-2"',
      '    aws_assume_role_arn: "arn:aws:iam::123456789012:role/apic-invoke-orders"',
      ''
    ].join('\n')
  )
})

test('no value can end its line, add a key or start a comment', () => {
  const hostile = 'x"\n    aws_region: evil # \\ \u2028\u2029\u0085\t\u0000: - [a]'
  const parsed = parse(
    renderLambdaPolicy({ ...values, functionName: hostile, qualifiedName: hostile })
  ) as [{ 'aws-lambda': Record<string, string> }]
  expect(parsed).toStrictEqual([
    {
      'aws-lambda': {
        version: '1.0.0',
        title: `invoke ${hostile}`,
        function_name: hostile,
        aws_region: 'eu-west-2',
        aws_assume_role_arn: values.roleArn
      }
    }
  ])
})

test('empty on a dry run, a failed run and a held-back alias; set otherwise', () => {
  expect(lambdaPolicyOf(run)).toBe(renderLambdaPolicy(values))
  expect(lambdaPolicyOf({ ...run, dryRun: true })).toBeUndefined()
  expect(lambdaPolicyOf({ ...run, failed: [{ step: 'x', error: 'y' }] })).toBeUndefined()
  expect(lambdaPolicyOf({ ...run, promoted: false })).toBeUndefined()
  // Without alias or publish the plain name is the one to call.
  expect(lambdaPolicyOf({ ...run, qualifiedName: undefined, promoted: undefined })).toContain(
    'function_name: "orders"'
  )
})
