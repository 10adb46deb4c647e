// IAM's entities as its API shows them: documents RFC 3986 URL-encoded, as IAM returns them.
import type { EmulatorContext } from '../core/context.js'
import type { XmlValue } from '../protocols/xml.js'
import { policyUsage } from './model.js'
import type { ManagedPolicy, Role } from './state.js'

/** RFC 3986 percent-encoding, as IAM returns policy documents. */
export function encodeDocument(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
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

export function policyXml(ctx: EmulatorContext, policy: ManagedPolicy): XmlValue {
  const usage = policyUsage(ctx, policy)
  return {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: 'v1',
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    Description: policy.description,
    CreateDate: new Date(policy.createdAt),
    UpdateDate: new Date(policy.createdAt),
    Tags: policy.tags.length > 0 ? policy.tags : undefined
  }
}
