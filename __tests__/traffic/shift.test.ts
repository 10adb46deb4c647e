// The narrow error paths of a traffic shift, with the SDK mocked: another deploy's move during the
// shift, alarms that become unreadable, a rollback that fails too, and Lambda refusing the weight.
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { GetAliasCommand, LambdaClient, UpdateAliasCommand } from '@aws-sdk/client-lambda'
import { mockClient } from 'aws-sdk-client-mock'
import { readSettings } from '../../src/inputs/read.js'
import { shiftTraffic } from '../../src/traffic/shift.js'
import { ORG } from '../../harness/constants.js'
import { captureCoreOutput } from '../support/core-output.js'
import { testContext } from '../support/context.js'

const output = captureCoreOutput()
const lambda = mockClient(LambdaClient)
const cloudWatch = mockClient(CloudWatchClient)
beforeEach(() => {
  lambda.reset()
  cloudWatch.reset()
})

const awsError = (name: string, message = name) => Object.assign(new Error(message), { name })
const ok = { MetricAlarms: [{ AlarmName: 'errors', StateValue: 'OK' as const }] }

function context(alarms = 'errors') {
  const inputs: Record<string, string> = {
    'function-name': 'orders',
    'provider-org-id': ORG,
    alias: 'live',
    'traffic-shift': 'canary 10% 2s',
    alarms
  }
  const settings = readSettings(name => inputs[name] ?? '', { AWS_REGION: 'us-east-1' })
  return testContext({
    settings,
    clients: { lambda: new LambdaClient({}), cloudWatch: new CloudWatchClient({}) }
  })
}
const shift = {
  at: { name: 'live', action: 'update' as const, revisionId: 'r0' },
  from: '3',
  to: '4',
  steps: [
    { weight: 0.1, bakeMs: 2000 },
    { weight: 1, bakeMs: 0 }
  ]
}
const moves = () =>
  lambda.commandCalls(UpdateAliasCommand).map(c => {
    const { FunctionVersion, RoutingConfig, RevisionId } = c.args[0].input
    return [FunctionVersion, RoutingConfig?.AdditionalVersionWeights, RevisionId]
  })

describe('shiftTraffic', () => {
  it('moves from the RevisionId of its own last move, each time', async () => {
    cloudWatch.on(DescribeAlarmsCommand).resolves(ok)
    lambda.on(UpdateAliasCommand).resolvesOnce({ RevisionId: 'r1' }).resolves({ RevisionId: 'r2' })
    const { record } = await shiftTraffic(context(), shift)
    expect(record.outcome).toBe('promoted')
    expect(moves()).toEqual([
      ['3', { '4': 0.1 }, 'r0'],
      ['4', {}, 'r1']
    ])
  })

  it('leaves an alias another deploy moved during the shift where that deploy put it', async () => {
    cloudWatch.on(DescribeAlarmsCommand).resolves(ok)
    lambda
      .on(UpdateAliasCommand)
      .resolvesOnce({ RevisionId: 'r1' })
      .rejects(awsError('PreconditionFailedException'))
    const { record } = await shiftTraffic(context(), shift)
    expect(record).toMatchObject({
      outcome: 'held',
      stop: { kind: 'overtaken' },
      stoppedAtWeight: 0.1
    })
    // No move back over the other deploy's.
    expect(moves()).toHaveLength(2)
  })

  it('takes its own move, refused when the SDK sent it again after a lost answer, as landed', async () => {
    cloudWatch.on(DescribeAlarmsCommand).resolves(ok)
    lambda
      .on(UpdateAliasCommand)
      .rejectsOnce(awsError('PreconditionFailedException'))
      .resolves({ RevisionId: 'r2' })
    lambda.on(GetAliasCommand).resolves({
      FunctionVersion: '3',
      RoutingConfig: { AdditionalVersionWeights: { '4': 0.1 } },
      RevisionId: 'r1'
    })
    const { record } = await shiftTraffic(context(), shift)
    expect(record.outcome).toBe('promoted')
    expect(moves()).toEqual([
      ['3', { '4': 0.1 }, 'r0'],
      ['4', {}, 'r1']
    ])
  })

  it('sends all traffic back when the alarms cannot be read any more', async () => {
    cloudWatch
      .on(DescribeAlarmsCommand)
      .resolvesOnce(ok)
      .rejects(awsError('AccessDenied', 'not authorized to perform: cloudwatch:DescribeAlarms'))
    lambda.on(UpdateAliasCommand).resolves({ RevisionId: 'r9' })
    const { record } = await shiftTraffic(context(), shift)
    expect(record).toMatchObject({
      outcome: 'rolled-back',
      stop: { kind: 'error', message: expect.stringContaining('cloudwatch:DescribeAlarms') }
    })
    expect(moves()).toEqual([
      ['3', { '4': 0.1 }, 'r0'],
      ['3', {}, 'r9']
    ])
    expect(output.warnings()).toContain(
      'Traffic: alias live goes back to version 3 alone (10% was on version 4)'
    )
  })

  it('throws when the rollback fails too: nothing claims the alias went back', async () => {
    cloudWatch
      .on(DescribeAlarmsCommand)
      .resolvesOnce(ok)
      .resolves({
        MetricAlarms: [{ AlarmName: 'errors', StateValue: 'ALARM' as const }]
      })
    lambda
      .on(UpdateAliasCommand)
      .resolvesOnce({ RevisionId: 'r1' })
      .rejects(awsError('ServiceException', 'Lambda is down'))
    await expect(shiftTraffic(context(), shift)).rejects.toThrow('Lambda is down')
  })

  it('moves nothing and writes no rollback when Lambda refuses the first weight', async () => {
    cloudWatch.on(DescribeAlarmsCommand).resolves(ok)
    lambda
      .on(UpdateAliasCommand)
      .rejects(
        awsError(
          'InvalidParameterValueException',
          'the versions of a weighted alias must have the same execution role'
        )
      )
    const { record } = await shiftTraffic(context(), shift)
    expect(record).toMatchObject({ outcome: 'held', stop: { kind: 'error' }, stoppedAtWeight: 0 })
    expect(moves()).toHaveLength(1)
  })
})

describe('shiftTraffic before any traffic moved', () => {
  it('moves nothing when the alarms cannot be read at the start, and says why', async () => {
    cloudWatch.on(DescribeAlarmsCommand).rejects(awsError('AccessDenied', 'not authorized'))
    const { record } = await shiftTraffic(context(), shift)
    expect(record).toMatchObject({
      outcome: 'held',
      stop: { kind: 'error', message: 'not authorized' },
      stoppedAtWeight: 0
    })
    expect(moves()).toEqual([])
  })
})
