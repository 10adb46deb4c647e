// traffic-shift, alarms and rollback, read through readInputs as the action reads them: every form,
// every refusal (naming its input), and the notices.
import { readInputs } from '../../src/inputs/read.js'
import { shiftSeconds } from '../../src/inputs/delivery.js'
import type { Settings } from '../../src/inputs/settings.js'

const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'
const base = { 'function-name': 'orders', 'provider-org-id': ORG, alias: 'live' }
const env = { AWS_REGION: 'eu-west-2' }

const run = (inputs: Record<string, string>) => readInputs(name => inputs[name] ?? '', env)
/** The settings, failing the test when any input is refused. */
function read(inputs: Record<string, string>): Settings {
  const { settings, problems } = run(inputs)
  expect(problems).toEqual([])
  return settings
}
const shift = (value: string) => read({ ...base, 'traffic-shift': value }).trafficShift
const problems = (inputs: Record<string, string>) => run({ ...base, ...inputs }).problems

describe('traffic-shift', () => {
  test('defaults to all-at-once, with no alarms and no rollback', () => {
    const s = read(base)
    expect(s).toMatchObject({ trafficShift: { kind: 'all-at-once' }, alarms: [], rollback: false })
    expect(read({ ...base, 'traffic-shift': 'all-at-once' }).trafficShift).toEqual({
      kind: 'all-at-once'
    })
  })

  test.each([
    ['canary 10% 5m', { kind: 'canary', percent: 10, bakeSeconds: 300 }],
    ['canary 2.5% 30s', { kind: 'canary', percent: 2.5, bakeSeconds: 30 }],
    ['Canary 10 %   1h', { kind: 'canary', percent: 10, bakeSeconds: 3600 }],
    ['  CANARY 99.9% 1M30S ', { kind: 'canary', percent: 99.9, bakeSeconds: 90 }],
    ['canary 0.1% 1h2m3s', { kind: 'canary', percent: 0.1, bakeSeconds: 3723 }],
    ['linear 10% every 1m', { kind: 'linear', percent: 10, intervalSeconds: 60 }],
    ['Linear  25%  Every  90s', { kind: 'linear', percent: 25, intervalSeconds: 90 }]
  ])('%s', (value, expected) => {
    expect(shift(value)).toEqual(expected)
  })

  test.each([
    ['Canary10Percent5Minutes', { kind: 'canary', percent: 10, bakeSeconds: 300 }],
    ['canary10percent30minutes', { kind: 'canary', percent: 10, bakeSeconds: 1800 }],
    ['LambdaCanary10Percent15Minutes', { kind: 'canary', percent: 10, bakeSeconds: 900 }],
    [
      'CodeDeployDefault.LambdaCanary10Percent10Minutes',
      { kind: 'canary', percent: 10, bakeSeconds: 600 }
    ],
    ['Linear10PercentEvery1Minute', { kind: 'linear', percent: 10, intervalSeconds: 60 }],
    ['LINEAR10PERCENTEVERY3MINUTES', { kind: 'linear', percent: 10, intervalSeconds: 180 }],
    [
      'codedeploydefault.lambdalinear10percentevery10minutes',
      { kind: 'linear', percent: 10, intervalSeconds: 600 }
    ],
    ['Canary5Percent1Minute', { kind: 'canary', percent: 5, bakeSeconds: 60 }],
    ['AllAtOnce', { kind: 'all-at-once' }],
    ['CodeDeployDefault.LambdaAllAtOnce', { kind: 'all-at-once' }],
    ['lambdaallatonce', { kind: 'all-at-once' }]
  ])('CodeDeploy name %s', (value, expected) => {
    expect(shift(value)).toEqual(expected)
  })

  const FORMS =
    /use all-at-once, canary <p>% <duration> \(e\.g\. canary 10% 5m\), linear <p>% every <duration> \(e\.g\. linear 10% every 1m\), or a CodeDeploy name \(e\.g\. Canary10Percent5Minutes\)$/

  test.each([
    'blue-green',
    'all at once',
    '10%',
    'CodeDeployDefault.Canary10Percent5Minutes',
    'ECSLinear10PercentEvery1Minutes',
    'Canary10Percent5Hours',
    'Canary10.5Percent5Minutes'
  ])('%s is not a traffic shift, and the error lists the forms', value => {
    expect(problems({ 'traffic-shift': value })).toEqual([
      expect.stringMatching(
        new RegExp(`^traffic-shift: "${value.replace(/\./g, '\\.')}" is not a traffic shift: `)
      )
    ])
    expect(problems({ 'traffic-shift': value })[0]).toMatch(FORMS)
  })

  test.each([
    ['canary 10%', 'must read canary <p>% <duration>, e.g. canary 10% 5m'],
    ['canary 10% 5m 1m', 'must read canary <p>% <duration>, e.g. canary 10% 5m'],
    ['linear 10% 1m', 'must read linear <p>% every <duration>, e.g. linear 10% every 1m'],
    ['linear 10% each 1m', 'must read linear <p>% every <duration>, e.g. linear 10% every 1m']
  ])('%s: %s', (value, message) => {
    expect(problems({ 'traffic-shift': value })).toEqual([`traffic-shift: "${value}" ${message}`])
  })

  const PERCENT =
    'the percent must be more than 0% and less than 100%, with at most one decimal (e.g. 10% or 2.5%)'
  test.each(['0%', '100%', '150%', '10.25%', '-5%', '10', 'ten%', '.5%', '0.0%'])(
    'percent %s is refused',
    percent => {
      expect(problems({ 'traffic-shift': `canary ${percent} 5m` })).toEqual([
        `traffic-shift: "canary ${percent} 5m": ${PERCENT}`
      ])
      expect(problems({ 'traffic-shift': `linear ${percent} every 5m` })).toEqual([
        `traffic-shift: "linear ${percent} every 5m": ${PERCENT}`
      ])
    }
  )

  test.each(['5', '0s', '0m0s', '1.5m', '5d', '30s1m', 'm', '-1m', '1m 30s'])(
    'duration %s is refused',
    duration => {
      const value = `canary 10% ${duration}`
      const found = problems({ 'traffic-shift': value })
      // "1m 30s" is four words: the form itself is wrong.
      if (duration.includes(' '))
        expect(found).toEqual([expect.stringContaining('must read canary <p>% <duration>')])
      else
        expect(found).toEqual([
          `traffic-shift: "${value}": the duration must be a whole number of seconds, minutes or hours above 0: 30s, 5m, 1h or 1m30s`
        ])
    }
  )

  test('a bad percent and a bad duration are both reported', () => {
    expect(problems({ 'traffic-shift': 'linear 0% every 0s' })).toEqual([
      expect.stringContaining('the percent must be'),
      expect.stringContaining('the duration must be')
    ])
  })

  test.each([
    ['Canary0Percent5Minutes', 'the percent must be more than 0 and less than 100'],
    ['Canary100Percent5Minutes', 'the percent must be more than 0 and less than 100'],
    ['Linear10PercentEvery0Minutes', 'the minutes must be 1 or more']
  ])('CodeDeploy name %s is refused: %s', (value, message) => {
    expect(problems({ 'traffic-shift': value })).toEqual([`traffic-shift: "${value}": ${message}`])
  })

  test('a canary or linear shift needs alias, naming both inputs; all-at-once does not', () => {
    const noAlias = { 'function-name': 'orders', 'provider-org-id': ORG }
    expect(run({ ...noAlias, 'traffic-shift': 'canary 10% 5m' }).problems).toEqual([
      'traffic-shift: "canary 10% 5m" needs alias: the weights are set on the alias API Connect calls'
    ])
    expect(run({ ...noAlias, 'traffic-shift': 'Linear10PercentEvery1Minute' }).problems).toEqual([
      expect.stringMatching(/^traffic-shift: .* needs alias/)
    ])
    expect(run({ ...noAlias, 'traffic-shift': 'AllAtOnce' }).problems).toEqual([])
  })

  test('over 6 hours in all: a notice, not an error', () => {
    const notices = (value: string) => read({ ...base, 'traffic-shift': value }).notices
    expect(notices('canary 10% 6h')).toEqual([])
    expect(notices('canary 10% 6h1s')).toEqual([
      'traffic-shift: "canary 10% 6h1s" takes 6h 1s; jobs on GitHub-hosted runners stop after 6 hours'
    ])
    // 10% every 40m: 10 steps, 9 intervals = 6h.
    expect(notices('linear 10% every 40m')).toEqual([])
    expect(notices('linear 10% every 41m')).toEqual([expect.stringContaining('takes 6h 9m;')])
    // 30%: 30, 60, 90, 100 — 3 intervals.
    expect(notices('linear 30% every 2h')).toEqual([])
    expect(notices('linear 30% every 2h1s')).toEqual([expect.stringContaining('takes 6h 3s;')])
    expect(notices('Canary10Percent361Minutes')).toEqual([expect.stringContaining('takes 6h 1m;')])
  })

  test('longer than a workflow run may last (35 days): refused', () => {
    expect(problems({ 'traffic-shift': 'canary 10% 841h' })).toEqual([
      'traffic-shift: "canary 10% 841h" takes 841h, longer than a workflow run may last (35 days)'
    ])
    expect(problems({ 'traffic-shift': 'canary 10% 99999999999999999999h' })).toEqual([
      expect.stringContaining('the duration must be')
    ])
    expect(problems({ 'traffic-shift': 'canary 10% 840h' })).toEqual([])
  })

  test('the total time: the bake, or (steps − 1) intervals with steps = ceil(100 / p)', () => {
    expect(shiftSeconds({ kind: 'all-at-once' })).toBe(0)
    expect(shiftSeconds({ kind: 'canary', percent: 10, bakeSeconds: 300 })).toBe(300)
    expect(shiftSeconds({ kind: 'linear', percent: 10, intervalSeconds: 60 })).toBe(540)
    expect(shiftSeconds({ kind: 'linear', percent: 0.3, intervalSeconds: 1 })).toBe(333)
    expect(shiftSeconds({ kind: 'linear', percent: 33.3, intervalSeconds: 1 })).toBe(3)
    expect(shiftSeconds({ kind: 'linear', percent: 50, intervalSeconds: 1 })).toBe(1)
    expect(shiftSeconds({ kind: 'linear', percent: 99.9, intervalSeconds: 1 })).toBe(1)
  })
})

