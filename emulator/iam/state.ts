// IAM's in-memory state: roles (with their documents still propagating) and managed policies.

// A type, not an interface: it must fit the XML writer's index-signature values.
export type Tag = { Key: string; Value: string }

export interface Role {
  name: string
  path: string
  arn: string
  roleId: string
  createdAt: number
  /** GetRole answers NoSuchEntity until then (IAM's eventual consistency). */
  visibleAt: number
  /** As sent: IAM returns the document it was given, URL-encoded. */
  assumeRolePolicy: string
  description?: string
  maxSessionDuration: number
  permissionsBoundary?: string
  tags: Tag[]
  inlinePolicies: Map<string, string>
  attachedPolicies: string[]
  /** Changes that reads do not see yet (see iam-propagation.ts); absent when there are none. */
  propagation?: Propagation
}

/** The documents of a role that change propagation applies to. */
export interface RoleDocuments {
  assumeRolePolicy: string
  inlinePolicies: Map<string, string>
}

export type RoleChange =
  | { kind: 'trust'; document: string }
  | { kind: 'put-inline'; name: string; document: string }
  | { kind: 'delete-inline'; name: string }

export interface Propagation {
  /** What reads see: the documents before the first pending change, plus those now visible. */
  base: RoleDocuments
  /** Oldest first. */
  pending: { change: RoleChange; visibleAt: number }[]
}

export interface ManagedPolicy {
  name: string
  arn: string
  policyId: string
  path: string
  description?: string
  document: string
  createdAt: number
  tags: Tag[]
}

export interface IamState {
  /** By lower-cased name: IAM role names are unique regardless of case. */
  roles: Map<string, Role>
  /** By ARN. */
  policies: Map<string, ManagedPolicy>
}

export function iamState(): IamState {
  return { roles: new Map(), policies: new Map() }
}
