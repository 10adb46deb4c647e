// Where JSON text stops being JSON (RFC 8259), as a line and column: an invalid `test-event` is
// located, never quoted (it may hold a token). Pure. Node's own message cannot serve: on node 22
// and later it quotes the text around the error.

interface Location {
  line: number
  column: number
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/** The first offset where `text` is not JSON; -1 when it is. */
export function jsonErrorOffset(text: string): number {
  let i = 0
  const stop = (): never => {
    throw i
  }
  const blanks = () => {
    while (' \t\n\r'.includes(text[i] ?? 'x')) i++
  }
  const expect = (char: string) => (text[i] === char ? i++ : stop())
  const string = () => {
    expect('"')
    for (;;) {
      const c = text[i]
      if (c === undefined || c < ' ') stop()
      i++
      if (c === '"') return
      if (c !== '\\') continue
      if (text[i] === 'u') {
        i++
        for (let k = 0; k < 4; k++) {
          if (!/[0-9a-fA-F]/.test(text[i] ?? 'x')) stop()
          i++
        }
      } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++
      else stop()
    }
  }
  const items = (close: string, item: () => void) => {
    i++
    blanks()
    if (text[i] === close) return i++
    for (;;) {
      item()
      blanks()
      if (text[i] === close) return i++
      expect(',')
    }
  }
  const value = (): void => {
    blanks()
    const c = text[i]
    if (c === '{')
      items('}', () => {
        blanks()
        string()
        blanks()
        expect(':')
        value()
      })
    else if (c === '[') items(']', value)
    else if (c === '"') string()
    else {
      const literal = ['true', 'false', 'null'].find(word => word[0] === c)
      if (literal) for (const char of literal) expect(char)
      else number()
    }
  }
  // Character by character, so the offset is the first character that cannot belong.
  const digits = () => {
    if (!isDigit(text[i])) stop()
    while (isDigit(text[i])) i++
  }
  const number = () => {
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else digits()
    if (text[i] === '.') {
      i++
      digits()
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      digits()
    }
  }
  try {
    value()
    blanks()
    return i < text.length ? i : -1
  } catch (at) {
    // Nesting too deep for this scanner (a RangeError): say the start, which is still no quote.
    return typeof at === 'number' ? at : 0
  }
}

/** The 1-based line and column of `offset` in `text`. */
export function locate(text: string, offset: number): Location {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/)
  return { line: before.length, column: before[before.length - 1].length + 1 }
}

/** "line L, column C" of the first error in `text`, which JSON.parse refused. */
export function whereInvalid(text: string): string {
  const offset = jsonErrorOffset(text)
  const { line, column } = locate(text, offset < 0 ? text.length : offset)
  return `line ${line}, column ${column}`
}
