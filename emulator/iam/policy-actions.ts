// IAM policy actions: a role's inline policies, managed policies and attachments, permissions
// boundaries. Each handler parses the parameters, lets the model decide, and renders the answer.
import { required } from '../protocols/query.js'
import type { QueryAction } from '../protocols/query-service.js'
import { validateName } from './documents.js'
import {
  attachPolicy,
  createPolicy,
  deleteInline,
  findPolicy,
  findPolicyVersion,
  putInline,
  readInline,
  setBoundary
} from './model.js'
import { namedRole, parseNewEntity, parseTags } from './parse.js'
import { visibleDocuments } from './propagation.js'
import { encodeDocument, policyXml } from './render.js'

export const policyActions: Record<string, QueryAction> = {
  PutRolePolicy(params, ctx) {
    const role = namedRole(ctx, params)
    const name = required(params, 'PolicyName')
    validateName(name, 'policyName', 128)
    putInline(ctx, role, name, required(params, 'PolicyDocument'))
    return undefined
  },

  GetRolePolicy(params, ctx) {
    const role = namedRole(ctx, params)
    const name = required(params, 'PolicyName')
    const document = readInline(ctx, role, name)
    return { RoleName: role.name, PolicyName: name, PolicyDocument: encodeDocument(document) }
  },

  ListRolePolicies(params, ctx) {
    const role = namedRole(ctx, params)
    const names = [...visibleDocuments(ctx, role).inlinePolicies.keys()].sort()
    return { PolicyNames: names, IsTruncated: false }
  },

  DeleteRolePolicy(params, ctx) {
    deleteInline(ctx, namedRole(ctx, params), required(params, 'PolicyName'))
    return undefined
  },

  ListAttachedRolePolicies(params, ctx) {
    const role = namedRole(ctx, params)
    const attached = role.attachedPolicies.map(arn => ({
      PolicyName: ctx.state.iam.policies.get(arn)?.name ?? arn.split('/').pop(),
      PolicyArn: arn
    }))
    return { AttachedPolicies: attached, IsTruncated: false }
  },

  AttachRolePolicy(params, ctx) {
    attachPolicy(ctx, namedRole(ctx, params), required(params, 'PolicyArn'))
    return undefined
  },

  CreatePolicy(params, ctx) {
    const { name, path, document } = parseNewEntity(ctx, params, 'identity')
    const policy = createPolicy(ctx, {
      name,
      path,
      document,
      description: params.get('Description'),
      tags: parseTags(params)
    })
    return { Policy: policyXml(ctx, policy) }
  },

  GetPolicy(params, ctx) {
    return { Policy: policyXml(ctx, findPolicy(ctx, required(params, 'PolicyArn'))) }
  },

  GetPolicyVersion(params, ctx) {
    const arn = required(params, 'PolicyArn')
    const policy = findPolicyVersion(ctx, arn, required(params, 'VersionId'))
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
    setBoundary(ctx, namedRole(ctx, params), required(params, 'PermissionsBoundary'))
    return undefined
  }
}
