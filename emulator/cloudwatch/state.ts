// CloudWatch's in-memory state: alarms by ARN (alarms are regional: the ARN carries the region).

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'

export interface Alarm {
  name: string
  arn: string
  region: string
  kind: 'metric' | 'composite'
  state: AlarmState
  reason: string
  /** Epoch ms of the last SetAlarmState or evaluation, and of the last change of state. */
  stateUpdatedAt: number
  stateTransitionedAt: number
  configurationUpdatedAt: number
  description?: string
  /** PutMetricAlarm's metric fields as the caller sent them (MetricName, Namespace, ...). */
  metric: Record<string, unknown>
  /** A composite alarm's rule. */
  rule?: string
}

export interface CloudWatchState {
  alarms: Map<string, Alarm>
}

export function cloudWatchState(): CloudWatchState {
  return { alarms: new Map() }
}
