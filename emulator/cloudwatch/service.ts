// CloudWatch over AWS JSON 1.0 (X-Amz-Target GraniteServiceVersion20100801.<Operation>, Query
// compatible errors): the alarm operations a deployment watches and tests drive. References:
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html,
// API_PutMetricAlarm.html, API_SetAlarmState.html, API_DeleteAlarms.html
import type { EmulatorContext } from '../core/context.js'
import { ServiceError } from '../protocols/errors.js'
import type { EmulatorRequest } from '../protocols/http.js'
import { type JsonRpcHandler, jsonRpcService } from '../protocols/json-rpc.js'
import {
  ALARM_STATES,
  alarmJson,
  alarmArn,
  changeState,
  findAlarm,
  newAlarm,
  selectAlarms,
  validationError
} from './model.js'
import type { Alarm, AlarmState } from './state.js'

const COMPARISONS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold'
]
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']
const TYPES: Record<string, Alarm['kind']> = { MetricAlarm: 'metric', CompositeAlarm: 'composite' }

const missing = (name: string) =>
  new ServiceError(400, 'MissingParameter', `The parameter ${name} is required.`)

function names(value: unknown, member: string, max: number): string[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.some(n => typeof n !== 'string'))
    throw validationError(member, value, 'Member must be a list of strings')
  if (value.length > max)
    throw validationError(
      member,
      `[${value.length} items]`,
      `Member must have length less than or equal to ${max}`
    )
  return value as string[]
}

function oneOf(value: unknown, member: string, allowed: readonly string[]) {
  if (value !== undefined && !allowed.includes(value as string))
    throw validationError(
      member,
      value,
      `Member must satisfy enum value set: [${allowed.join(', ')}]`
    )
  return value as string | undefined
}

// The page token is an offset into the filtered, name-ordered list (opaque to callers).
const token = (offset: number) => Buffer.from(`alarms:${offset}`).toString('base64')
function offsetOf(value: unknown): number {
  if (value === undefined) return 0
  const match = /^alarms:(\d+)$/.exec(Buffer.from(String(value), 'base64').toString('utf8'))
  if (!match)
    throw new ServiceError(400, 'InvalidNextToken', "The service couldn't process the NextToken.")
  return Number(match[1])
}

// "If you omit this parameter [AlarmTypes], only metric alarms are returned, even if composite
// alarms exist"; AlarmNamePrefix: "If this parameter is specified, you cannot specify AlarmNames";
// MaxRecords 1-100; a name with no alarm is simply not in the answer.
const describeAlarms: JsonRpcHandler = (input, ctx, req) => {
  const alarmNames = names(input.AlarmNames, 'alarmNames', 100)
  const types = names(input.AlarmTypes, 'alarmTypes', 2) ?? ['MetricAlarm']
  types.forEach(t => oneOf(t, 'alarmTypes', Object.keys(TYPES)))
  const prefix = input.AlarmNamePrefix as string | undefined
  if (alarmNames && prefix !== undefined)
    throw new ServiceError(
      400,
      'InvalidParameterCombination',
      'AlarmNamePrefix and AlarmNames cannot be specified together'
    )
  const max = (input.MaxRecords as number | undefined) ?? 50
  if (!Number.isInteger(max) || max < 1 || max > 100)
    throw validationError('maxRecords', max, 'Member must have value between 1 and 100')
  const selected = selectAlarms(ctx, req.region, {
    names: alarmNames,
    prefix,
    types: types.map(t => TYPES[t]),
    state: oneOf(input.StateValue, 'stateValue', ALARM_STATES)
  })
  const start = offsetOf(input.NextToken)
  const page = selected.slice(start, start + max)
  const end = start + page.length
  return {
    MetricAlarms: page.filter(a => a.kind === 'metric').map(alarmJson),
    CompositeAlarms: page.filter(a => a.kind === 'composite').map(alarmJson),
    ...(end < selected.length ? { NextToken: token(end) } : {})
  }
}

