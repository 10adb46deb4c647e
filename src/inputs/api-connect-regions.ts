// IBM's published API Connect (SaaS on AWS) service roles, one per API Connect region. API Connect
// assumes the customer's role from this principal. Regions whose role IBM has not published are
// known by name only, so that we can ask for `api-connect-role-arn` instead of guessing an ARN.
import { isRoleArn } from '../aws/arn.js'
import { quote } from './quote.js'

interface ApiConnectRegion {
  id: string
  name: string
  awsRegion: string
  roleArn?: string
  aliases: string[]
}

const IBM_ACCOUNT = '623947394061'

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
  { id: 'ap-southeast-2', name: 'Sydney', awsRegion: 'ap-southeast-2', aliases: ['sydney'] },
  { id: 'ap-south-1', name: 'Mumbai', awsRegion: 'ap-south-1', aliases: ['mumbai'] },
  { id: 'ap-southeast-3', name: 'Jakarta', awsRegion: 'ap-southeast-3', aliases: ['jakarta'] }
]

const published = API_CONNECT_REGIONS.filter(r => r.roleArn)

/** Finds a region by id, AWS region or alias, case-insensitively. */
export function findApiConnectRegion(name: string): ApiConnectRegion | undefined {
  const key = name.trim().toLowerCase()
  return API_CONNECT_REGIONS.find(
    r =>
      r.id === key || r.awsRegion === key || r.name.toLowerCase() === key || r.aliases.includes(key)
  )
}

/** For error messages: `us-east-a (us-east-1, n-virginia, virginia), …`. */
const PUBLISHED_REGION_NAMES = published
  .map(r => `${r.id} (${[r.awsRegion, ...r.aliases].join(', ')})`)
  .join(', ')

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
      `${quote(regionInput)} is not an API Connect region; use one of ${PUBLISHED_REGION_NAMES}`
    )
  if (region?.roleArn)
    return { arn: region.roleArn, source: `API Connect region ${region.id} (${region.name})` }
  if (region)
    return problem(
      'api-connect-role-arn',
      `API Connect runs in ${region.name} (${region.awsRegion}), but IBM has not published its role there; ask IBM for it and pass it as api-connect-role-arn`
    )
  if (functionRegion)
    return problem(
      'api-connect-region',
      `no API Connect region runs in ${functionRegion}; set api-connect-region (${PUBLISHED_REGION_NAMES}) or api-connect-role-arn`
    )
  return undefined
}
