// Reads every input once, validates all of them before the first AWS call, and reports every
// problem at once, each naming its input and what would be valid. Each group reads in its own file
// (function.ts, delivery.ts, role.ts, function-settings.ts, smoke.ts); the order here is the order problems
// are reported in.
import { readDelivery } from './delivery.js'
import { readSettingsInputs } from './function-settings.js'
import { readCode, readConfig, readPublish, readTarget } from './function.js'
import { quote } from './quote.js'
import { readerOf, type InputReader, type Reader } from './reader.js'
import { RESERVED_TAG_COUNT, readAcceptedPrincipals, readApiConnect, readRole } from './role.js'
import { InputError, type CodeSource, type FunctionConfig, type Settings } from './settings.js'
import { readSmokeInputs } from './smoke.js'

const NO_CODE: CodeSource = { kind: 'none' }

/**
 * Builds the settings from the action's inputs. `getInput` returns '' for an input that was not
 * set (as `core.getInput` does); `env` supplies AWS_REGION and AWS_DEFAULT_REGION.
 */
export function readSettings(
  getInput: InputReader,
  env: NodeJS.ProcessEnv = process.env
): Settings {
  const { settings, problems } = readInputs(getInput, env)
  if (problems.length > 0) throw new InputError(problems)
  return settings
}

/** Every input read and checked: the settings, and every problem found (none thrown). */
export function readInputs(
  getInput: InputReader,
  env: NodeJS.ProcessEnv = process.env
): { settings: Settings; problems: string[] } {
  const reader = readerOf(getInput, env)
  const { input, bool } = reader
  const { ref, region } = readTarget(reader)
  const { alias, publish } = readPublish(reader)
  const delivery = readDelivery(reader, alias)
  // A rollback deploys nothing: the code and the function's settings are not read (delivery.ts).
  const { code, stagingBucket } = delivery.rollback ? { code: NO_CODE } : readCode(reader)
  const config = delivery.rollback ? {} : readFunctionConfig(reader)
  const apiConnect = readApiConnect(reader, region)
  const role = readRole(reader, ref)
  const acceptedPrincipals = readAcceptedPrincipals(
    reader,
    apiConnect,
    input('api-connect-role-arn')
  )
  const checks = readChecks(reader)
  const smokeTest = readSmokeInputs(
    input('test-event'),
    input('test-expect'),
    env.GITHUB_WORKSPACE,
    reader.problem
  )
  const endpointUrl = readEndpoint(reader)

  const settings: Settings = {
    functionName: ref?.name ?? '',
    region: region ?? '',
    functionAccountId: ref?.accountId,
    functionPartition: ref?.partition,
    code,
    stagingBucket,
    config,
    publish,
    alias,
    ...delivery,
    apiConnect,
    role: { ...role, manage: bool('manage-role', true) },
    ...checks,
    acceptedPrincipals,
    validateTrustPolicy: bool('validate-trust-policy', false),
    accessAnalyzerChecks: bool('access-analyzer-checks', false),
    probeSelfAssume: bool('probe-self-assume', false),
    dryRun: bool('dry-run', false),
    smokeTest,
    endpointUrl,
    notices: reader.notices
  }
  return { settings, problems: reader.problems }
}

/** What a deploy changes on the function: only what the user named. */
function readFunctionConfig(reader: Reader): FunctionConfig {
  const config = readConfig(reader)
  return {
    runtime: config.runtime,
    handler: config.handler,
    role: config.role,
    architectures: config.architectures,
    memorySize: reader.integer('memory-size', 128, 10240),
    timeout: reader.integer('timeout', 1, 900),
    description: config.description,
    environment: config.environment,
    ...readSettingsInputs(reader.input, reader.problem, RESERVED_TAG_COUNT)
  }
}

/** `verify` and `expected-account-id`: how verification ends the step, and whose account. */
function readChecks({ input, problem }: Reader): Pick<Settings, 'verify' | 'expectedAccountId'> {
  const verify = input('verify') ?? 'fail'
  if (verify !== 'fail' && verify !== 'warn' && verify !== 'off')
    problem('verify', `${quote(verify)} must be fail, warn or off`)
  const expectedAccountId = input('expected-account-id')
  if (expectedAccountId && !/^\d{12}$/.test(expectedAccountId))
    problem('expected-account-id', `${quote(expectedAccountId)} is not a 12-digit AWS account id`)
  return { verify: verify as Settings['verify'], expectedAccountId }
}

function readEndpoint({ input, problem }: Reader): string | undefined {
  const endpointUrl = input('endpoint-url')
  if (endpointUrl && !/^https?:\/\/[^\s/]+/.test(endpointUrl))
    problem('endpoint-url', `${quote(endpointUrl)} is not an http(s) URL`)
  return endpointUrl
}
