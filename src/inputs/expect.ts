// Whether the smoke test's response is what `test-expect` asks for. Pure. Two forms: a status code
// (a bare integer, 100-599) that an API-Gateway-shaped response ({ statusCode, body }) must carry,
// or a JSON value the response must contain: every key of an expected object present with a
// matching value (extra keys allowed), arrays element by element and of the same length, anything
// else equal. An expected object under `body` also matches a body that is a JSON string, as API
// Gateway's proxy integration returns it.

export type Expectation =
  { kind: 'status'; statusCode: number } | { kind: 'subset'; value: unknown }

/** `test-expect` as written: a status code, or any JSON value; undefined when it is not JSON. */
export function parseExpectation(text: string): Expectation | undefined {
  if (/^\d{3}$/.test(text) && Number(text) >= 100 && Number(text) <= 599)
    return { kind: 'status', statusCode: Number(text) }
  try {
    return { kind: 'subset', value: JSON.parse(text) as unknown }
  } catch {
    return undefined
  }
}

/** Undefined when the response matches; otherwise where and how it differs, in words. */
export function mismatch(expectation: Expectation, response: unknown): string | undefined {
  if (expectation.kind === 'status') {
    const status = isObject(response) ? response.statusCode : undefined
    return status === expectation.statusCode
      ? undefined
      : `statusCode is ${status === undefined ? 'missing' : JSON.stringify(status)}, expected ${expectation.statusCode}`
  }
  return differs(expectation.value, response, '$')
}

function differs(expected: unknown, actual: unknown, path: string): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path} is ${describe(actual)}, expected an array`
    if (actual.length !== expected.length)
      return `${path} has ${actual.length} elements, expected ${expected.length}`
    for (const [i, item] of expected.entries()) {
      const found = differs(item, actual[i], `${path}[${i}]`)
      if (found) return found
    }
    return undefined
  }
  if (isObject(expected)) {
    // API Gateway's proxy responses carry their body as a JSON string.
    if (typeof actual === 'string' && path.endsWith('.body')) actual = parsed(actual)
    if (!isObject(actual)) return `${path} is ${describe(actual)}, expected an object`
    for (const [key, value] of Object.entries(expected)) {
      if (!(key in actual)) return `${path}.${key} is missing`
      const found = differs(value, actual[key], `${path}.${key}`)
      if (found) return found
    }
    return undefined
  }
  return expected === actual
    ? undefined
    : `${path} is ${describe(actual)}, expected ${JSON.stringify(expected)}`
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

export const NOT_JSON = Symbol('not JSON')

/** The JSON value of `text`, or NOT_JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return NOT_JSON
  }
}

/** The JSON value of `text`, or the text itself. */
function parsed(text: string): unknown {
  const value = parseJson(text)
  return value === NOT_JSON ? text : value
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined'
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
