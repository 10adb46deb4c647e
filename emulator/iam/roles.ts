// IAM roles: create, read (subject to propagation delay), update, tag.
import { ServiceError } from '../protocols/errors.js'
import { uniqueId } from '../core/ids.js'
import { encodeDocument, validateName, validatePath, validatePolicyDocument } from './documents.js'
import { changeRole, visibleDocuments } from './propagation.js'
import { type QueryParams, required, structList } from '../protocols/query.js'
import type { QueryAction } from '../protocols/query-service.js'
import type { EmulatorContext } from '../core/context.js'
import type { Role, Tag } from './state.js'
import type { XmlValue } from '../protocols/xml.js'

export function noSuchRole(name: string): ServiceError {
  return new ServiceError(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`)
}

/** IAM role names are unique regardless of case, and found regardless of case. */
export function findRole(ctx: EmulatorContext, name: string): Role {
  const role = ctx.state.iam.roles.get(name.toLowerCase())
  if (!role) throw noSuchRole(name)
  return role
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

/** `trust`: the trust policy to show, when reads do not see the stored one yet. */
export function roleXml(
  role: Role,
  withLastUsed: boolean,
  trust = role.assumeRolePolicy
): XmlValue {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: new Date(role.createdAt),
    AssumeRolePolicyDocument: encodeDocument(trust),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    PermissionsBoundary: role.permissionsBoundary
      ? {
          PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
          PermissionsBoundaryArn: role.permissionsBoundary
        }
      : undefined,
    Tags: role.tags.length > 0 ? role.tags : undefined,
    RoleLastUsed: withLastUsed ? {} : undefined
  }
}

export function parseTags(params: QueryParams): Tag[] {
  return structList(params, 'Tags').map(fields => ({
    Key: fields.get('Key') ?? '',
    Value: fields.get('Value') ?? ''
  }))
}

function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const byKey = new Map(existing.map(tag => [tag.Key, tag]))
  for (const tag of added) byKey.set(tag.Key, tag)
  return [...byKey.values()]
}

function maxSessionDuration(params: QueryParams): number | undefined {
  const raw = params.get('MaxSessionDuration')
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 3600 || value > 43200) {
    throw new ServiceError(
      400,
      'ValidationError',
      `1 validation error detected: Value '${raw}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200`
    )
  }
  return value
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

export const roleActions: Record<string, QueryAction> = {
  CreateRole(params, ctx) {
    const name = required(params, 'RoleName')
    validateName(name, 'roleName', 64)
    const path = params.get('Path') ?? '/'
    validatePath(path)
    const document = required(params, 'AssumeRolePolicyDocument')
    validatePolicyDocument(ctx, document, 'trust')
    const duration = maxSessionDuration(params)
    const boundary = params.get('PermissionsBoundary')
    if (boundary) requireAttachable(ctx, boundary, 'Scope ARN: ')
    if (ctx.state.iam.roles.has(name.toLowerCase())) {
      throw new ServiceError(409, 'EntityAlreadyExists', `Role with name ${name} already exists.`)
    }
    const role = newRole(ctx, {
      name,
      path,
      assumeRolePolicy: document,
      description: params.get('Description'),
      maxSessionDuration: duration,
      permissionsBoundary: boundary,
      tags: parseTags(params)
    })
    storeRole(ctx, role)
    return { Role: roleXml(role, false) }
  },

  GetRole(params, ctx) {
    const name = required(params, 'RoleName')
    const role = findRole(ctx, name)
    if (role.visibleAt > ctx.now()) throw noSuchRole(name)
    return { Role: roleXml(role, true, visibleDocuments(ctx, role).assumeRolePolicy) }
  },

  UpdateAssumeRolePolicy(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    const document = required(params, 'PolicyDocument')
    validatePolicyDocument(ctx, document, 'trust')
    changeRole(ctx, role, { kind: 'trust', document })
    return undefined
  },

  UpdateRole(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    const duration = maxSessionDuration(params)
    const description = params.get('Description')
    if (description !== undefined) role.description = description
    if (duration !== undefined) role.maxSessionDuration = duration
    return {}
  },

  TagRole(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    role.tags = mergeTags(role.tags, parseTags(params))
    return undefined
  },

  ListRoleTags(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    return { Tags: role.tags, IsTruncated: false }
  }
}
