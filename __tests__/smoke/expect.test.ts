// The smoke test's pure parts: test-expect's two forms, the subset match, the verdict on an
// invocation, the inputs, and the gate that holds the alias back.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { holdReason } from '../../src/run/promotion-gate.js'
import { mismatch, parseExpectation, type Expectation } from '../../src/inputs/expect.js'
import { readSmokeInputs } from '../../src/inputs/smoke.js'
import { readSettings } from '../../src/inputs/read.js'
import { InputError } from '../../src/inputs/settings.js'
import { judge, MAX_SHOWN, shown } from '../../src/smoke/result.js'
import type { Check } from '../../src/verify/checks.js'

const subset = (value: unknown): Expectation => ({ kind: 'subset', value })

describe('test-expect', () => {
  test('a bare 3-digit code in range is a status code; anything else JSON; not JSON is refused', () => {
    expect(parseExpectation('200')).toEqual({ kind: 'status', statusCode: 200 })
    expect(parseExpectation('42')).toEqual(subset(42))
    expect(parseExpectation('700')).toEqual(subset(700))
    expect(parseExpectation('{"ok": true}')).toEqual(subset({ ok: true }))
    expect(parseExpectation('ok')).toBeUndefined()
  })

  test('a status code is read from an API-Gateway-shaped response', () => {
    const status = { kind: 'status', statusCode: 200 } as const
    expect(mismatch(status, { statusCode: 200, body: 'x' })).toBeUndefined()
    expect(mismatch(status, { statusCode: 500 })).toBe('statusCode is 500, expected 200')
    expect(mismatch(status, 'hello')).toBe('statusCode is missing, expected 200')
  })

  test('objects match as subsets, arrays element by element, a JSON body as its value', () => {
    const response = { statusCode: 200, body: '{"id":7,"tags":["a","b"]}', extra: 1 }
    expect(mismatch(subset({ statusCode: 200 }), response)).toBeUndefined()
    expect(mismatch(subset({ body: { id: 7 } }), response)).toBeUndefined()
    expect(mismatch(subset({ body: { tags: ['a', 'b'] } }), response)).toBeUndefined()
    expect(mismatch(subset({ body: { tags: ['a'] } }), response)).toBe(
      '$.body.tags has 2 elements, expected 1'
    )
    expect(mismatch(subset({ body: { id: 8 } }), response)).toBe('$.body.id is 7, expected 8')
    expect(mismatch(subset({ missing: null }), response)).toBe('$.missing is missing')
    expect(mismatch(subset('pong'), 'pong')).toBeUndefined()
    expect(mismatch(subset({ a: 1 }), [1])).toBe('$ is [1], expected an object')
  })
})

describe('judge', () => {
  const answer = (payload: string, more = {}) => ({
    payload,
    logTail: '',
    durationMs: 5,
    executedVersion: '3',
    ...more
  })
  test('a FunctionError fails, with the error type and message', () => {
    const verdict = judge(
      answer('{"errorType":"TypeError","errorMessage":"x is undefined"}', {
        functionError: 'Unhandled'
      }),
      '3',
      undefined
    )
    expect(verdict).toEqual({
      status: 'fail',
      detail: 'the function failed (FunctionError Unhandled): TypeError: x is undefined'
    })
  })
  test('another version than the one asked for fails; any answer passes without test-expect', () => {
    expect(judge(answer('1', { executedVersion: '2' }), '3', undefined).status).toBe('fail')
    expect(judge(answer('1'), '3', undefined)).toEqual({
      status: 'pass',
      detail: 'answered without an error'
    })
  })
  test('with test-expect: a response that is not JSON fails, a match passes', () => {
    const expectation = { kind: 'status', statusCode: 200 } as const
    expect(judge(answer('not json'), '3', expectation).detail).toMatch(/not JSON/)
    expect(judge(answer('{"statusCode":200}'), '3', expectation)).toEqual({
      status: 'pass',
      detail: 'answered statusCode 200'
    })
  })
  test('long text is cut for the log and the summary', () => {
    expect(shown('x'.repeat(MAX_SHOWN + 5))).toBe(
      `${'x'.repeat(MAX_SHOWN)}… (${MAX_SHOWN + 5} characters)`
    )
  })
})

