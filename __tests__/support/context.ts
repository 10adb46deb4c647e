// The one typed way a unit test builds a RunContext: every member required, as production has it.
// Clients a test does not give point at a closed loopback port (never called); settings default to
// what readSettings makes of a minimal set of inputs.
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { IAMClient } from '@aws-sdk/client-iam'
import { LambdaClient } from '@aws-sdk/client-lambda'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import type { AwsClients } from '../../src/aws/clients.js'
import type { RunContext } from '../../src/context.js'
import { readSettings } from '../../src/inputs/read.js'
import { changeLine } from '../../src/report/words.js'
import { log } from '../../src/runner/log.js'
import { DEFAULT_TIMING } from '../../src/timing.js'
import { ACCOUNT, ORG } from '../../harness/constants.js'

export const LOOPBACK = {
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }
}

/** The clients a test gives, as such; S3, Access Analyzer and CloudWatch are handed out as a run's lazy ones. */
export interface TestClients {
  sts?: STSClient
  iam?: IAMClient
  /** Defaults to `iam`, so that one mock sees every IAM call. */
  iamOnce?: IAMClient
  lambda?: LambdaClient
  /** Defaults to `lambda`. */
  lambdaOnce?: LambdaClient
  s3?: S3Client
  accessAnalyzer?: AccessAnalyzerClient
  cloudWatch?: CloudWatchClient
}

export function testClients(given: TestClients = {}): AwsClients {
  const iam = given.iam ?? new IAMClient(LOOPBACK)
  const lambda = given.lambda ?? new LambdaClient(LOOPBACK)
  const s3 = given.s3 ?? new S3Client({ ...LOOPBACK, forcePathStyle: true })
  const accessAnalyzer = given.accessAnalyzer ?? new AccessAnalyzerClient(LOOPBACK)
  const cloudWatch = given.cloudWatch ?? new CloudWatchClient(LOOPBACK)
  return {
    sts: given.sts ?? new STSClient(LOOPBACK),
    iam,
    iamOnce: given.iamOnce ?? iam,
    lambda,
    lambdaOnce: given.lambdaOnce ?? lambda,
    lazy: {
      s3: async () => s3,
      accessAnalyzer: async () => accessAnalyzer,
      cloudWatch: async () => cloudWatch
    }
  }
}

export type TestContext = Partial<Omit<RunContext, 'clients'>> & { clients?: TestClients }

export function testContext({ clients, ...given }: TestContext = {}): RunContext {
  const settings =
    given.settings ??
    readSettings(name => ({ 'function-name': 'orders', 'provider-org-id': ORG })[name] ?? '', {
      AWS_REGION: 'us-east-1'
    })
  return {
    settings,
    clients: testClients(clients),
    identity: { accountId: ACCOUNT, partition: 'aws', arn: `arn:aws:iam::${ACCOUNT}:user/ci` },
    provenance: { repository: 'acme/orders', commit: 'abcdef0', runUrl: 'https://x/runs/1' },
    timing: DEFAULT_TIMING,
    log,
    wordChange: changeLine,
    ...given,
    functionArn:
      given.functionArn ??
      `arn:aws:lambda:${settings.region}:${ACCOUNT}:function:${settings.functionName}`,
    roleArn: given.roleArn ?? `arn:aws:iam::${ACCOUNT}:role/${settings.role.name}`
  }
}
