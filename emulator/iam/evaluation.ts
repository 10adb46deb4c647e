// IAM policy evaluation, small and documented rather than complete:
// - explicit Deny > Allow > implicit deny;
// - Principal/NotPrincipal: "*", account ids and `arn:aws:iam::ACCT:root` (any principal of the
//   account), exact ARNs (a role ARN also matches its sessions), service principals;
// - Action/NotAction (case-insensitive) and Resource/NotResource with `*` and `?` wildcards;
// - conditions: String(Not)Equals(IgnoreCase), String(Not)Like, Arn(Not)Equals, Arn(Not)Like, Bool,
//   Null, Numeric* and Date* (Equals, NotEquals, LessThan(Equals), GreaterThan(Equals)), with
//   `IfExists` and `ForAnyValue:`/`ForAllValues:`; AND across operators and keys, OR across values.
//   Dates are ISO 8601 or epoch seconds, as the IAM User Guide's "Date condition operators" allow;
//   a value that is not a number (or a date) does not match. An operator outside that list cannot
//   be evaluated: an Allow statement using it does not apply and a Deny statement using it does
//   (fail closed).

export interface Statement {
  Sid?: string
  Effect: string
  Principal?: unknown
  NotPrincipal?: unknown
  Action?: string | string[]
  NotAction?: string | string[]
  Resource?: string | string[]
  NotResource?: string | string[]
  Condition?: Record<string, Record<string, unknown>>
}

export interface PolicyDocument {
  Version: string
  Statement: Statement[]
}

export type Principal =
  | {
      kind: 'AWS'
      account: string
      /** every ARN that names it (a session: also its role) */ arns: string[]
    }
  | { kind: 'Service'; service: string }

export interface AccessRequest {
  /** Absent for identity policies, which have no Principal element. */
  principal?: Principal
  action: string
  resource: string
  context: Record<string, string | string[]>
}

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny'

type Outcome = boolean | 'unknown'

/** A stored (already validated) document, with a lone Statement object made a list. */
export function parsePolicy(text: string): PolicyDocument {
  const doc = JSON.parse(text) as { Version: string; Statement: Statement | Statement[] }
  return { Version: doc.Version, Statement: toList(doc.Statement) }
}

function toList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map(c => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value)
}

function principalMatches(element: unknown, principal: Principal): boolean {
  if (element === '*') return true
  if (element === null || typeof element !== 'object') return false
  const { AWS, Service } = element as { AWS?: string | string[]; Service?: string | string[] }
  if (principal.kind === 'Service') return toList(Service).includes(principal.service)
  return toList(AWS).some(
    value =>
      value === '*' ||
      value === principal.account ||
      value === `arn:aws:iam::${principal.account}:root` ||
      principal.arns.includes(value)
  )
}

/** Epoch milliseconds of an ISO 8601 date or of epoch seconds; NaN when it is neither. */
function dateValue(text: string): number {
  return /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text)
}

/** A comparison of two numbers read by `read`: false whenever either is not a number. */
const compare =
  (read: (text: string) => number, holds: (actual: number, expected: number) => boolean) =>
  (actual: string, expected: string): boolean => {
    const [a, e] = [read(actual), read(expected)]
    return !Number.isNaN(a) && !Number.isNaN(e) && holds(a, e)
  }

const number = (text: string) => (text.trim() === '' ? NaN : Number(text))
const ORDERINGS: [string, (a: number, e: number) => boolean][] = [
  ['Equals', (a, e) => a === e],
  ['LessThan', (a, e) => a < e],
  ['LessThanEquals', (a, e) => a <= e],
  ['GreaterThan', (a, e) => a > e],
  ['GreaterThanEquals', (a, e) => a >= e]
]

const SIMPLE_OPERATORS: Record<string, (actual: string, expected: string) => boolean> = {
  ...Object.fromEntries(
    ORDERINGS.map(([name, holds]) => [`Numeric${name}`, compare(number, holds)])
  ),
  ...Object.fromEntries(
    ORDERINGS.map(([name, holds]) => [`Date${name}`, compare(dateValue, holds)])
  ),
  StringEquals: (a, e) => a === e,
  StringEqualsIgnoreCase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  StringLike: (a, e) => wildcardMatch(e, a),
  ArnEquals: (a, e) => wildcardMatch(e, a),
  ArnLike: (a, e) => wildcardMatch(e, a),
  Bool: (a, e) => a.toLowerCase() === e.toLowerCase()
}

