// IAM role actions: create, read (subject to propagation delay), update, tag. Each handler parses
// the parameters, lets the model decide, and renders the answer.
import { required } from '../protocols/query.js'
import type { QueryAction } from '../protocols/query-service.js'
import { createRole, readRole, tagRole, updateRole, updateTrust } from './model.js'
import { namedRole, parseMaxSessionDuration, parseNewEntity, parseTags } from './parse.js'
import { roleXml } from './render.js'

export const roleActions: Record<string, QueryAction> = {
  CreateRole(params, ctx) {
    const { name, path, document } = parseNewEntity(ctx, params, 'trust')
    const role = createRole(ctx, {
      name,
      path,
      assumeRolePolicy: document,
      maxSessionDuration: parseMaxSessionDuration(params),
      description: params.get('Description'),
      permissionsBoundary: params.get('PermissionsBoundary'),
      tags: parseTags(params)
    })
    return { Role: roleXml(role, false) }
  },

  GetRole(params, ctx) {
    const { role, visible } = readRole(ctx, required(params, 'RoleName'))
    return { Role: roleXml(role, true, visible.assumeRolePolicy) }
  },

  UpdateAssumeRolePolicy(params, ctx) {
    updateTrust(ctx, namedRole(ctx, params), required(params, 'PolicyDocument'))
    return undefined
  },

  UpdateRole(params, ctx) {
    const role = namedRole(ctx, params)
    updateRole(role, {
      maxSessionDuration: parseMaxSessionDuration(params),
      description: params.get('Description')
    })
    return {}
  },

  TagRole(params, ctx) {
    tagRole(namedRole(ctx, params), parseTags(params))
    return undefined
  },

  ListRoleTags(params, ctx) {
    const role = namedRole(ctx, params)
    return { Tags: role.tags, IsTruncated: false }
  }
}
