// One statement against one request: which of its elements (principal, action, resource,
// condition) match, in three-valued logic, and whether it applies. The evaluator and the
// analyses build their decisions from these results.
import { conditionMatches } from './conditions.js'
import {
  allOf,
  anyOf,
  arnParts,
  asList,
  type Context,
  contextFrom,
  globMatches,
  isRecord,
  isUnknown,
  not,
  type Tri,
  type Unknown,
  unknown
} from './logic.js'
import {
  type Caller,
  callerContext,
  callerOf,
  notPrincipalMatches,
  principalMatches
} from './principals.js'
import { resourceArnMatches } from './resource-arn.js'
import type { Evaluation, Request } from './types.js'

export type PolicyKind = 'resource' | 'identity'

interface Setup {
  caller: Caller
  context: Context
}

interface Environment {
  context: Context
  variables: boolean
}

export interface StatementResult {
  label: string
  effect: 'Allow' | 'Deny' | 'unknown'
  applies: Tri
  /** How each element matched, to explain a statement that does not apply. */
  match?: Match
}

/** Where statements come from: `prefix` labels them, `title` names their policy in a sentence. */
interface Source {
  prefix?: string
  title?: string
}

export function prepare(request: Request): Setup | Evaluation {
  const caller = callerOf(request.principal)
  if (isUnknown(caller)) {
    return { decision: 'cannot-evaluate', statements: [], reason: caller.unknown }
  }
  // IAM's own keys for the caller first, so that the request's context can override them.
  const context = contextFrom({ ...callerContext(caller), ...request.context })
  return { caller, context }
}

export function evaluateDocument(
  document: unknown,
  source: Source,
  kind: PolicyKind,
  request: Request,
  setup: Setup
): StatementResult[] {
  const named = (label: string) => (source.prefix ? `${source.prefix}: ${label}` : label)
  if (!isRecord(document) || !('Statement' in document)) {
    const applies = unknown('not a policy document (no Statement)')
    return [{ label: named('policy'), effect: 'unknown', applies }]
  }
  // Policy variables exist only in policy language version 2012-10-17; before, `${` is literal.
  const variables = document.Version === '2012-10-17'
  const statements = asList(document.Statement)
  return statements.map((statement, i) => {
    const sid = isRecord(statement) && typeof statement.Sid === 'string' ? statement.Sid : ''
    const local = sid || `Statement[${i}]`
    const label = named(local)
    if (!isRecord(statement)) {
      return { label, effect: 'unknown', applies: unknown('statement is not an object') }
    }
    const effect =
      statement.Effect === 'Allow' || statement.Effect === 'Deny' ? statement.Effect : 'unknown'
    const env = { context: setup.context, variables }
    const match = matchStatement(statement, kind, request, setup.caller, env)
    const applies = allOf([
      effect === 'unknown'
        ? unknown(`Effect ${JSON.stringify(statement.Effect)} is not Allow or Deny`)
        : true,
      statementApplies(match)
    ])
    // A policy of one statement is named by its policy alone.
    const subject = !source.title
      ? `statement "${local}"`
      : statements.length === 1
        ? source.title
        : `${source.title}, statement "${local}"`
    return { label, effect, applies, match: { ...match, subject, statement, env } }
  })
}

/** How each element of a statement matches a request, and what a report calls the statement. */
export interface Match {
  kind: PolicyKind
  principal: Part
  action: Part
  resource: Part
  condition: Tri
  subject: string
  statement: Record<string, unknown>
  env: Environment
}
type Parts = Pick<Match, 'kind' | 'principal' | 'action' | 'resource' | 'condition'>

function matchStatement(
  statement: Record<string, unknown>,
  kind: PolicyKind,
  request: Request,
  caller: Caller,
  env: Environment
): Parts {
  return {
    kind,
    principal: principalPart(statement, kind, caller),
    action: element(statement, 'Action', 'NotAction', true, pattern =>
      actionMatches(pattern, request.action)
    ),
    resource: element(statement, 'Resource', 'NotResource', kind === 'identity', pattern =>
      resourceMatches(pattern, request.resource, env)
    ),
    condition: conditionMatches(statement.Condition, env)
  }
}