const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals'
}

function operatorHolds(
  operator: string,
  expectedRaw: unknown,
  actual: string[] | undefined
): Outcome {
  const parsed = /^(ForAnyValue:|ForAllValues:)?(\w+?)(IfExists)?$/.exec(operator)
  if (!parsed) return 'unknown'
  const [, setQualifier, base, ifExists] = parsed
  const expected = toList(expectedRaw).map(String)
  if (base === 'Null') return expected.some(e => (e.toLowerCase() === 'true') === !actual)
  const positive = NEGATED[base] ?? base
  const predicate = SIMPLE_OPERATORS[positive]
  if (!predicate) return 'unknown'
  const negated = positive !== base
  if (!actual) return Boolean(ifExists) || negated || setQualifier === 'ForAllValues:'
  const valueMatches = (value: string) => expected.some(e => predicate(value, e)) !== negated
  if (setQualifier === 'ForAllValues:') return actual.every(valueMatches)
  if (setQualifier === 'ForAnyValue:' || !negated) return actual.some(valueMatches)
  return actual.every(valueMatches)
}

function conditionsHold(
  block: Record<string, Record<string, unknown>>,
  context: Record<string, string | string[]>
): Outcome {
  const lowerContext = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]))
  let outcome: Outcome = true
  for (const [operator, keys] of Object.entries(block)) {
    for (const [key, expected] of Object.entries(keys ?? {})) {
      const value = lowerContext.get(key.toLowerCase())
      const result = operatorHolds(
        operator,
        expected,
        value === undefined ? undefined : toList(value)
      )
      if (result === false) return false
      if (result === 'unknown') outcome = 'unknown'
    }
  }
  return outcome
}

function statementMatches(statement: Statement, request: AccessRequest): Outcome {
  if (request.principal) {
    const { Principal, NotPrincipal } = statement
    if (Principal === undefined && NotPrincipal === undefined) return false
    if (Principal !== undefined && !principalMatches(Principal, request.principal)) return false
    if (NotPrincipal !== undefined && principalMatches(NotPrincipal, request.principal))
      return false
  }
  const actionHit = (patterns: string | string[] | undefined) =>
    toList(patterns).some(p => wildcardMatch(p, request.action, true))
  const actionApplies =
    statement.Action !== undefined
      ? actionHit(statement.Action)
      : statement.NotAction !== undefined && !actionHit(statement.NotAction)
  if (!actionApplies) return false
  const resourceHit = (patterns: string | string[] | undefined) =>
    toList(patterns).some(p => wildcardMatch(p, request.resource))
  if (statement.Resource !== undefined && !resourceHit(statement.Resource)) return false
  if (statement.NotResource !== undefined && resourceHit(statement.NotResource)) return false
  return statement.Condition ? conditionsHold(statement.Condition, request.context) : true
}

/** Items carry a statement and whatever the caller wants back (its source policy, say). */
export function evaluate<T extends { statement: Statement }>(
  items: readonly T[],
  request: AccessRequest
): { decision: Decision; matched: T[] } {
  const denies: T[] = []
  const allows: T[] = []
  for (const item of items) {
    const outcome = statementMatches(item.statement, request)
    if (item.statement.Effect === 'Deny' && outcome !== false) denies.push(item)
    if (item.statement.Effect === 'Allow' && outcome === true) allows.push(item)
  }
  if (denies.length > 0) return { decision: 'explicitDeny', matched: denies }
  if (allows.length > 0) return { decision: 'allowed', matched: allows }
  return { decision: 'implicitDeny', matched: [] }
}

/** Every statement of the documents, ready for `evaluate`. */
export function statementsOf(documents: string[]): { statement: Statement }[] {
  return documents.flatMap(text => parsePolicy(text).Statement.map(statement => ({ statement })))
}
