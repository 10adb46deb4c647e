// CloudWatch alarms through the real client (AWS JSON 1.0, Query-compatible errors): what
// DescribeAlarms selects and pages, SetAlarmState and the emulator's hooks, and the errors the SDK
// parses into its own exception classes.
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
  ResourceNotFound,
  SetAlarmStateCommand
} from '@aws-sdk/client-cloudwatch'
import { type Emulator, startEmulator } from '../../emulator/index.js'
import { CREDENTIALS, rejectionOf } from './helpers.js'

let emulator: Emulator
let cloudwatch: CloudWatchClient

beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      alarms: [
        { name: 'orders-errors', state: 'OK', reason: 'seeded' },
        { name: 'orders-latency' },
        { name: 'orders-health', composite: true, state: 'OK' },
        { name: 'orders-errors', region: 'eu-west-1', state: 'ALARM' }
      ]
    }
  })
  cloudwatch = new CloudWatchClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: CREDENTIALS,
    maxAttempts: 1
  })
})
afterAll(() => emulator.stop())
beforeEach(() => emulator.reset())

const describe_ = (input: ConstructorParameters<typeof DescribeAlarmsCommand>[0] = {}) =>
  cloudwatch.send(new DescribeAlarmsCommand(input))
const put = (name: string) =>
  cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [{ Name: 'FunctionName', Value: 'orders' }]
    })
  )

describe('DescribeAlarms', () => {
  test('by names: metric alarms of the region only; a missing name is simply absent', async () => {
    const answer = await describe_({ AlarmNames: ['orders-errors', 'no-such-alarm'] })
    expect(answer.MetricAlarms).toHaveLength(1)
    expect(answer.MetricAlarms?.[0]).toMatchObject({
      AlarmName: 'orders-errors',
      AlarmArn: `arn:aws:cloudwatch:us-east-1:${emulator.accountId}:alarm:orders-errors`,
      StateValue: 'OK',
      StateReason: 'seeded'
    })
    expect(answer.MetricAlarms?.[0].StateUpdatedTimestamp).toBeInstanceOf(Date)
    expect(answer.CompositeAlarms).toEqual([])
    expect(answer.NextToken).toBeUndefined()
    expect(emulator.log.at(-1)).toMatchObject({
      service: 'cloudwatch',
      operation: 'DescribeAlarms'
    })
  })

  test('composite alarms are listed only when AlarmTypes asks for them', async () => {
    expect((await describe_()).MetricAlarms?.map(a => a.AlarmName)).toEqual([
      'orders-errors',
      'orders-latency'
    ])
    const both = await describe_({ AlarmTypes: ['CompositeAlarm', 'MetricAlarm'] })
    expect(both.CompositeAlarms?.map(a => [a.AlarmName, a.StateValue])).toEqual([
      ['orders-health', 'OK']
    ])
    expect(both.MetricAlarms).toHaveLength(2)
  })

  test('filters by prefix and state, and refuses a prefix with names', async () => {
    const alarming = await describe_({
      StateValue: 'INSUFFICIENT_DATA',
      AlarmNamePrefix: 'orders-'
    })
    expect(alarming.MetricAlarms?.map(a => a.AlarmName)).toEqual(['orders-latency'])
    const error = await rejectionOf(describe_({ AlarmNames: ['a'], AlarmNamePrefix: 'a' }))
    expect(error.name).toBe('InvalidParameterCombinationException')
    expect(error.$metadata.httpStatusCode).toBe(400)
  })

  test('pages with MaxRecords and NextToken through every alarm once', async () => {
    for (let i = 0; i < 7; i++) await put(`page-${i}`)
    const seen: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      const page = await describe_({ AlarmNamePrefix: 'page-', MaxRecords: 3, NextToken: token })
      seen.push(...(page.MetricAlarms ?? []).map(a => a.AlarmName ?? ''))
      token = page.NextToken
      pages++
    } while (token)
    expect(pages).toBe(3)
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map(i => `page-${i}`))
    expect((await rejectionOf(describe_({ NextToken: 'bogus' }))).name).toBe('InvalidNextToken')
  })
})

