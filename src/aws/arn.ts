// ARN syntax for the few resource types the action names. Everything here is pure.

const PARTITION = 'aws(?:-[a-z]+)*'
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d'
const ACCOUNT = '\\d{12}'

export const REGION_PATTERN = new RegExp(`^${REGION}$`)
const FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/

// Lambda accepts a name, a partial ARN (ACCOUNT:function:NAME) or a full ARN.
const FUNCTION_ARN = new RegExp(
  `^(?:arn:(${PARTITION}):lambda:(${REGION}):)?(?:(${ACCOUNT}):function:)?([^:]+)(?::(.+))?$`
)
const ROLE_ARN = new RegExp(
  `^arn:${PARTITION}:iam::${ACCOUNT}:role/(?:[\\x21-\\x7E]*/)?[\\w+=,.@-]{1,64}$`
)
const POLICY_ARN = new RegExp(
  `^arn:${PARTITION}:iam::(?:${ACCOUNT}|aws):policy/(?:[\\x21-\\x7E]*/)?[\\w+=,.@-]{1,128}$`
)

export interface FunctionRef {
  name: string
  partition?: string
  region?: string
  accountId?: string
  qualifier?: string
}

/** Splits a function name or (partial) ARN; undefined when it is neither. */
export function parseFunctionRef(input: string): FunctionRef | undefined {
  const m = FUNCTION_ARN.exec(input)
  if (!m || !FUNCTION_NAME_PATTERN.test(m[4])) return undefined
  const [, partition, region, accountId, name, qualifier] = m
  return { name, partition, region, accountId, qualifier }
}

const FULL_FUNCTION_ARN_START = new RegExp(
  `^arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:`
)

/**
 * Why a function ARN (full or partial) is malformed, if it is: without this, the regex above reads
 * `arn:aws:lambda:REGION:12345678901:function:orders` as a name with the qualifier `function:orders`.
 */
export function functionArnProblem(input: string): string | undefined {
  const account = /^(?:arn:[^:]*:[^:]*:[^:]*:)?([^:]*):function:/.exec(input)?.[1]
  if (account !== undefined && !/^\d{12}$/.test(account))
    return 'is not a Lambda function ARN: the account ID must be 12 digits'
  if (input.startsWith('arn:') && !FULL_FUNCTION_ARN_START.test(input))
    return 'is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)'
  return undefined
}

export const isRoleArn = (s: string): boolean => ROLE_ARN.test(s)
export const isPolicyArn = (s: string): boolean => POLICY_ARN.test(s)

export function functionArn(
  partition: string,
  region: string,
  accountId: string,
  name: string
): string {
  return `arn:${partition}:lambda:${region}:${accountId}:function:${name}`
}

export function roleArn(partition: string, accountId: string, path: string, name: string): string {
  return `arn:${partition}:iam::${accountId}:role${path}${name}`
}

/** `aws`, `aws-cn`, `aws-us-gov`… from any ARN. */
export const partitionOf = (arn: string): string => arn.split(':')[1]

/** The account id field of an ARN. */
export const accountOf = (arn: string): string => arn.split(':')[4]

const ACCOUNT_ID = /^\d{12}$/
const IAM_PRINCIPAL_ARN =
  /^arn:aws(-[a-z]+)*:(iam::\d{12}:(root|(role|user|oidc-provider|saml-provider)\/\S+)|sts::\d{12}:assumed-role\/\S+)$/
// Service principals (lambda.amazonaws.com) and the federated providers IAM names without an ARN.
const NAMED_PRINCIPAL = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/

/** Why `principal` is not one a trust policy can name, if it is not. Wildcards are refused. */
export function principalProblem(principal: string): string | undefined {
  if (/[*?]/.test(principal))
    return 'wildcards are refused: name each principal the role may trust (a wildcard trusts everyone it matches)'
  if (
    ACCOUNT_ID.test(principal) ||
    IAM_PRINCIPAL_ARN.test(principal) ||
    NAMED_PRINCIPAL.test(principal)
  )
    return undefined
  return `"${principal.slice(0, 80)}" is not a principal: use an account ID, an IAM ARN (root, role, user, assumed-role, oidc-provider, saml-provider) or a service or provider name such as lambda.amazonaws.com`
}
