// The inputs of the settings the official deploy action offers: each accepted in its documented
// forms, and each malformed value refused with a problem that names the input.
import { readSettingsInputs } from '../../src/inputs/function-settings.js'

const ACCOUNT = '123456789012'
const LAYER = `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:deps:3`

function read(inputs: Record<string, string>) {
  const problems: string[] = []
  const settings = readSettingsInputs(
    name => inputs[name]?.trim() || undefined,
    (name, message) => {
      problems.push(`${name}: ${message}`)
      return undefined
    },
    3
  )
  return { settings, problems }
}

describe('readSettingsInputs', () => {
  test('no input given: nothing is named', () => {
    const { settings, problems } = read({})
    expect(problems).toEqual([])
    expect(settings).toEqual({
      environmentMode: undefined,
      more: undefined,
      tags: undefined,
      removeTags: undefined,
      codeSigningConfigArn: undefined,
      sourceKmsKeyArn: undefined
    })
  })

  test('layers as lines or as a JSON array, [] to remove them all', () => {
    expect(read({ layers: `${LAYER}\n\n  ${LAYER.replace(':3', ':4')}  ` }).settings.more).toEqual({
      Layers: [LAYER, LAYER.replace(':3', ':4')]
    })
    expect(read({ layers: JSON.stringify([LAYER]) }).settings.more?.Layers).toEqual([LAYER])
    expect(read({ layers: '[]' }).settings.more?.Layers).toEqual([])
  })

  test.each([
    [{ layers: 'deps:3' }, 'layers: "deps:3": not a layer version ARN'],
    [
      { layers: Array.from({ length: 6 }, (_, i) => `${LAYER}${i}`).join('\n') },
      'layers: at most 5'
    ],
    [{ layers: `${LAYER}\n${LAYER}` }, 'layers: a layer is named twice'],
    [{ layers: '[1]' }, 'layers: the list must be a JSON array of strings'],
    [
      { 'vpc-config': '{"SubnetIds": ["subnet-0a1b2c3d"]}' },
      'vpc-config: needs SubnetIds and SecurityGroupIds both'
    ],
    [
      { 'vpc-config': '{"SubnetIds": ["net-1"], "SecurityGroupIds": ["sg-0a1b2c3d"]}' },
      'vpc-config: "net-1": not a subnet-'
    ],
    [{ 'vpc-config': '{"Subnets": []}' }, 'vpc-config: Subnets: not a member'],
    [
      {
        'vpc-config': '{"SubnetIds": [], "SecurityGroupIds": [], "Ipv6AllowedForDualStack": "yes"}'
      },
      'vpc-config: Ipv6AllowedForDualStack must be true or false'
    ],
    [{ 'vpc-config': 'subnet-1' }, 'vpc-config: is not valid JSON'],
    [
      { 'dead-letter-config': 'my-queue' },
      'dead-letter-config: must be an SQS queue or SNS topic ARN'
    ],
    [{ 'kms-key-arn': 'alias/x' }, 'kms-key-arn: "alias/x" is not a KMS key ARN'],
    [{ 'tracing-config': 'On' }, 'tracing-config: must be Active or PassThrough'],
    [{ 'tracing-config': '{"Mode": "On"}' }, 'tracing-config: must be Active or PassThrough'],
    [
      { 'file-system-configs': '[{"Arn": "efs", "LocalMountPath": "/mnt/x"}]' },
      'file-system-configs: must be a JSON array of'
    ],
    [
      { 'image-config': '{"Command": "run"}' },
      'image-config: Command must be a JSON array of strings'
    ],
    [
      { 'ephemeral-storage': '256' },
      'ephemeral-storage: "256" must be a whole number of MB from 512 to 10240'
    ],
    [{ 'snap-start': 'Always' }, 'snap-start: must be PublishedVersions or None'],
    [
      { 'logging-config': '{"ApplicationLogLevel": "INFO"}' },
      'logging-config: log levels need "LogFormat": "JSON"'
    ],
    [
      { 'logging-config': '{"LogFormat": "XML"}' },
      'logging-config: LogFormat must be JSON or Text'
    ],
    [
      { 'code-signing-config-arn': 'csc-1' },
      'code-signing-config-arn: "csc-1" is not a code-signing config ARN'
    ],
    [{ tags: 'aws:owner=me' }, 'tags: key "aws:owner"'],
    [{ tags: 'team=a', 'remove-tags': 'team' }, 'remove-tags: "team" also set in tags'],
    [{ 'environment-mode': 'append' }, 'environment-mode: "append" must be replace or merge'],
    // An empty object sets nothing: refused rather than silently ignored.
    [{ 'tracing-config': '{}' }, 'tracing-config: {} sets nothing: give {"Mode": …}'],
    [{ 'snap-start': '{}' }, 'snap-start: {} sets nothing: give {"ApplyOn": …}'],
    [{ 'ephemeral-storage': '{}' }, 'ephemeral-storage: {} sets nothing: give {"Size": …}'],
    [{ 'dead-letter-config': '{}' }, 'dead-letter-config: {} sets nothing: give {"TargetArn": …}'],
    // Member types are checked, not coerced: a number is no log group name.
    [
      { 'logging-config': '{"LogGroup": 5}' },
      'logging-config: LogGroup must be a CloudWatch log group name'
    ],
    [
      { 'remove-tags': 'team\naws:cloudformation:stack-name' },
      'remove-tags: "aws:cloudformation:stack-name": keys starting with aws: are AWS\'s own'
    ]
  ])('%j is refused', (inputs, message) => {
    const { problems } = read(inputs)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(message)
  })

  test('the official action’s JSON shapes and the short forms read the same', () => {
    const long = read({
      'tracing-config': '{"Mode": "Active"}',
      'snap-start': '{"ApplyOn": "PublishedVersions"}',
      'ephemeral-storage': '{"Size": 2048}',
      'dead-letter-config': `{"TargetArn": "arn:aws:sqs:us-east-1:${ACCOUNT}:dlq"}`
    })
    const short = read({
      'tracing-config': 'Active',
      'snap-start': 'PublishedVersions',
      'ephemeral-storage': '2048',
      'dead-letter-config': `arn:aws:sqs:us-east-1:${ACCOUNT}:dlq`
    })
    expect(long.problems).toEqual([])
    expect(long.settings).toEqual(short.settings)
    expect(short.settings.more).toEqual({
      TracingConfig: { Mode: 'Active' },
      SnapStart: { ApplyOn: 'PublishedVersions' },
      EphemeralStorage: { Size: 2048 },
      DeadLetterConfig: { TargetArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:dlq` }
    })
  })

  test('vpc-config with IPv6 dual-stack, tags and remove-tags', () => {
    const { settings, problems } = read({
      'vpc-config':
        '{"SubnetIds": ["subnet-0a1b2c3d"], "SecurityGroupIds": ["sg-0a1b2c3d"], "Ipv6AllowedForDualStack": true}',
      tags: '{"team": "payments"}',
      'remove-tags': '["old"]',
      'environment-mode': 'merge'
    })
    expect(problems).toEqual([])
    expect(settings).toMatchObject({
      more: {
        VpcConfig: {
          SubnetIds: ['subnet-0a1b2c3d'],
          SecurityGroupIds: ['sg-0a1b2c3d'],
          Ipv6AllowedForDualStack: true
        }
      },
      tags: { team: 'payments' },
      removeTags: ['old'],
      environmentMode: 'merge'
    })
  })
})
