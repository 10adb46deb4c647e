// Every AWS client is built here, once: region, endpoint, retries and user agent in one place.
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer'
import { IAMClient } from '@aws-sdk/client-iam'
import { LambdaClient } from '@aws-sdk/client-lambda'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import { sayWhere } from './where.js'
import packageJson from '../../package.json' with { type: 'json' }

export interface AwsClients {
  sts: STSClient
  iam: IAMClient
  /**
   * IAM without the SDK's retries, for calls the action retries itself (SimulatePrincipalPolicy);
   * optional so that a context built by hand (a unit test) falls back to `iam`.
   */
  iamOnce?: IAMClient
  lambda: LambdaClient
  s3: S3Client
  accessAnalyzer: AccessAnalyzerClient
}

// Bundled from package.json, so the user agent names the released version.
export const USER_AGENT: [string, string] = [packageJson.name, packageJson.version]

export function createClients(
  region: string,
  endpointUrl: string | undefined,
  maxAttempts: number
): AwsClients {
  const config = {
    region,
    maxAttempts,
    customUserAgent: [USER_AGENT],
    ...(endpointUrl ? { endpoint: endpointUrl } : {})
  }
  const clients = {
    sts: new STSClient(config),
    iam: new IAMClient(config),
    iamOnce: new IAMClient({ ...config, maxAttempts: 1 }),
    lambda: new LambdaClient(config),
    accessAnalyzer: new AccessAnalyzerClient(config),
    // Emulators (and LocalStack) serve buckets by path, not by virtual host.
    s3: new S3Client({
      ...config,
      forcePathStyle: Boolean(endpointUrl || process.env.AWS_ENDPOINT_URL)
    })
  }
  sayWhere(clients.sts, 'sts')
  sayWhere(clients.iam, 'iam')
  sayWhere(clients.iamOnce, 'iam')
  sayWhere(clients.lambda, 'lambda')
  sayWhere(clients.s3, 's3')
  sayWhere(clients.accessAnalyzer, 'access-analyzer')
  return clients
}
