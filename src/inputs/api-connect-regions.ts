// API Connect (SaaS on AWS) regions by IBM's ids, the ids of its host names
// (`api-manager.<id>.apiconnect.automation.ibm.com`), and IBM's published service role of each: API
// Connect assumes the customer's role from it. Regions whose role IBM has not published are known
// by name only, so that we can ask for `api-connect-role-arn` instead of guessing an ARN.
import { isRoleArn } from '../aws/arn.js'
import { quote } from './quote.js'

interface ApiConnectRegion {
  id: string
  name: string
  awsRegion: string
  roleArn?: string
  aliases: string[]
}

/** IBM's AWS account: every published API Connect role lives in it. */
export const IBM_ACCOUNT = '623947394061'

export const API_CONNECT_REGIONS: readonly ApiConnectRegion[] = [
  {
    id: 'us-east-a',
    name: 'N. Virginia',
    awsRegion: 'us-east-1',
    roleArn: `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-us-east-a`,
    aliases: ['n-virginia', 'virginia']
  },
  {
    id: 'eu-central-a',
    name: 'Frankfurt',
    awsRegion: 'eu-central-1',
    roleArn: `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-eu-central-a`,
    aliases: ['frankfurt']
  },
  {
    id: 'eu-west-a',
    name: 'London',
    awsRegion: 'eu-west-2',
    roleArn: `arn:aws:iam::${IBM_ACCOUNT}:role/ibm-apiconnect-eu-west-a`,
    aliases: ['london']
  },
  { id: 'ap-south-a', name: 'Mumbai', awsRegion: 'ap-south-1', aliases: ['mumbai'] },
  { id: 'ap-southeast-a', name: 'Sydney', awsRegion: 'ap-southeast-2', aliases: ['sydney'] }
]

/** Where IBM names the role API Connect assumes, per region (Lambda policy, "Setting up permissions and trust in AWS"). */
const IBM_ROLE_SOURCE = 'https://www.ibm.com/docs/en/api-connect/saas?topic=policies-lambda'

/** The published principals: a trust statement for one of them with this org's ID is API Connect. */
export const PUBLISHED_PRINCIPALS = API_CONNECT_REGIONS.flatMap(r => (r.roleArn ? [r.roleArn] : []))

/** `eu-west-a (London)` for a published principal; undefined for any other ARN. */
export function regionOfPrincipal(arn: string): string | undefined {
  const region = API_CONNECT_REGIONS.find(r => r.roleArn === arn)
  return region && `${region.id} (${region.name})`
}

/** Finds a region by id, AWS region or alias, case-insensitively. */
export function findApiConnectRegion(name: string): ApiConnectRegion | undefined {
  const key = name.trim().toLowerCase()
  return API_CONNECT_REGIONS.find(
    r =>
      r.id === key || r.awsRegion === key || r.name.toLowerCase() === key || r.aliases.includes(key)
  )
}

/** For error messages: `us-east-a (us-east-1, n-virginia, virginia), …`. */
const REGION_NAMES = API_CONNECT_REGIONS.map(
  r => `${r.id} (${[r.awsRegion, ...r.aliases].join(', ')})`
).join(', ')

/**
 * The principal API Connect assumes the role from: api-connect-role-arn, else the published role of
 * api-connect-region, else of the region the function runs in. Problems go to `problem`.
 */
export function resolvePrincipal(
  regionInput: string | undefined,
  roleArnInput: string | undefined,
  functionRegion: string | undefined,
  problem: (name: string, message: string) => undefined
): { arn: string; source: string } | undefined {
  if (roleArnInput) {
    if (roleArnInput.includes('*') || !isRoleArn(roleArnInput))
      return problem(
        'api-connect-role-arn',
        `${quote(roleArnInput)} must be the ARN of one IAM role (arn:aws:iam::ACCOUNT:role/NAME); wildcards are refused`
      )
    return { arn: roleArnInput, source: 'api-connect-role-arn input' }
  }
  const region = regionInput
    ? findApiConnectRegion(regionInput)
    : functionRegion
      ? // Any region API Connect runs in, published or not: an unpublished one asks for the ARN.
        API_CONNECT_REGIONS.find(r => r.awsRegion === functionRegion)
      : undefined
  if (regionInput && !region)
    return problem(
      'api-connect-region',
      `${quote(regionInput)} is not an API Connect region; use one of ${REGION_NAMES}`
    )
  if (region?.roleArn)
    return { arn: region.roleArn, source: `API Connect region ${region.id} (${region.name})` }
  if (region)
    return problem(
      'api-connect-role-arn',
      `API Connect region ${region.id} (${region.name}, ${region.awsRegion}) has no role published by IBM yet; IBM names its role per region under "Setting up permissions and trust in AWS" at ${IBM_ROLE_SOURCE} (or ask IBM Support for it); pass it as api-connect-role-arn`
    )
  if (functionRegion)
    return problem(
      'api-connect-region',
      `no API Connect region runs in ${functionRegion}; set api-connect-region (${REGION_NAMES}) or api-connect-role-arn`
    )
  return undefined
}
