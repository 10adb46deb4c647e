// The pure parts of keeping the function's words inert: the values hidden, the code block the
// summary puts them in, the runner's commands stopped around them, and role tags named only.
import { changeRow } from '../../src/report/words.js'
import { fenced } from '../../src/report/smoke.js'
import { MASK_FLOOR, redact, secretValues } from '../../src/smoke/secrets.js'
import { inert } from '../../src/runner/workflow-commands.js'
import { runnerView } from '../../harness/workflow-commands.js'

test('every value of at least MASK_FLOOR characters is hidden, with its JSON-escaped form and lines', () => {
  const values = secretValues(
    { TOKEN: 'abc"def\\ghi', SHORT: 'x'.repeat(MASK_FLOOR - 1) },
    { KEY: '-----BEGIN KEY-----\nMIIEowIBAAKCAQEA\n-----END KEY-----', TOKEN: 'abc"def\\ghi' }
  )
  expect(values).toContain('abc"def\\ghi')
  expect(values).toContain('abc\\"def\\\\ghi')
  expect(values).toContain('MIIEowIBAAKCAQEA')
  expect(values).not.toContain('x'.repeat(MASK_FLOOR - 1))
  // Longest first, so that a value is never half replaced by a shorter one inside it.
  expect(values.map(v => v.length)).toEqual(values.map(v => v.length).sort((a, b) => b - a))
  const printed = JSON.stringify({ token: 'abc"def\\ghi' }) + ' abc"def\\ghi MIIEowIBAAKCAQEA'
  expect(redact(printed, values)).toBe('{"token":"***"} *** ***')
})

test('a code block is fenced longer than any backtick run inside it', () => {
  expect(fenced('plain')).toBe('```text\nplain\n```')
  expect(fenced('a\n````\nb ``')).toBe('`````text\na\n````\nb ``\n`````')
})

test('inert text: the runner obeys none of its lines, and obeys the lines after it', () => {
  const hostile = '::stop-commands::x\n::add-mask::a\n::error::b'
  const log = `${inert(hostile)}\n::error::ours\n`
  expect(runnerView(log).commands).toEqual([{ name: 'error', data: 'ours' }])
  expect(runnerView(log).shown).toContain(hostile)
  // Two inert blocks use two tokens: the first's cannot end the second.
  expect(inert('a')).not.toBe(inert('a'))
})

test('role tags are named, never valued', () => {
  const row = changeRow({
    roleName: 'apic-invoke-orders',
    kind: 'tags',
    action: 'update',
    tags: { team: 'payments', 'cost-center': 'cc-secret-4711' }
  })
  expect(row.detail).toBe('set team, cost-center')
})