describe('alarms', () => {
  const canary = { ...base, 'traffic-shift': 'canary 10% 5m' }

  test('one per line: blank lines and surrounding spaces ignored, duplicates dropped', () => {
    expect(
      read({ ...canary, alarms: '  orders-errors \n\n\r\norders-p99\norders-errors\n' }).alarms
    ).toEqual(['orders-errors', 'orders-p99'])
    expect(read({ ...canary, alarms: 'Orders Errors (5xx) / p99 > 2s' }).alarms).toEqual([
      'Orders Errors (5xx) / p99 > 2s'
    ])
  })

  test('with traffic-shift all-at-once they are refused, naming both inputs', () => {
    const message =
      'alarms: are watched during the bakes of a traffic shift, and traffic-shift: all-at-once has none: set traffic-shift to a canary or linear shift, or remove alarms'
    expect(problems({ alarms: 'orders-errors' })).toEqual([message])
    expect(problems({ alarms: 'orders-errors', 'traffic-shift': 'AllAtOnce' })).toEqual([message])
  })

  test('an unreadable traffic-shift is reported alone, not also as all-at-once', () => {
    expect(problems({ alarms: 'orders-errors', 'traffic-shift': 'slowly' })).toEqual([
      expect.stringMatching(/^traffic-shift: "slowly" is not a traffic shift/)
    ])
  })

  test('a name is at most 255 characters', () => {
    expect(read({ ...canary, alarms: 'a'.repeat(255) }).alarms).toEqual(['a'.repeat(255)])
    // Characters, not UTF-16 units: 255 emoji are 255 characters.
    expect(read({ ...canary, alarms: '🔥'.repeat(255) }).alarms).toHaveLength(1)
    expect(run({ ...canary, alarms: `ok\n${'a'.repeat(256)}` }).problems).toEqual([
      `alarms: line 2: "${'a'.repeat(80)}…" (256 characters) is over CloudWatch's 255 characters`
    ])
  })

  test('a control character is refused by line, and not printed back', () => {
    const found = run({ ...canary, alarms: 'ok\nbad\u001b[31mname\nworse\tname' }).problems
    expect(found).toEqual([
      'alarms: line 2: an alarm name has no control characters',
      'alarms: line 3: an alarm name has no control characters'
    ])
  })

  test('at most 100, counted after duplicates are dropped', () => {
    const names = Array.from({ length: 100 }, (_, i) => `alarm-${i}`)
    expect(read({ ...canary, alarms: [...names, 'alarm-0'].join('\n') }).alarms).toHaveLength(100)
    expect(run({ ...canary, alarms: [...names, 'alarm-100'].join('\n') }).problems).toEqual([
      'alarms: 101 alarms: DescribeAlarms takes at most 100 names'
    ])
  })
})