function statementApplies(match: Parts): Tri {
  // An invalid statement (IAM would not have stored it) is Unknown as a whole.
  const parts = [match.principal, match.action, match.resource]
  const invalid = parts.find(isInvalid)
  if (invalid) return invalid.invalid
  return allOf([...(parts as Tri[]), match.condition])
}

/** A statement part: how it matches, or why the statement is invalid. */
export type Part = Tri | Invalid
interface Invalid {
  invalid: Unknown
}
export const isInvalid = (part: Part): part is Invalid =>
  typeof part === 'object' && 'invalid' in part

function principalPart(statement: Record<string, unknown>, kind: PolicyKind, caller: Caller): Part {
  const has = (key: string) => statement[key] !== undefined
  if (kind === 'identity') {
    return has('Principal') || has('NotPrincipal')
      ? { invalid: unknown('an identity policy statement cannot have Principal or NotPrincipal') }
      : true
  }
  if (has('Principal') === has('NotPrincipal')) {
    return {
      invalid: unknown('a resource policy statement needs one of Principal or NotPrincipal')
    }
  }
  return has('Principal')
    ? principalMatches(statement.Principal, caller)
    : notPrincipalMatches(statement.NotPrincipal, caller)
}

/** Action/NotAction or Resource/NotResource: exactly one of them, or neither when optional. */
function element(
  statement: Record<string, unknown>,
  key: string,
  notKey: string,
  required: boolean,
  matches: (pattern: string) => Tri
): Part {
  const [positive, negative] = [statement[key], statement[notKey]]
  if (positive !== undefined && negative !== undefined) {
    return { invalid: unknown(`a statement cannot have both ${key} and ${notKey}`) }
  }
  if (positive === undefined && negative === undefined) {
    return required ? { invalid: unknown(`the statement has no ${key} or ${notKey}`) } : true
  }
  const patterns = asList(positive ?? negative)
  if (patterns.length === 0 || patterns.some(p => typeof p !== 'string')) {
    return { invalid: unknown(`${positive !== undefined ? key : notKey} must hold strings`) }
  }
  const any = anyOf((patterns as string[]).map(matches))
  return positive !== undefined ? any : not(any)
}

/** `service:action` with `*` and `?` wildcards, case-insensitive. */
function actionMatches(pattern: string, action: string): Tri {
  if (pattern === '*') return true
  if (!pattern.includes(':')) return unknown(`Action "${pattern}" is not service:action`)
  return globMatches(pattern, action, new Map(), {
    wildcards: true,
    variables: false,
    ignoreCase: true
  })
}

function resourceMatches(pattern: string, resource: string | undefined, env: Environment): Tri {
  if (pattern === '*') return true
  if (resource === undefined) {
    return unknown(`Resource "${pattern}" but the request names no resource`)
  }
  if (!resource.startsWith('arn:')) {
    return globMatches(pattern, resource, env.context, {
      wildcards: true,
      variables: env.variables
    })
  }
  const parts = arnParts(pattern)
  if (parts.length < 6) {
    // A trailing `*` may expand beyond the colons (IAM documents this); anything else is not
    // an ARN, which IAM would have refused to store.
    if (!pattern.endsWith('*')) return unknown(`Resource "${pattern}" is not an ARN`)
    pattern += ':*'.repeat(6 - parts.length)
  }
  return resourceArnMatches(pattern, resource, env.context, env.variables)
}

/** The statements of one set of policies (the identity policies, or the boundary). */
export interface Group {
  name: string
  results: StatementResult[]
  /** What to say when no Allow statement of a group of identity policies names the action. */
  noAction?: string
}