const METRIC_FIELDS = ['MetricName', 'Namespace', 'Statistic', 'Dimensions', 'Period', 'Unit']
const METRIC_FIELDS_MORE = ['EvaluationPeriods', 'DatapointsToAlarm', 'Threshold']
const METRIC_FIELDS_LAST = ['ComparisonOperator', 'TreatMissingData']

// "When this operation creates an alarm, the alarm state is immediately set to
// INSUFFICIENT_DATA"; updating an existing alarm keeps its state (API_PutMetricAlarm.html).
const putMetricAlarm: JsonRpcHandler = (input, ctx, req) => {
  for (const name of ['AlarmName', 'EvaluationPeriods', 'ComparisonOperator'])
    if (input[name] === undefined) throw missing(name)
  const name = String(input.AlarmName)
  oneOf(input.ComparisonOperator, 'comparisonOperator', COMPARISONS)
  oneOf(input.Statistic, 'statistic', STATISTICS)
  if (!Number.isInteger(input.EvaluationPeriods) || (input.EvaluationPeriods as number) < 1)
    throw validationError(
      'evaluationPeriods',
      input.EvaluationPeriods,
      'Member must have value greater than or equal to 1'
    )
  const metric = Object.fromEntries(
    [...METRIC_FIELDS, ...METRIC_FIELDS_MORE, ...METRIC_FIELDS_LAST]
      .filter(key => input[key] !== undefined)
      .map(key => [key, input[key]])
  )
  const alarms = ctx.state.cloudwatch.alarms
  const arn = alarmArn(ctx, req.region, name)
  const existing = alarms.get(arn)
  const description = input.AlarmDescription as string | undefined
  if (existing?.kind === 'composite')
    throw new ServiceError(400, 'InvalidParameterValue', `Alarm ${name} is a composite alarm`)
  if (existing) {
    existing.metric = metric
    existing.description = description
    existing.configurationUpdatedAt = ctx.now()
  } else {
    alarms.set(
      arn,
      newAlarm(ctx, { name, region: req.region, kind: 'metric', metric, description }, ctx.now())
    )
  }
  return undefined
}

// StateReason is required, at most 1023 characters; a missing alarm is ResourceNotFound.
const setAlarmState: JsonRpcHandler = (input, ctx, req) => {
  for (const name of ['AlarmName', 'StateValue', 'StateReason'])
    if (input[name] === undefined) throw missing(name)
  const state = oneOf(input.StateValue, 'stateValue', ALARM_STATES) as AlarmState
  const reason = String(input.StateReason)
  if (reason.length > 1023)
    throw validationError(
      'stateReason',
      '...',
      'Member must have length less than or equal to 1023'
    )
  changeState(findAlarm(ctx, req.region, String(input.AlarmName)), state, reason, ctx.now())
  return undefined
}

// "If you specify an incorrect alarm name or make any other error in the operation, no alarms are
// deleted" (API_DeleteAlarms.html): every name is checked before any is removed.
const deleteAlarms: JsonRpcHandler = (input, ctx: EmulatorContext, req: EmulatorRequest) => {
  const list = names(input.AlarmNames, 'alarmNames', 100)
  if (!list) throw missing('AlarmNames')
  const arns = list.map(name => findAlarm(ctx, req.region, name).arn)
  for (const arn of arns) ctx.state.cloudwatch.alarms.delete(arn)
  return undefined
}

export const cloudWatchService = jsonRpcService({
  target: 'GraniteServiceVersion20100801',
  namespace: 'com.amazonaws.cloudwatch',
  // The SDK's shapes for the Query codes whose names differ (its awsQueryError traits).
  shapes: {
    InvalidParameterValue: 'InvalidParameterValueException',
    InvalidParameterCombination: 'InvalidParameterCombinationException',
    MissingParameter: 'MissingRequiredParameterException',
    InternalServiceError: 'InternalServiceFault'
  },
  operations: {
    DescribeAlarms: describeAlarms,
    PutMetricAlarm: putMetricAlarm,
    SetAlarmState: setAlarmState,
    DeleteAlarms: deleteAlarms
  },
  throttlingError: () => new ServiceError(400, 'Throttling', 'Rate exceeded'),
  internalError: () => new ServiceError(500, 'InternalServiceError', 'Internal service error')
})
