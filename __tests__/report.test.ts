import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunResult } from '../src/report/outputs.js'
import { lambdaPolicyOf } from '../src/report/lambda-policy.js'
import { renderSummary } from '../src/report/summary.js'

const result: RunResult = {
  dryRun: false,
  functionName: 'orders',
  functionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:orders',
  region: 'eu-west-2',
  version: '3',
  aliasArn: 'arn:aws:lambda:eu-west-2:123456789012:function:orders:live',
  codeSha256: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
  roleArn: 'arn:aws:iam::123456789012:role/apic-invoke-orders',
  apiConnectRoleArn: 'arn:aws:iam::623947394061:role/ibm-apiconnect-eu-west-a',
  externalId: 'ac51909e-a379-4153-a0e8-ef4a25a83405',
  verified: 'false',
  changes: [
    { target: 'function orders', action: 'update', detail: 'code (CodeSha256 n4bQ… was 47DE…)' },
    {
      target: 'role apic-invoke-orders',
      action: 'unchanged',
      detail: 'trust | statement ApiConnectInvoke'
    }
  ],
  checks: [
    {
      name: 'API Connect can assume the role',
      expected: 'allowed',
      actual: 'allowed',
      status: 'pass',
      method: 'local evaluation of the trust policy as IAM stores it'
    },
    {
      name: 'Role may invoke arn:aws:lambda:eu-west-2:123456789012:function:orders:live',
      expected: 'allowed',
      actual: 'implicit-deny',
      status: 'fail',
      method: 'iam:SimulatePrincipalPolicy'
    },
    {
      name: 'The runner itself cannot assume the role',
      expected: 'denied',
      actual: 'not checked (Throttling: Rate exceeded)',
      status: 'not-checked',
      method: 'sts:AssumeRole as the runner'
    }
  ]
}

test('the job summary renders as the stored example', () => {
  const expected = readFileSync(
    join(import.meta.dirname, '..', '__fixtures__', 'summary.md'),
    'utf8'
  )
  expect(renderSummary({ ...result, lambdaPolicy: lambdaPolicyOf(result) })).toBe(expected)
})

test('a dry run says nothing was written; no changes and verification off say so', () => {
  const text = renderSummary({
    ...result,
    dryRun: true,
    changes: [],
    checks: [],
    verified: 'skipped'
  })
  expect(text).toContain('## API Connect → Lambda: orders (verification skipped, dry run)')
  expect(text).toContain('### Planned changes (nothing was written)\n\nNone.')
  expect(text).toContain('Verification is off.')
})

test('a failed run: the title says so, and a table names each failed step and its error', () => {
  const text = renderSummary({
    ...result,
    verified: 'false',
    failed: [
      {
        step: 'lambda:PublishVersion on function orders',
        error: 'AccessDeniedException: no | way'
      },
      { step: 'iam:PutRolePolicy on role apic-invoke-orders', error: 'AccessDenied' }
    ]
  })
  expect(text).toMatch(/^## API Connect → Lambda: orders \(failed ❌\)/)
  expect(text).toContain(
    '### Failed\n\n| step | error |\n| --- | --- |\n| `lambda:PublishVersion on function orders` | AccessDeniedException: no \\| way |\n| `iam:PutRolePolicy on role apic-invoke-orders` | AccessDenied |'
  )
  expect(renderSummary(result)).not.toContain('### Failed')
})
