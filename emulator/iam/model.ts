// IAM's rules over its state, with no HTTP: roles (unique and found regardless of case, invisible
// until propagated), their inline policies (a size quota, changes that propagate), managed
// policies, attachments and permissions boundaries.
import type { EmulatorContext } from '../core/context.js'
import { uniqueId } from '../core/ids.js'
import { ServiceError } from '../protocols/errors.js'
import { validatePolicyDocument } from './documents.js'
import { changeRole, visibleDocuments } from './propagation.js'
import type { ManagedPolicy, Role, RoleDocuments, Tag } from './state.js'

// IAM's quota for all inline policies of one role together, counted without whitespace.
const INLINE_POLICIES_MAX = 10240

export function noSuchRole(name: string): ServiceError {
  return new ServiceError(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`)
}

function noSuchInline(name: string): ServiceError {
  return new ServiceError(404, 'NoSuchEntity', `The role policy with name ${name} cannot be found.`)
}

/** IAM role names are unique regardless of case, and found regardless of case. */
export function findRole(ctx: EmulatorContext, name: string): Role {
  const role = ctx.state.iam.roles.get(name.toLowerCase())
  if (!role) throw noSuchRole(name)
  return role
}

export function roleByArn(ctx: EmulatorContext, arn: string): Role | undefined {
  return [...ctx.state.iam.roles.values()].find(role => role.arn === arn)
}

export function storeRole(ctx: EmulatorContext, role: Role): void {
  ctx.state.iam.roles.set(role.name.toLowerCase(), role)
}

export interface NewRole {
  name: string
  path?: string
  assumeRolePolicy: string
  description?: string
  maxSessionDuration?: number
  permissionsBoundary?: string
  tags?: Tag[]
}

export function newRole(ctx: EmulatorContext, input: NewRole, createdAt = ctx.now()): Role {
  const path = input.path ?? '/'
  return {
    name: input.name,
    path,
    arn: `arn:aws:iam::${ctx.config.accountId}:role${path}${input.name}`,
    roleId: uniqueId('AROA'),
    createdAt,
    visibleAt: createdAt + ctx.config.iamPropagationMs,
    assumeRolePolicy: input.assumeRolePolicy,
    description: input.description,
    maxSessionDuration: input.maxSessionDuration ?? 3600,
    permissionsBoundary: input.permissionsBoundary,
    tags: input.tags ?? [],
    inlinePolicies: new Map(),
    attachedPolicies: []
  }
}

export function requireAttachable(ctx: EmulatorContext, arn: string, label: string): void {
  if (!ctx.state.iam.policies.has(arn)) {
    throw new ServiceError(
      404,
      'NoSuchEntity',
      `${label}${arn} does not exist or is not attachable.`
    )
  }
}

/** The name, path and trust policy are validated by the caller (see parse.ts). */
export function createRole(ctx: EmulatorContext, input: NewRole): Role {
  if (input.permissionsBoundary) requireAttachable(ctx, input.permissionsBoundary, 'Scope ARN: ')
  if (ctx.state.iam.roles.has(input.name.toLowerCase())) {
    throw new ServiceError(
      409,
      'EntityAlreadyExists',
      `Role with name ${input.name} already exists.`
    )
  }
  const role = newRole(ctx, input)
  storeRole(ctx, role)
  return role
}

/** A role as reads see it: NoSuchEntity until it has propagated, documents as propagated. */
export function readRole(
  ctx: EmulatorContext,
  name: string
): { role: Role; visible: RoleDocuments } {
  const role = findRole(ctx, name)
  if (role.visibleAt > ctx.now()) throw noSuchRole(name)
  return { role, visible: visibleDocuments(ctx, role) }
}

export function updateTrust(ctx: EmulatorContext, role: Role, document: string): void {
  validatePolicyDocument(ctx, document, 'trust')
  changeRole(ctx, role, { kind: 'trust', document })
}

/** UpdateRole: what is given changes, what is not stays. */
export function updateRole(
  role: Role,
  changes: { description?: string; maxSessionDuration?: number }
): void {
  if (changes.description !== undefined) role.description = changes.description
  if (changes.maxSessionDuration !== undefined) role.maxSessionDuration = changes.maxSessionDuration
}

export function tagRole(role: Role, added: Tag[]): void {
  const byKey = new Map(role.tags.map(tag => [tag.Key, tag]))
  for (const tag of added) byKey.set(tag.Key, tag)
  role.tags = [...byKey.values()]
}

function inlineSize(documents: Iterable<string>): number {
  let size = 0
  for (const document of documents) size += document.replace(/\s/g, '').length
  return size
}

/** `name` is validated by the caller (see parse.ts). */
export function putInline(ctx: EmulatorContext, role: Role, name: string, document: string): void {
  validatePolicyDocument(ctx, document, 'identity')
  const others = [...role.inlinePolicies].filter(([key]) => key !== name).map(([, doc]) => doc)
  if (inlineSize([...others, document]) > INLINE_POLICIES_MAX) {
    throw new ServiceError(
      409,
      'LimitExceeded',
      `Maximum policy size of ${INLINE_POLICIES_MAX} bytes exceeded for role ${role.name}`
    )
  }
  changeRole(ctx, role, { kind: 'put-inline', name, document })
}

/** The inline policy as reads see it (propagation applies). */
export function readInline(ctx: EmulatorContext, role: Role, name: string): string {
  const document = visibleDocuments(ctx, role).inlinePolicies.get(name)
  if (document === undefined) throw noSuchInline(name)
  return document
}

export function deleteInline(ctx: EmulatorContext, role: Role, name: string): void {
  if (!role.inlinePolicies.has(name)) throw noSuchInline(name)
  changeRole(ctx, role, { kind: 'delete-inline', name })
}

export function attachPolicy(ctx: EmulatorContext, role: Role, arn: string): void {
  requireAttachable(ctx, arn, 'Policy ')
  if (!role.attachedPolicies.includes(arn)) role.attachedPolicies.push(arn)
}

export function setBoundary(ctx: EmulatorContext, role: Role, arn: string): void {
  requireAttachable(ctx, arn, 'Scope ARN: ')
  role.permissionsBoundary = arn
}

export interface NewManagedPolicy {
  name: string
  document: string
  path?: string
  description?: string
  /** Set for AWS managed policies (arn:aws:iam::aws:policy/...). */
  arn?: string
  tags?: Tag[]
}

export function newManagedPolicy(
  ctx: EmulatorContext,
  input: NewManagedPolicy,
  createdAt = ctx.now()
): ManagedPolicy {
  const path = input.path ?? '/'
  return {
    name: input.name,
    arn: input.arn ?? `arn:aws:iam::${ctx.config.accountId}:policy${path}${input.name}`,
    policyId: uniqueId('ANPA'),
    path,
    description: input.description,
    document: input.document,
    createdAt,
    tags: input.tags ?? []
  }
}

/** The name, path and document are validated by the caller (see parse.ts). */
export function createPolicy(ctx: EmulatorContext, input: NewManagedPolicy): ManagedPolicy {
  const policy = newManagedPolicy(ctx, input)
  const sameName = [...ctx.state.iam.policies.values()].some(
    p => p.name === input.name && p.arn.includes(`:${ctx.config.accountId}:`)
  )
  if (sameName) {
    throw new ServiceError(
      409,
      'EntityAlreadyExists',
      `A policy called ${input.name} already exists. Duplicate names are not allowed.`
    )
  }
  ctx.state.iam.policies.set(policy.arn, policy)
  return policy
}

export function findPolicy(ctx: EmulatorContext, arn: string): ManagedPolicy {
  const policy = ctx.state.iam.policies.get(arn)
  if (!policy) throw new ServiceError(404, 'NoSuchEntity', `Policy ${arn} was not found.`)
  return policy
}

/** Managed policies have one version, v1. */
export function findPolicyVersion(ctx: EmulatorContext, arn: string, versionId: string) {
  const policy = findPolicy(ctx, arn)
  if (versionId !== 'v1') {
    throw new ServiceError(
      404,
      'NoSuchEntity',
      `Policy ${arn} version ${versionId} does not exist or is not attachable.`
    )
  }
  return policy
}

/** How many roles attach a policy, and how many have it as their boundary. */
export function policyUsage(ctx: EmulatorContext, policy: ManagedPolicy) {
  const roles = [...ctx.state.iam.roles.values()]
  return {
    attachments: roles.filter(role => role.attachedPolicies.includes(policy.arn)).length,
    boundaries: roles.filter(role => role.permissionsBoundary === policy.arn).length
  }
}
