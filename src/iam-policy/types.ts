// Types shared by the IAM policy evaluator (src/iam-policy/).

/** What IAM would decide; `cannot-evaluate` when the evaluator cannot tell (never guessed as allowed). */
export type Decision = 'allowed' | 'explicit-deny' | 'implicit-deny' | 'cannot-evaluate'

/** The caller of a request. Absent in a `Request` means an anonymous (unsigned) request. */
export type RequestPrincipal = { AWS: string } | { Service: string } | { Federated: string }

export type ContextScalar = string | number | boolean
/** A request context value; an array is a multivalued key (use ForAnyValue/ForAllValues on it). */
export type ContextValue = ContextScalar | readonly ContextScalar[]

export interface Request {
  principal?: RequestPrincipal
  action: string
  /** The resource ARN. A trust policy has no Resource element, so it may be left out there. */
  resource?: string
  /** Condition keys (matched case-insensitively, as IAM does). */
  context?: Readonly<Record<string, ContextValue>>
}

export interface Evaluation {
  decision: Decision
  /** Labels (`Sid`, or `Statement[i]`) of the statements that decided, or that could not be evaluated. */
  statements: string[]
  /** One line for a report; an implicit deny names the closest Allow statement and what it missed. */
  reason: string
}

export type PolicyPrincipal = '*' | { [kind: string]: string | string[] }
type ConditionValue = string | number | boolean
export type ConditionBlock = Record<string, Record<string, ConditionValue | ConditionValue[]>>

export interface PolicyStatement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Principal?: PolicyPrincipal
  NotPrincipal?: PolicyPrincipal
  Action?: string | string[]
  NotAction?: string | string[]
  Resource?: string | string[]
  NotResource?: string | string[]
  Condition?: ConditionBlock
}

export interface PolicyDocument {
  Version?: string
  Id?: string
  Statement: PolicyStatement | PolicyStatement[]
}

/** A policy with the name a report should use for it (inline policy name, managed policy ARN). */
export interface NamedPolicy {
  name: string
  document: PolicyDocument
}
