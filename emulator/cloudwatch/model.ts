// CloudWatch alarms with no HTTP: which alarms a DescribeAlarms filter selects, creating and
// updating metric alarms, setting and deleting them, and their AWS shapes (MetricAlarm,
// CompositeAlarm). Alarms are not evaluated against metrics: their state changes only by
// SetAlarmState, the seed, or the emulator's hook.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
import type { EmulatorContext } from '../core/context.js'
import { ServiceError } from '../protocols/errors.js'
import type { Alarm, AlarmState } from './state.js'

export const ALARM_STATES: readonly string[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA']

const notFound = (message: string) => new ServiceError(404, 'ResourceNotFound', message)

/** The request validation error AWS answers before an operation runs. */
export function validationError(member: string, value: unknown, constraint: string) {
  return new ServiceError(
    400,
    'ValidationError',
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`
  )
}

export function alarmArn(ctx: EmulatorContext, region: string, name: string): string {
  return `arn:aws:cloudwatch:${region}:${ctx.config.accountId}:alarm:${name}`
}

export interface NewAlarm {
  name: string
  region: string
  kind: Alarm['kind']
  state?: AlarmState
  reason?: string
  metric?: Record<string, unknown>
  rule?: string
  description?: string
}

// "When this operation creates an alarm, the alarm state is immediately set to
// INSUFFICIENT_DATA" (API_PutMetricAlarm.html).
export function newAlarm(ctx: EmulatorContext, input: NewAlarm, at: number): Alarm {
  return {
    name: input.name,
    arn: alarmArn(ctx, input.region, input.name),
    region: input.region,
    kind: input.kind,
    state: input.state ?? 'INSUFFICIENT_DATA',
    reason: input.reason ?? 'Unchecked: Initial alarm creation',
    stateUpdatedAt: at,
    stateTransitionedAt: at,
    configurationUpdatedAt: at,
    description: input.description,
    metric: input.metric ?? {},
    rule: input.rule
  }
}

/** Changes an alarm's state; the transition time moves only when the value changes. */
export function changeState(alarm: Alarm, state: AlarmState, reason: string, at: number): void {
  if (alarm.state !== state) alarm.stateTransitionedAt = at
  alarm.state = state
  alarm.reason = reason
  alarm.stateUpdatedAt = at
}

export function findAlarm(ctx: EmulatorContext, region: string, name: string): Alarm {
  const alarm = ctx.state.cloudwatch.alarms.get(alarmArn(ctx, region, name))
  if (!alarm) throw notFound(`Alarm ${name} not found`)
  return alarm
}

export interface AlarmFilter {
  names?: string[]
  prefix?: string
  types: Alarm['kind'][]
  state?: string
}

/** The alarms of a region a filter selects, in name order (the order pages follow). */
export function selectAlarms(ctx: EmulatorContext, region: string, filter: AlarmFilter): Alarm[] {
  return [...ctx.state.cloudwatch.alarms.values()]
    .filter(
      a =>
        a.region === region &&
        filter.types.includes(a.kind) &&
        (!filter.names || filter.names.includes(a.name)) &&
        (!filter.prefix || a.name.startsWith(filter.prefix)) &&
        (!filter.state || a.state === filter.state)
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

// Timestamps travel as epoch seconds in AWS JSON 1.0 (the protocol's default timestamp format).
const seconds = (ms: number) => ms / 1000

function commonJson(alarm: Alarm): Record<string, unknown> {
  return {
    AlarmName: alarm.name,
    AlarmArn: alarm.arn,
    AlarmDescription: alarm.description,
    AlarmConfigurationUpdatedTimestamp: seconds(alarm.configurationUpdatedAt),
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [],
    InsufficientDataActions: [],
    StateValue: alarm.state,
    StateReason: alarm.reason,
    StateUpdatedTimestamp: seconds(alarm.stateUpdatedAt),
    StateTransitionedTimestamp: seconds(alarm.stateTransitionedAt)
  }
}

/** MetricAlarm or CompositeAlarm, as DescribeAlarms answers them. */
export function alarmJson(alarm: Alarm): Record<string, unknown> {
  if (alarm.kind === 'composite') return { ...commonJson(alarm), AlarmRule: alarm.rule ?? 'FALSE' }
  return { ...commonJson(alarm), Dimensions: [], ...alarm.metric }
}

/** The emulator's hook (tests, POST /_emulator/alarms): every alarm of that name, any region. */
export function forceAlarmState(
  ctx: EmulatorContext,
  name: string,
  state: string,
  reason?: string
): void {
  if (!ALARM_STATES.includes(state))
    throw new Error(`alarm state must be one of ${ALARM_STATES.join(', ')}`)
  const alarms = [...ctx.state.cloudwatch.alarms.values()].filter(a => a.name === name)
  if (alarms.length === 0) throw new Error(`no alarm named ${name}`)
  const why = reason ?? `Set by the emulator's hook to ${state}`
  for (const alarm of alarms) changeState(alarm, state as AlarmState, why, ctx.now())
}
