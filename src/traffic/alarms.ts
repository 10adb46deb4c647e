// The CloudWatch alarms a traffic shift watches: read with DescribeAlarms, both kinds (metric and
// composite: "If you omit this parameter, only metric alarms are returned", DescribeAlarms API
// reference), at most 100 names a call.
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { quote } from '../inputs/quote.js'
import { InputError, type Settings } from '../inputs/settings.js'

export interface AlarmState {
  name: string
  /** OK, ALARM or INSUFFICIENT_DATA. */
  state: string
  /** CloudWatch's StateReason: the alarm's own words, untrusted text. */
  reason?: string
  /** When the alarm last changed state (ISO 8601). */
  since?: string
}

const NAMES_PER_CALL = 100

/** Every named alarm CloudWatch knows, in the order named; a name it does not know is left out. */
export async function readAlarms(cw: CloudWatchClient, names: string[]): Promise<AlarmState[]> {
  // Loaded with the client (aws/clients.ts): a run without alarms never parses it.
  const { DescribeAlarmsCommand } = await import('@aws-sdk/client-cloudwatch')
  const found = new Map<string, AlarmState>()
  for (let i = 0; i < names.length; i += NAMES_PER_CALL) {
    let NextToken: string | undefined
    do {
      const out = await cw.send(
        new DescribeAlarmsCommand({
          AlarmNames: names.slice(i, i + NAMES_PER_CALL),
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          NextToken
        })
      )
      for (const a of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
        if (a.AlarmName)
          found.set(a.AlarmName, {
            name: a.AlarmName,
            state: a.StateValue ?? 'INSUFFICIENT_DATA',
            reason: a.StateReason,
            since: a.StateUpdatedTimestamp?.toISOString()
          })
      NextToken = out.NextToken
    } while (NextToken)
  }
  return names.flatMap(name => found.get(name) ?? [])
}

/** Every watched alarm exists, or an input error naming those CloudWatch does not know. */
export async function requireAlarms(
  settings: Settings,
  read: Promise<AlarmState[]> | undefined
): Promise<void> {
  if (!read) return
  const known = await read
  const missing = settings.alarms.filter(name => !known.some(a => a.name === name))
  if (missing.length)
    throw new InputError([
      `alarms: CloudWatch has no alarm named ${missing.map(quote).join(', ')} in ${settings.region} (DescribeAlarms, metric and composite alarms): check the names and the region`
    ])
}

/** The first alarm in ALARM, if any: one is enough to stop a shift. */
export const firing = (alarms: AlarmState[]): AlarmState | undefined =>
  alarms.find(a => a.state === 'ALARM')
