// Every AWS client is built here, once: region, endpoint, retries and user agent in one place. S3,
// Access Analyzer and CloudWatch are loaded only by a run that calls them (s3Of, accessAnalyzerOf,
// cloudWatchOf): most runs never do, and their SDK packages cost ~45 ms of start-up.
import type { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { IAMClient } from '@aws-sdk/client-iam'
import { LambdaClient } from '@aws-sdk/client-lambda'
import type { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import { sayWhere } from './where.js'
import packageJson from '../../package.json' with { type: 'json' }

export interface AwsClients {
  sts: STSClient
  iam: IAMClient
  /** IAM without the SDK's retries, for calls the action retries itself (SimulatePrincipalPolicy). */
  iamOnce: IAMClient
  lambda: LambdaClient
  /** Lambda without the SDK's retries, for the smoke test's Invoke: a retry could run the handler twice. */
  lambdaOnce: LambdaClient
  /** Built on first use: most runs never call S3, Access Analyzer or CloudWatch. */
  lazy: {
    s3(): Promise<S3Client>
    accessAnalyzer(): Promise<AccessAnalyzerClient>
    cloudWatch(): Promise<CloudWatchClient>
  }
}

export const s3Of = (clients: AwsClients): Promise<S3Client> => clients.lazy.s3()

export const cloudWatchOf = (clients: AwsClients): Promise<CloudWatchClient> =>
  clients.lazy.cloudWatch()

export const accessAnalyzerOf = (clients: AwsClients): Promise<AccessAnalyzerClient> =>
  clients.lazy.accessAnalyzer()

// Bundled from package.json, so the user agent names the released version.
const USER_AGENT: [string, string] = [packageJson.name, packageJson.version]

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
  let s3: Promise<S3Client> | undefined
  let accessAnalyzer: Promise<AccessAnalyzerClient> | undefined
  let cloudWatch: Promise<CloudWatchClient> | undefined
  const iam = new IAMClient(config)
  const lambda = new LambdaClient(config)
  return {
    sts: sayWhere(new STSClient(config), 'sts'),
    iam: sayWhere(iam, 'iam'),
    // Its own retries, IAM's connections: a client of its own would open (on AWS: handshake) another.
    iamOnce: sayWhere(
      new IAMClient({ ...config, maxAttempts: 1, requestHandler: iam.config.requestHandler }),
      'iam'
    ),
    lambda: sayWhere(lambda, 'lambda'),
    lambdaOnce: sayWhere(
      new LambdaClient({ ...config, maxAttempts: 1, requestHandler: lambda.config.requestHandler }),
      'lambda'
    ),
    lazy: {
      s3: () =>
        (s3 ??= import('@aws-sdk/client-s3').then(({ S3Client }) =>
          // Emulators (and LocalStack) serve buckets by path, not by virtual host.
          sayWhere(
            new S3Client({
              ...config,
              forcePathStyle: Boolean(endpointUrl || process.env.AWS_ENDPOINT_URL)
            }),
            's3'
          )
        )),
      accessAnalyzer: () =>
        (accessAnalyzer ??= import('@aws-sdk/client-accessanalyzer').then(
          ({ AccessAnalyzerClient }) =>
            sayWhere(new AccessAnalyzerClient(config), 'access-analyzer')
        )),
      cloudWatch: () =>
        (cloudWatch ??= import('@aws-sdk/client-cloudwatch').then(({ CloudWatchClient }) =>
          sayWhere(new CloudWatchClient(config), 'cloudwatch')
        ))
    }
  }
}
