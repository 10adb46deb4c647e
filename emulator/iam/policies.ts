// IAM policies: a role's inline policies, managed policies and attachments, permissions boundaries.
import { ServiceError } from '../protocols/errors.js'
import { uniqueId } from '../core/ids.js'
import { encodeDocument, validateName, validatePath, validatePolicyDocument } from './documents.js'
import { changeRole, visibleDocuments } from './propagation.js'
import { findRole, parseTags, requireAttachable } from './roles.js'
import { required } from '../protocols/query.js'
import type { QueryAction } from '../protocols/query-service.js'
import type { EmulatorContext } from '../core/context.js'
import type { ManagedPolicy, Tag } from './state.js'
import type { XmlValue } from '../protocols/xml.js'

// IAM's quota for all inline policies of one role together, counted without whitespace.
const INLINE_POLICIES_MAX = 10240

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

function findPolicy(ctx: EmulatorContext, arn: string): ManagedPolicy {
  const policy = ctx.state.iam.policies.get(arn)
  if (!policy) throw new ServiceError(404, 'NoSuchEntity', `Policy ${arn} was not found.`)
  return policy
}

function policyXml(ctx: EmulatorContext, policy: ManagedPolicy): XmlValue {
  const roles = [...ctx.state.iam.roles.values()]
  return {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: 'v1',
    AttachmentCount: roles.filter(role => role.attachedPolicies.includes(policy.arn)).length,
    PermissionsBoundaryUsageCount: roles.filter(role => role.permissionsBoundary === policy.arn)
      .length,
    IsAttachable: true,
    Description: policy.description,
    CreateDate: new Date(policy.createdAt),
    UpdateDate: new Date(policy.createdAt),
    Tags: policy.tags.length > 0 ? policy.tags : undefined
  }
}

function inlineSize(documents: Iterable<string>): number {
  let size = 0
  for (const document of documents) size += document.replace(/\s/g, '').length
  return size
}

export const policyActions: Record<string, QueryAction> = {
  PutRolePolicy(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    const name = required(params, 'PolicyName')
    validateName(name, 'policyName', 128)
    const document = required(params, 'PolicyDocument')
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
    return undefined
  },

  GetRolePolicy(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    const name = required(params, 'PolicyName')
    const document = visibleDocuments(ctx, role).inlinePolicies.get(name)
    if (document === undefined) {
      throw new ServiceError(
        404,
        'NoSuchEntity',
        `The role policy with name ${name} cannot be found.`
      )
    }
    return { RoleName: role.name, PolicyName: name, PolicyDocument: encodeDocument(document) }
  },

  ListRolePolicies(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    const names = [...visibleDocuments(ctx, role).inlinePolicies.keys()].sort()
    return { PolicyNames: names, IsTruncated: false }
  },

  DeleteRolePolicy(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    const name = required(params, 'PolicyName')
    if (!role.inlinePolicies.has(name)) {
      throw new ServiceError(
        404,
        'NoSuchEntity',
        `The role policy with name ${name} cannot be found.`
      )
    }
    changeRole(ctx, role, { kind: 'delete-inline', name })
    return undefined
  },

  ListAttachedRolePolicies(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    const attached = role.attachedPolicies.map(arn => ({
      PolicyName: ctx.state.iam.policies.get(arn)?.name ?? arn.split('/').pop(),
      PolicyArn: arn
    }))
    return { AttachedPolicies: attached, IsTruncated: false }
  },

  AttachRolePolicy(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    const arn = required(params, 'PolicyArn')
    requireAttachable(ctx, arn, 'Policy ')
    if (!role.attachedPolicies.includes(arn)) role.attachedPolicies.push(arn)
    return undefined
  },

  CreatePolicy(params, ctx) {
    const name = required(params, 'PolicyName')
    validateName(name, 'policyName', 128)
    const path = params.get('Path') ?? '/'
    validatePath(path)
    const document = required(params, 'PolicyDocument')
    validatePolicyDocument(ctx, document, 'identity')
    const policy = newManagedPolicy(ctx, {
      name,
      path,
      document,
      description: params.get('Description'),
      tags: parseTags(params)
    })
    const sameName = [...ctx.state.iam.policies.values()].some(
      p => p.name === name && p.arn.includes(`:${ctx.config.accountId}:`)
    )
    if (sameName) {
      throw new ServiceError(
        409,
        'EntityAlreadyExists',
        `A policy called ${name} already exists. Duplicate names are not allowed.`
      )
    }
    ctx.state.iam.policies.set(policy.arn, policy)
    return { Policy: policyXml(ctx, policy) }
  },

  GetPolicy(params, ctx) {
    return { Policy: policyXml(ctx, findPolicy(ctx, required(params, 'PolicyArn'))) }
  },

  GetPolicyVersion(params, ctx) {
    const arn = required(params, 'PolicyArn')
    const versionId = required(params, 'VersionId')
    const policy = findPolicy(ctx, arn)
    if (versionId !== 'v1') {
      throw new ServiceError(
        404,
        'NoSuchEntity',
        `Policy ${arn} version ${versionId} does not exist or is not attachable.`
      )
    }
    return {
      PolicyVersion: {
        Document: encodeDocument(policy.document),
        VersionId: 'v1',
        IsDefaultVersion: true,
        CreateDate: new Date(policy.createdAt)
      }
    }
  },

  PutRolePermissionsBoundary(params, ctx) {
    const role = findRole(ctx, required(params, 'RoleName'))
    const arn = required(params, 'PermissionsBoundary')
    requireAttachable(ctx, arn, 'Scope ARN: ')
    role.permissionsBoundary = arn
    return undefined
  }
}
