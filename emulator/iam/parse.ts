// Reading IAM's Query parameters into the model's inputs, with IAM's validation wording and in
// IAM's order (the first invalid parameter is the one reported).
import type { EmulatorContext } from '../core/context.js'
import { type QueryParams, required, structList, validationError } from '../protocols/query.js'
import { validateName, validatePath, validatePolicyDocument } from './documents.js'
import { findRole } from './model.js'
import type { Role, Tag } from './state.js'

/** The role the `RoleName` parameter names. */
export function namedRole(ctx: EmulatorContext, params: QueryParams): Role {
  return findRole(ctx, required(params, 'RoleName'))
}

export function parseTags(params: QueryParams): Tag[] {
  return structList(params, 'Tags').map(fields => ({
    Key: fields.get('Key') ?? '',
    Value: fields.get('Value') ?? ''
  }))
}

/** CreateRole's and CreatePolicy's shared start: a valid name, path and policy document. */
export function parseNewEntity(
  ctx: EmulatorContext,
  params: QueryParams,
  kind: 'trust' | 'identity'
): { name: string; path: string; document: string } {
  const trust = kind === 'trust'
  const name = required(params, trust ? 'RoleName' : 'PolicyName')
  validateName(name, trust ? 'roleName' : 'policyName', trust ? 64 : 128)
  const path = params.get('Path') ?? '/'
  validatePath(path)
  const document = required(params, trust ? 'AssumeRolePolicyDocument' : 'PolicyDocument')
  validatePolicyDocument(ctx, document, kind)
  return { name, path, document }
}

export function parseMaxSessionDuration(params: QueryParams): number | undefined {
  const raw = params.get('MaxSessionDuration')
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 3600 || value > 43200) {
    throw validationError(
      `Value '${raw}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200`
    )
  }
  return value
}
