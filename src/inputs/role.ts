// API Connect's inputs (the principal to trust, the external ID it presents) and the role's: its
// name, path, description, boundary, tags, and the principals it may trust besides API Connect.
import { createHash } from 'node:crypto'
import { isPolicyArn, principalProblem, REGION_PATTERN, type FunctionRef } from '../aws/arn.js'
import { IBM_ACCOUNT, resolvePrincipal } from './api-connect-regions.js'
import { lines, parsePairs } from './key-value.js'
import { quote } from './quote.js'
import type { Reader } from './reader.js'
import type { Settings } from './settings.js'
import { checkTags } from './tag-rules.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/
const ROLE_PATH = /^\/([\x21-\x7E]*\/)?$/
/** Tags the action adds itself (see runner/provenance.ts); they count against IAM's 50-tag limit. */
export const RESERVED_TAG_COUNT = 3

/** `provider-org-id` (the external ID) and the principal, from the region table or its ARN. */
export function readApiConnect(
  { input, problem, notice }: Reader,
  region: string | undefined
): Settings['apiConnect'] {
  const orgId = input('provider-org-id')
  if (!orgId)
    problem(
      'provider-org-id',
      'is required: the API Connect provider organization ID (a UUID), used as sts:ExternalId'
    )
  else if (UUID.test(orgId) && orgId !== orgId.toLowerCase())
    notice(
      `provider-org-id: API Connect's provider org IDs are lowercase UUIDs; using ${orgId.toLowerCase()} (sts:ExternalId is compared case-sensitively)`
    )
  else if (!UUID.test(orgId))
    problem(
      'provider-org-id',
      `${quote(orgId)} is not a UUID. It is the provider organization's ID, not its name ` +
        '(e.g. ac51909e-a379-4153-a0e8-ef4a25a83405): `apic orgs:list --my --server <management server>` lists it'
    )
  // A malformed region already has its error: it must not add one about API Connect's region.
  const principal = resolvePrincipal(
    input('api-connect-region'),
    input('api-connect-role-arn'),
    region && REGION_PATTERN.test(region) ? region : undefined,
    problem
  )
  return {
    externalId: orgId?.toLowerCase() ?? '',
    principalArn: principal?.arn ?? '',
    source: principal?.source ?? ''
  }
}

/** The role's own inputs; `manage-role` is read with the run's switches, last. */
export function readRole(
  { input, problem }: Reader,
  ref: FunctionRef | undefined
): Omit<Settings['role'], 'manage'> {
  const name = input('role-name') ?? (ref ? defaultRoleName(ref.name) : undefined)
  if (name !== undefined && !ROLE_NAME.test(name))
    problem('role-name', `${quote(name)} must be 1-64 letters, digits or + = , . @ _ -`)
  const path = input('role-path') ?? '/'
  if (!ROLE_PATH.test(path) || path.length > 512)
    problem(
      'role-path',
      `${quote(path)} must start and end with / (e.g. /apic/), printable ASCII, at most 512 characters`
    )
  const description = input('role-description')
  if (
    description &&
    (description.length > 1000 || !/^[\t\n\r\x20-\x7E\xA1-\xFF]*$/.test(description))
  )
    problem('role-description', 'must be at most 1000 printable characters')
  const permissionsBoundary = input('permissions-boundary')
  if (permissionsBoundary && !isPolicyArn(permissionsBoundary))
    problem(
      'permissions-boundary',
      `${quote(permissionsBoundary)} is not a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`
    )
  const tags = parsePairs(input('role-tags'), 'role-tags', problem) ?? {}
  checkTags('role-tags', tags, { service: 'IAM', reserved: RESERVED_TAG_COUNT }, problem)
  return { name: name ?? '', path, description, permissionsBoundary, tags }
}

/**
 * `accepted-principals`: one a line, each a principal a trust policy can name. IBM's account, and
 * the account of an explicit api-connect-role-arn, are API Connect's: its access is what
 * api-connect-region and provider-org-id describe, so no principal of theirs is accepted on top.
 */
export function readAcceptedPrincipals(
  { input, problem }: Reader,
  apiConnect: Settings['apiConnect'],
  explicitArn: string | undefined
): string[] {
  const principals = lines(input('accepted-principals'))
  const apiConnectAccounts = new Map([[IBM_ACCOUNT, `IBM's API Connect account ${IBM_ACCOUNT}`]])
  const explicit = explicitArn && accountOfPrincipal(explicitArn)
  if (explicit && !apiConnectAccounts.has(explicit))
    apiConnectAccounts.set(explicit, `the account of api-connect-role-arn (${explicit})`)
  for (const [index, principal] of principals.entries()) {
    const account = accountOfPrincipal(principal)
    const owner = account && apiConnectAccounts.get(account)
    const why =
      principal === apiConnect.principalArn
        ? 'is the API Connect principal itself: it needs no declaration, and its other external IDs are never accepted'
        : owner
          ? `is a principal of ${owner}, which is API Connect's: API Connect's access is what api-connect-region and provider-org-id describe (its role with this org's external ID), and no other principal of that account is accepted`
          : principalProblem(principal)
    if (why) problem('accepted-principals', `line ${index + 1}: ${why}`)
  }
  return principals
}

/** The account a principal belongs to: an account ID, or an IAM or STS ARN of any partition. */
function accountOfPrincipal(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal
  return /^arn:[^:]*:(?:iam|sts):[^:]*:(\d{12}):/i.exec(principal)?.[1]
}

/** `apic-invoke-<function>`, shortened with a stable hash to fit IAM's 64-character limit. */
export function defaultRoleName(functionName: string): string {
  const name = `apic-invoke-${functionName}`
  if (name.length <= 64) return name
  const hash = createHash('sha256').update(functionName).digest('hex').slice(0, 8)
  return `${name.slice(0, 55)}-${hash}`
}