describe('test-event and test-expect inputs', () => {
  const read = (event?: string, expectation?: string, workspace?: string) => {
    const problems: string[] = []
    const settings = readSmokeInputs(event, expectation, workspace, (name, message) => {
      problems.push(`${name}: ${message}`)
      return undefined
    })
    return { settings, problems }
  }
  test('inline JSON, or a JSON file in the workspace', () => {
    expect(read('{"a":1}', '200').settings).toEqual({
      event: '{"a":1}',
      source: 'inline',
      expect: { kind: 'status', statusCode: 200 }
    })
    const workspace = mkdtempSync(join(tmpdir(), 'smoke-inputs-'))
    writeFileSync(join(workspace, 'event.json'), '[1, 2]')
    expect(read(join(workspace, 'event.json'), undefined, workspace).settings).toEqual({
      event: '[1, 2]',
      source: join(workspace, 'event.json'),
      expect: undefined
    })
  })
  test('every problem, each naming its input', () => {
    expect(read('{"a":', 'ok').problems).toEqual([
      'test-expect: "ok" is neither a status code (e.g. 200) nor JSON (e.g. {"ok": true})',
      'test-event: is not valid JSON (line 1, column 6)'
    ])
    expect(read(undefined, '200').problems).toEqual([
      'test-expect: needs test-event: the event to invoke the function with'
    ])
    const workspace = mkdtempSync(join(tmpdir(), 'smoke-inputs-'))
    expect(read('/etc/hostname', undefined, workspace).problems[0]).toMatch(
      /^test-event: .* is outside the workspace/
    )
    expect(read(join(workspace, 'none.json'), undefined, workspace).problems[0]).toMatch(
      /is neither JSON nor an existing file/
    )
  })
  test('a JSON file written with a byte-order mark is read without it', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'smoke-inputs-'))
    const file = join(workspace, 'event.json')
    writeFileSync(file, '\uFEFF{"order": 1}')
    expect(read(file, undefined, workspace)).toEqual({
      settings: { event: '{"order": 1}', source: file, expect: undefined },
      problems: []
    })
  })
  test('a file of hundreds of MB is refused by its size, unread, with the other input errors', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'smoke-inputs-'))
    const file = join(workspace, 'huge.json')
    writeFileSync(file, '')
    truncateSync(file, 700 * 1024 * 1024) // sparse: 700 MB that take no disk
    expect(read(file, undefined, workspace).problems).toEqual([
      `test-event: "${file}" is over Lambda’s 6 MB limit for a synchronous invocation`
    ])
    let problems: string[] = []
    try {
      readSettings(name => ({ 'function-name': 'orders', 'test-event': file })[name] ?? '', {
        AWS_REGION: 'eu-west-2',
        GITHUB_WORKSPACE: workspace
      })
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      problems = error.problems
    }
    expect(problems).toEqual([
      expect.stringMatching(/^provider-org-id: /),
      `test-event: "${file}" is over Lambda’s 6 MB limit for a synchronous invocation`
    ])
  })
})

describe('the promotion gate', () => {
  const check = (status: Check['status']): Check => ({
    name: 'API Connect can assume the role',
    expected: 'allowed',
    actual: 'denied',
    method: 'evaluator',
    status
  })
  const smoke = (status: 'pass' | 'fail') => ({
    qualifier: '2',
    source: 'inline',
    event: '{}',
    status,
    detail: ''
  })
  test('a failed smoke test or a failing verification holds the alias; warn lets it move', () => {
    expect(holdReason('fail', smoke('pass'), [check('pass')])).toBeUndefined()
    expect(holdReason('fail', undefined, [])).toBeUndefined()
    expect(holdReason('fail', smoke('fail'), [])).toBe('the smoke test failed')
    expect(holdReason('fail', smoke('fail'), [check('undecided')])).toBe(
      'the smoke test failed and verification failed (API Connect can assume the role)'
    )
    expect(holdReason('warn', smoke('pass'), [check('fail')])).toBeUndefined()
  })
})
