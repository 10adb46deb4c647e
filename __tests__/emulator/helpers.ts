// Shared setup for the emulator's tests: real SDK clients pointed at the emulator on loopback,
// with static fake credentials so the SDK never looks for real ones.
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer'
import { IAMClient } from '@aws-sdk/client-iam'
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import { zipSync, strToU8 } from 'fflate'

import { ACCOUNT, IBM_US_EAST, ORG as ORG_ID } from '../../harness/constants.js'
import { apiConnectStatement, policy } from '../support/documents.js'

export { ACCOUNT, IBM_US_EAST, ORG as ORG_ID } from '../../harness/constants.js'
export const CREDENTIALS = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }

export interface ClientOptions {
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  maxAttempts?: number
  region?: string
}

export function clients(url: string, options: ClientOptions = {}) {
  const config = {
    endpoint: url,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? CREDENTIALS,
    maxAttempts: options.maxAttempts
  }
  return {
    iam: new IAMClient(config),
    sts: new STSClient(config),
    lambda: new LambdaClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true }),
    accessAnalyzer: new AccessAnalyzerClient(config)
  }
}

export const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }
  ]
})

/** The trust API Connect needs: IBM's regional role, only with the provider org id. */
export function apiConnectTrust(principal = IBM_US_EAST, externalId = ORG_ID): string {
  return JSON.stringify(policy(apiConnectStatement(principal, externalId, 'ApiConnect')))
}

export function zipOf(files: Record<string, string>): Uint8Array {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [
      name,
      [strToU8(text), { mtime: new Date(2020, 0, 1) }]
    ])
  )
  return zipSync(entries as Parameters<typeof zipSync>[0])
}

/** What the SDK throws, with the fields the tests read. */
export type AwsError = Error & {
  $metadata: { httpStatusCode?: number; attempts?: number }
  code?: string
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise
  } catch (error) {
    return error as AwsError
  }
  throw new Error('expected the call to fail, but it succeeded')
}

/** Calls `probe` until it returns something other than undefined, for at most `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 5000,
  intervalMs = 25
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`not settled within ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, intervalMs))
  }
}

/** Creates function `orders` (zip) with the `exec` role. */
export const createOrders = (lambda: LambdaClient, zip: Uint8Array) =>
  lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'orders',
      Role: `arn:aws:iam::${ACCOUNT}:role/exec`,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Code: { ZipFile: zip }
    })
  )