describe('PutMetricAlarm, SetAlarmState and DeleteAlarms', () => {
  test('a new alarm starts in INSUFFICIENT_DATA with its metric', async () => {
    await put('new-alarm')
    const [alarm] = (await describe_({ AlarmNames: ['new-alarm'] })).MetricAlarms ?? []
    expect(alarm).toMatchObject({
      StateValue: 'INSUFFICIENT_DATA',
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Threshold: 1,
      Dimensions: [{ Name: 'FunctionName', Value: 'orders' }]
    })
    expect(emulator.writes().map(w => w.operation)).toEqual(['PutMetricAlarm'])
  })

  test('SetAlarmState changes what DescribeAlarms reports, and is a write', async () => {
    await cloudwatch.send(
      new SetAlarmStateCommand({
        AlarmName: 'orders-errors',
        StateValue: 'ALARM',
        StateReason: 'errors above 1'
      })
    )
    const [alarm] = (await describe_({ AlarmNames: ['orders-errors'] })).MetricAlarms ?? []
    expect(alarm).toMatchObject({ StateValue: 'ALARM', StateReason: 'errors above 1' })
    expect(emulator.writes().map(w => w.operation)).toEqual(['SetAlarmState'])
  })

  test('a missing alarm is ResourceNotFound, parsed by the SDK into its class', async () => {
    const error = await rejectionOf(
      cloudwatch.send(
        new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' })
      )
    )
    expect(error).toBeInstanceOf(ResourceNotFound)
    expect(error.$metadata.httpStatusCode).toBe(404)
    expect(error.message).toBe('Alarm nope not found')
    expect(emulator.log.at(-1)?.errorCode).toBe('ResourceNotFound')
  })

  test('DeleteAlarms removes all the names, or none when one is missing', async () => {
    const missing = await rejectionOf(
      cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ['orders-latency', 'nope'] }))
    )
    expect(missing).toBeInstanceOf(ResourceNotFound)
    expect((await describe_()).MetricAlarms).toHaveLength(2)
    await cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ['orders-latency'] }))
    expect((await describe_()).MetricAlarms?.map(a => a.AlarmName)).toEqual(['orders-errors'])
  })
})

describe("the emulator's alarm hooks", () => {
  test('setAlarmState changes the alarm in every region; reset() restores the seed', async () => {
    emulator.setAlarmState('orders-errors', 'ALARM', 'injected')
    const [alarm] = (await describe_({ AlarmNames: ['orders-errors'] })).MetricAlarms ?? []
    expect(alarm).toMatchObject({ StateValue: 'ALARM', StateReason: 'injected' })
    expect(() => emulator.setAlarmState('nope', 'OK')).toThrow('no alarm named nope')
    emulator.reset()
    expect(emulator.snapshot().alarms.find(a => a.name === 'orders-errors')).toMatchObject({
      region: 'us-east-1',
      state: 'OK'
    })
  })

  test('POST /_emulator/alarms sets a state from another process; GET state shows it', async () => {
    const post = (body: unknown) =>
      fetch(`${emulator.url}/_emulator/alarms`, { method: 'POST', body: JSON.stringify(body) })
    expect((await post({ name: 'orders-health', state: 'ALARM', reason: 'shell' })).status).toBe(
      204
    )
    const both = await describe_({ AlarmTypes: ['CompositeAlarm'] })
    expect(both.CompositeAlarms?.[0]).toMatchObject({ StateValue: 'ALARM', StateReason: 'shell' })
    expect((await post({ name: 'orders-health', state: 'RED' })).status).toBe(400)
    expect((await post({ name: 'nope', state: 'OK' })).status).toBe(400)
    const state = (await (await fetch(`${emulator.url}/_emulator/state`)).json()) as {
      alarms: { name: string; state: string }[]
    }
    expect(state.alarms.filter(a => a.name === 'orders-health')).toMatchObject([{ state: 'ALARM' }])
  })
})

describe('the wire', () => {
  const call = (target: string, body = '{}') =>
    fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
      body
    })

  test('an unsigned request is routed by its X-Amz-Target and answered in JSON 1.0', async () => {
    const answer = await call('GraniteServiceVersion20100801.DescribeAlarms', '{"MaxRecords":1}')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/x-amz-json-1.0')
    const body = (await answer.json()) as { MetricAlarms: { StateUpdatedTimestamp: unknown }[] }
    expect(typeof body.MetricAlarms[0].StateUpdatedTimestamp).toBe('number')
    expect(emulator.log.at(-1)).toMatchObject({
      service: 'cloudwatch',
      operation: 'DescribeAlarms'
    })
  })

  test('errors carry __type and the Query code in x-amzn-query-error', async () => {
    const missing = await call(
      'GraniteServiceVersion20100801.SetAlarmState',
      '{"AlarmName":"nope","StateValue":"OK","StateReason":"x"}'
    )
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-amzn-query-error')).toBe('ResourceNotFound;Sender')
    expect(await missing.json()).toEqual({
      __type: 'com.amazonaws.cloudwatch#ResourceNotFound',
      message: 'Alarm nope not found'
    })
    const unknown = await call('GraniteServiceVersion20100801.PutDashboard')
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as { __type: string }).__type).toMatch(/UnknownOperation/)
  })
})
