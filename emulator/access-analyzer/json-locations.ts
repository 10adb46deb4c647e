// A JSON parser that remembers where each value is, for Access Analyzer's finding locations: a path
// ({value: key} for an object member's value, {key: key} for the key itself, {index: n} in arrays)
// and a span of positions (line from 1, column from 0, offset from 0, as the API counts them).

export interface Position {
  line: number
  column: number
  offset: number
}

export interface Span {
  start: Position
  end: Position
}

export type PathElement = { index: number } | { key: string } | { value: string }

export class JsonSyntaxError extends Error {
  constructor(readonly position: Position) {
    super(`JSON syntax error at index ${position.offset}`)
  }
}

export interface LocatedJson {
  value: unknown
  /** The span of the value (or key) at a path; undefined when the path is not in the document. */
  spanOf(path: PathElement[]): Span | undefined
}

const pathKey = (path: PathElement[]): string => JSON.stringify(path)
const LITERALS: [string, boolean | null][] = [
  ['true', true],
  ['false', false],
  ['null', null]
]

/** Parses like JSON.parse (the last of duplicate keys wins); throws JsonSyntaxError with where. */
export function parseLocated(text: string): LocatedJson {
  const lineStarts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1)
  const position = (offset: number): Position => {
    let line = lineStarts.length
    while (lineStarts[line - 1] > offset) line--
    return { line, column: offset - lineStarts[line - 1], offset }
  }
  const spans = new Map<string, Span>()
  let i = 0

  const fail = (): never => {
    throw new JsonSyntaxError(position(i))
  }
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const expect = (literal: string) => {
    if (!text.startsWith(literal, i)) fail()
    i += literal.length
  }
  const record = (path: PathElement[], start: number) =>
    spans.set(pathKey(path), { start: position(start), end: position(i) })

  function parseString(): string {
    const start = i
    expect('"')
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++
      else if (text.charCodeAt(i) < 0x20) fail()
      i++
    }
    expect('"')
    try {
      return JSON.parse(text.slice(start, i)) as string
    } catch {
      i = start
      return fail()
    }
  }

  function parseNumber(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (!match) fail()
    i += match![0].length
    return Number(match![0])
  }

  function parseLiteral(): boolean | null {
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length
        return value
      }
    }
    return fail()
  }

  function parseValue(path: PathElement[]): unknown {
    skipSpace()
    const start = i
    const c = text[i]
    const value =
      c === '{'
        ? parseObject(path)
        : c === '['
          ? parseArray(path)
          : c === '"'
            ? parseString()
            : c === '-' || (c >= '0' && c <= '9')
              ? parseNumber()
              : parseLiteral()
    record(path, start)
    return value
  }

  /** After an element: true at the closing bracket (consumed), false after a comma. */
  const closes = (bracket: string): boolean => {
    skipSpace()
    if (text[i] === bracket) {
      i++
      return true
    }
    expect(',')
    return false
  }

  function parseObject(path: PathElement[]): Record<string, unknown> {
    const object: Record<string, unknown> = {}
    expect('{')
    skipSpace()
    if (text[i] === '}') {
      i++
      return object
    }
    do {
      skipSpace()
      const keyStart = i
      const key = parseString()
      record([...path, { key }], keyStart)
      skipSpace()
      expect(':')
      object[key] = parseValue([...path, { value: key }])
    } while (!closes('}'))
    return object
  }

  function parseArray(path: PathElement[]): unknown[] {
    const array: unknown[] = []
    expect('[')
    skipSpace()
    if (text[i] === ']') {
      i++
      return array
    }
    do array.push(parseValue([...path, { index: array.length }]))
    while (!closes(']'))
    return array
  }

  const value = parseValue([])
  skipSpace()
  if (i < text.length) fail()
  return { value, spanOf: path => spans.get(pathKey(path)) }
}
