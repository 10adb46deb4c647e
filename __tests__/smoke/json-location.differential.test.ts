// The JSON locator against node's JSON.parse, the judge of validity: every text one of them refuses,
// the other refuses too; where node names a position ("at position N", node 20), both agree on it.
import { seededRandom } from '../../emulator/core/faults.js'
import { jsonErrorOffset, locate } from '../../src/inputs/json-location.js'

const SEEDS = [
  '{"orderId": 7, "items": [1, 2.5, -3e2], "ok": true, "note": null}',
  '[{"a": "\\u00e9\\n\\"x\\""}, [], {}, 0, "", false]',
  '  {"nested": {"deep": [[["x"]]]}, "k": "v"}\n'
]
const ALPHABET = '{}[]",:0123456789.eE+-tfnu\\ \n\tax'

function mutants(count: number): string[] {
  const random = seededRandom(23)
  const pick = (n: number) => Math.floor(random() * n)
  const out: string[] = []
  for (let k = 0; k < count; k++) {
    let text = SEEDS[pick(SEEDS.length)]
    for (let edits = 1 + pick(2); edits > 0; edits--) {
      const at = pick(text.length + 1)
      const char = ALPHABET[pick(ALPHABET.length)]
      const op = pick(3)
      text =
        op === 0
          ? text.slice(0, at) + text.slice(at + 1)
          : op === 1
            ? text.slice(0, at) + char + text.slice(at)
            : text.slice(0, at) + char + text.slice(at + 1)
    }
    out.push(text)
  }
  return out
}

const nodeVerdict = (text: string): { valid: boolean; position?: number } => {
  try {
    JSON.parse(text)
    return { valid: true }
  } catch (error) {
    const at = /at position (\d+)/.exec((error as Error).message)
    return { valid: false, position: at ? Number(at[1]) : undefined }
  }
}

test('agrees with JSON.parse on validity, and on the position where node names one', () => {
  const texts = [...SEEDS, ...mutants(3000)]
  let invalid = 0
  let positioned = 0
  for (const text of texts) {
    const node = nodeVerdict(text)
    const offset = jsonErrorOffset(text)
    expect({ text, valid: offset < 0 }).toEqual({ text, valid: node.valid })
    if (!node.valid) invalid++
    if (node.position !== undefined) {
      positioned++
      expect({ text, offset }).toEqual({ text, offset: node.position })
    }
  }
  // The mutants must exercise both sides, or the test proves nothing.
  expect(invalid).toBeGreaterThan(1000)
  expect(texts.length - invalid).toBeGreaterThan(50)
  console.log(
    `json-location: ${texts.length} texts, ${invalid} invalid, ${positioned} positions compared`
  )
})

test('lines and columns count from 1, across \\n, \\r\\n and \\r', () => {
  expect(locate('{\n  "a": x', 9)).toEqual({ line: 2, column: 8 })
  expect(locate('a\r\nb\rc', 5)).toEqual({ line: 3, column: 1 })
})