describe('rollback', () => {
  test('is read as a boolean, and needs alias (naming both inputs)', () => {
    expect(read({ ...base, rollback: 'true' }).rollback).toBe(true)
    expect(read({ ...base, rollback: 'false' }).rollback).toBe(false)
    expect(problems({ rollback: 'yes' })).toEqual([
      'rollback: "yes" is not a boolean; use true or false'
    ])
    expect(
      run({ 'function-name': 'orders', 'provider-org-id': ORG, rollback: 'true' }).problems
    ).toEqual(['rollback: needs alias: a rollback moves the alias back'])
  })

  test('alone: no notice, no code, no function setting', () => {
    const s = read({ ...base, rollback: 'TRUE', 'environment-mode': 'replace' })
    expect(s.notices).toEqual([])
    expect(s.code).toEqual({ kind: 'none' })
    expect(s.config).toEqual({})
    expect(s.trafficShift).toEqual({ kind: 'all-at-once' })
  })

  test('ignores the code, the function settings, traffic-shift and alarms, in one notice', () => {
    const s = read({
      ...base,
      rollback: 'true',
      code: 'dist/app.zip',
      'image-uri': 'r.example/o:1',
      runtime: 'nodejs22.x',
      'memory-size': '256',
      layers: 'not a layer',
      tags: 'team=orders',
      'environment-mode': 'merge',
      'traffic-shift': 'canary 10% 5m',
      alarms: 'orders-errors',
      'dry-run': 'true'
    })
    expect(s.notices).toEqual([
      'rollback: a rollback deploys no code, changes no function setting and moves the alias all at once; ignored: code, image-uri, runtime, memory-size, environment-mode, layers, tags, traffic-shift, alarms'
    ])
    // Not read, so not refused: the undo workflow may skip the build (two code sources, a bad layer).
    expect(s).toMatchObject({
      code: { kind: 'none' },
      config: {},
      trafficShift: { kind: 'all-at-once' },
      alarms: [],
      rollback: true,
      dryRun: true,
      alias: 'live'
    })
  })

  test('traffic-shift: all-at-once (the default) is not named as ignored', () => {
    expect(read({ ...base, rollback: 'true', 'traffic-shift': 'all-at-once' }).notices).toEqual([])
  })

  test('the inputs that are not about deploying are still checked', () => {
    expect(problems({ rollback: 'true', verify: 'maybe', 'test-expect': 'x' })).toEqual([
      expect.stringMatching(/^verify: /),
      expect.stringMatching(/^test-expect: /),
      expect.stringMatching(/^test-expect: needs test-event/)
    ])
  })
})
