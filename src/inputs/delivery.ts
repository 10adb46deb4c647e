// How a new version reaches API Connect's traffic: `traffic-shift` (all at once, canary or linear,
// in SAM's and CodeDeploy's vocabulary), the `alarms` watched during its bakes, and `rollback`
// (undo: the alias goes back, nothing is deployed). Pure: every problem names its input.
import { quote } from './quote.js'
import type { Reader } from './reader.js'
import type { TrafficShift } from './settings.js'

const FORMS =
  'use all-at-once, canary <p>% <duration> (e.g. canary 10% 5m), linear <p>% every <duration> ' +
  '(e.g. linear 10% every 1m), or a CodeDeploy name (e.g. Canary10Percent5Minutes)'
const DURATION_RULE = 'a whole number of seconds, minutes or hours above 0: 30s, 5m, 1h or 1m30s'
const PERCENT_RULE = 'more than 0% and less than 100%, with at most one decimal (e.g. 10% or 2.5%)'
// CodeDeploy's predefined Lambda configurations (CodeDeployDefault.LambdaCanary10Percent5Minutes,
// …LambdaLinear10PercentEvery1Minute, …LambdaAllAtOnce; CodeDeploy user guide, "Deployment
// configurations on an AWS Lambda compute platform"), with or without SAM's shorter prefixes.
const PRESET =
  /^(?:codedeploydefault\.lambda|lambda)?(?:(allatonce)|canary(\d+)percent(\d+)minutes?|linear(\d+)percentevery(\d+)minutes?)$/
const PERCENT = /^(\d{1,2}(?:\.\d)?)%$/
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/
/** GitHub-hosted runners stop a job after 6 hours (GitHub Actions usage limits). */
const HOSTED_JOB_SECONDS = 6 * 3600
/** No workflow run lasts longer than 35 days (GitHub Actions usage limits, hosted and self-hosted). */
const WORKFLOW_RUN_SECONDS = 35 * 24 * 3600
// CloudWatch's AlarmName is 1-255 characters, and DescribeAlarms takes at most 100 AlarmNames.
const MAX_ALARM_NAME = 255
const MAX_ALARMS = 100
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * The inputs a rollback ignores, because it deploys no code and changes no function setting: the
 * code sources and every function setting. Those with a default count only when they differ from it.
 */
const DEPLOY_INPUTS = [
  'code',
  's3-bucket',
  's3-key',
  's3-object-version',
  'image-uri',
  'runtime',
  'handler',
  'execution-role-arn',
  'architectures',
  'memory-size',
  'timeout',
  'description',
  'environment',
  'environment-mode',
  'layers',
  'vpc-config',
  'dead-letter-config',
  'kms-key-arn',
  'tracing-config',
  'file-system-configs',
  'image-config',
  'ephemeral-storage',
  'snap-start',
  'logging-config',
  'code-signing-config-arn',
  'source-kms-key-arn',
  'tags',
  'remove-tags',
  'traffic-shift',
  'alarms'
]
const DEFAULTS: Record<string, string> = {
  'environment-mode': 'replace',
  'traffic-shift': 'all-at-once'
}

interface Delivery {
  trafficShift: TrafficShift
  alarms: string[]
  rollback: boolean
}

/** Seconds from the first weight to the last step: the bake, or every interval but the last. */
export function shiftSeconds(shift: TrafficShift): number {
  if (shift.kind === 'canary') return shift.bakeSeconds
  if (shift.kind === 'linear')
    // In tenths of a percent, so that 100 / 0.3 is not a float that rounds the wrong way.
    return (Math.ceil(1000 / Math.round(shift.percent * 10)) - 1) * shift.intervalSeconds
  return 0
}

/**
 * `traffic-shift`, `alarms` and `rollback`. With rollback, the inputs that deploy are not read
 * (the build may have been skipped): one notice names those given.
 */
export function readDelivery(reader: Reader, alias: string | undefined): Delivery {
  const { input, problem, notice, bool } = reader
  const rollback = bool('rollback', false)
  if (rollback) {
    if (!alias) problem('rollback', 'needs alias: a rollback moves the alias back')
    const ignored = DEPLOY_INPUTS.filter(name => {
      const value = input(name)
      return value !== undefined && value.toLowerCase() !== DEFAULTS[name]
    })
    if (ignored.length)
      notice(
        `rollback: a rollback deploys no code, changes no function setting and moves the alias all at once; ignored: ${ignored.join(', ')}`
      )
    return { trafficShift: { kind: 'all-at-once' }, alarms: [], rollback }
  }
  const shiftInput = input('traffic-shift')
  const trafficShift: TrafficShift | undefined = shiftInput
    ? readShift(shiftInput, reader, alias)
    : { kind: 'all-at-once' }
  const alarms = readAlarms(reader)
  if (alarms.length && trafficShift?.kind === 'all-at-once')
    problem(
      'alarms',
      'are watched during the bakes of a traffic shift, and traffic-shift: all-at-once has none: set traffic-shift to a canary or linear shift, or remove alarms'
    )
  return { trafficShift: trafficShift ?? { kind: 'all-at-once' }, alarms, rollback }
}

