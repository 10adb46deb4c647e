// IAM's eventual consistency for changes (`iamChangePropagationMs`): a new trust policy or inline
// policy is stored at once, and later writes build on it, but reads (GetRole, GetRolePolicy,
// ListRolePolicies, SimulatePrincipalPolicy, STS AssumeRole, Lambda's execution role check) see the
// previous version until the window has passed. Changes become visible in the order they were made.
import type { EmulatorContext } from '../core/context.js'
import type { Propagation, Role, RoleChange, RoleDocuments } from './state.js'

function apply(documents: RoleDocuments, change: RoleChange): void {
  if (change.kind === 'trust') documents.assumeRolePolicy = change.document
  else if (change.kind === 'put-inline') documents.inlinePolicies.set(change.name, change.document)
  else documents.inlinePolicies.delete(change.name)
}

/**
 * Makes the change. While a window is set (or older changes still propagate), reads see it only
 * once its time has come.
 */
export function changeRole(ctx: EmulatorContext, role: Role, change: RoleChange): void {
  const window = ctx.config.iamChangePropagationMs
  if (window > 0 || role.propagation) {
    role.propagation ??= {
      base: {
        assumeRolePolicy: role.assumeRolePolicy,
        inlinePolicies: new Map(role.inlinePolicies)
      },
      pending: []
    }
    role.propagation.pending.push({ change, visibleAt: ctx.now() + window })
  }
  apply(role, change)
}

/** The trust policy and inline policies as reads see them now; callers must not modify them. */
export function visibleDocuments(ctx: EmulatorContext, role: Role): RoleDocuments {
  const propagation = role.propagation
  if (!propagation) return role
  const { base, pending } = propagation
  const now = ctx.now()
  while (pending.length > 0 && pending[0].visibleAt <= now) apply(base, pending.shift()!.change)
  if (pending.length > 0) return base
  role.propagation = undefined
  return role
}

/** The changes reads do not show yet, oldest first. */
export function pendingChanges(ctx: EmulatorContext, role: Role): Propagation['pending'] {
  visibleDocuments(ctx, role)
  return role.propagation?.pending ?? []
}