/** A `traffic-shift` value: its shift, or undefined with its problem recorded; the 6-hour notice. */
function readShift(
  text: string,
  { problem, notice }: Reader,
  alias: string | undefined
): TrafficShift | undefined {
  const say = (message: string): undefined => problem('traffic-shift', `${quote(text)}${message}`)
  const shift = parseShift(text, say)
  if (!shift || shift.kind === 'all-at-once') return shift
  if (!alias) say(' needs alias: the weights are set on the alias API Connect calls')
  const seconds = shiftSeconds(shift)
  if (seconds > WORKFLOW_RUN_SECONDS)
    return say(` takes ${span(seconds)}, longer than a workflow run may last (35 days)`)
  if (seconds > HOSTED_JOB_SECONDS)
    notice(
      `traffic-shift: ${quote(text)} takes ${span(seconds)}; jobs on GitHub-hosted runners stop after 6 hours`
    )
  return shift
}

function parseShift(text: string, say: (message: string) => undefined): TrafficShift | undefined {
  // Case and spacing are free: "Canary 10 %  5M" reads as "canary 10% 5m".
  const words = text.toLowerCase().replace(/\s*%/g, '%').split(/\s+/)
  if (words.length === 1 && words[0] === 'all-at-once') return { kind: 'all-at-once' }
  if (words[0] === 'canary' || words[0] === 'linear') {
    const linear = words[0] === 'linear'
    if (words.length !== (linear ? 4 : 3) || (linear && words[2] !== 'every'))
      return say(
        linear
          ? ' must read linear <p>% every <duration>, e.g. linear 10% every 1m'
          : ' must read canary <p>% <duration>, e.g. canary 10% 5m'
      )
    const percent = readPercent(words[1])
    const seconds = readDuration(words[words.length - 1])
    if (percent === undefined) say(`: the percent must be ${PERCENT_RULE}`)
    if (seconds === undefined) say(`: the duration must be ${DURATION_RULE}`)
    if (percent === undefined || seconds === undefined) return undefined
    return linear
      ? { kind: 'linear', percent, intervalSeconds: seconds }
      : { kind: 'canary', percent, bakeSeconds: seconds }
  }
  const preset = words.length === 1 ? PRESET.exec(words[0]) : null
  if (!preset) return say(` is not a traffic shift: ${FORMS}`)
  if (preset[1]) return { kind: 'all-at-once' }
  const canary = preset[2] !== undefined
  const percent = Number(canary ? preset[2] : preset[4])
  const seconds = Number(canary ? preset[3] : preset[5]) * 60
  if (percent <= 0 || percent >= 100)
    return say(': the percent must be more than 0 and less than 100')
  if (seconds <= 0) return say(': the minutes must be 1 or more')
  return canary
    ? { kind: 'canary', percent, bakeSeconds: seconds }
    : { kind: 'linear', percent, intervalSeconds: seconds }
}

function readPercent(word: string): number | undefined {
  const match = PERCENT.exec(word)
  const percent = match ? Number(match[1]) : NaN
  return percent > 0 && percent < 100 ? percent : undefined
}

function readDuration(word: string): number | undefined {
  const match = DURATION.exec(word)
  if (!match || word === '') return undefined
  const [h, m, s] = match.slice(1).map(part => Number(part ?? 0))
  const seconds = h * 3600 + m * 60 + s
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined
}

/** 7200 → "2h", 5430 → "1h 30m 30s". */
function span(seconds: number): string {
  const parts: [number, string][] = [
    [Math.floor(seconds / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'm'],
    [seconds % 60, 's']
  ]
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ')
}

/** CloudWatch alarm names, one per line: blank lines skipped, duplicates dropped. */
function readAlarms({ input, problem }: Reader): string[] {
  const text = input('alarms')
  if (text === undefined) return []
  const names = new Set<string>()
  text.split(/\r?\n/).forEach((line, index) => {
    const name = line.trim()
    const where = `line ${index + 1}`
    // Located, not quoted: a control character is not printed back.
    if (CONTROL.test(name)) problem('alarms', `${where}: an alarm name has no control characters`)
    else if ([...name].length > MAX_ALARM_NAME)
      problem('alarms', `${where}: ${quote(name)} is over CloudWatch's 255 characters`)
    else if (name) names.add(name)
  })
  if (names.size > MAX_ALARMS)
    problem('alarms', `${names.size} alarms: DescribeAlarms takes at most ${MAX_ALARMS} names`)
  return [...names]
}
