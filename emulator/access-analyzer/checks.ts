// IAM Access Analyzer's policy validation, a small documented subset of its checks (issue codes,
// finding types and wording from the IAM User Guide's "policy validation check reference"), plus
// one check of the emulator's own, named as such: real ValidatePolicy has no finding for a trust
// policy that lets anyone assume the role (AWS reports that through CheckNoPublicAccess and
// external access findings instead), but the action's tests need a serious finding to react to.
import {
  JsonSyntaxError,
  type PathElement,
  type Span,
  parseLocated,
  type LocatedJson
} from './json-locations.js'

export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'SUGGESTION' | 'WARNING'

export interface Finding {
  findingType: FindingType
  issueCode: string
  findingDetails: string
  learnMoreLink: string
  locations: { path: PathElement[]; span: Span }[]
}

export interface PolicyToValidate {
  document: string
  policyType: string
  resourceType?: string
}

const REFERENCE =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html'
const ANONYMOUS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous'

interface CheckSpec {
  type: FindingType
  details: string
  link: string
}

const reference = (anchor: string) =>
  `${REFERENCE}#access-analyzer-reference-policy-checks-${anchor}`

/** Every issue code the emulator reports. */
export const CHECKS = {
  JSON_SYNTAX_ERROR: {
    type: 'ERROR',
    details: 'Fix the JSON syntax error at index {index} line {line} column {column}.',
    link: reference('error-json-syntax-error')
  },
  DATA_TYPE_MISMATCH: {
    type: 'ERROR',
    details: 'The text does not match the expected JSON data type.',
    link: reference('error-data-type-mismatch')
  },
  MISSING_STATEMENT: {
    type: 'ERROR',
    details: 'Add a statement to the policy',
    link: reference('error-missing-statement')
  },
  MISSING_EFFECT: {
    type: 'ERROR',
    details: 'Add an Effect element to the policy statement with a value of Allow or Deny.',
    link: reference('error-missing-effect')
  },
  MISSING_ACTION: {
    type: 'ERROR',
    details: 'Add an Action or NotAction element to the policy statement.',
    link: reference('error-missing-action')
  },
  MISSING_PRINCIPAL: {
    type: 'ERROR',
    details: 'Add a Principal element to the policy statement.',
    link: reference('error-missing-principal')
  },
  MISSING_VERSION: {
    type: 'WARNING',
    details:
      'We recommend that you specify the Version element to help you with debugging permission issues.',
    link: reference('general-warning-missing-version')
  },
  ALLOW_WITH_NOT_PRINCIPAL: {
    type: 'SECURITY_WARNING',
    details:
      'Using Allow with NotPrincipal can be overly permissive. We recommend that you use Principal instead.',
    link: reference('security-warning-allow-with-not-principal')
  },
  REDUNDANT_STATEMENT: {
    type: 'SUGGESTION',
    details:
      'The statements are redundant because they provide identical permissions. Update the policy to remove the redundant statement.',
    link: reference('suggestion-redundant-statement')
  },
  // The emulator's own (see the top of this file).
  EMULATOR_ANY_PRINCIPAL_WITHOUT_CONDITION: {
    type: 'SECURITY_WARNING',
    details:
      'This statement allows any principal ("*") without a condition, so anyone can assume the role. Name the principals that need access, or add a condition. (An emulator check: IAM Access Analyzer reports this access through CheckNoPublicAccess, not ValidatePolicy.)',
    link: ANONYMOUS
  }
} satisfies Record<string, CheckSpec>

export type IssueCode = keyof typeof CHECKS

type Where = { path: PathElement[]; span: Span }

function finding(code: IssueCode, where: Where[], values: Record<string, number> = {}): Finding {
  const check: CheckSpec = CHECKS[code]
  return {
    findingType: check.type,
    issueCode: code,
    findingDetails: check.details.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name])),
    learnMoreLink: check.link,
    locations: where
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** JSON with sorted keys (undefined members left out), so that equal statements compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter(k => value[k] !== undefined)
      .sort()
    return `{${keys.map(k => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const hasCondition = (statement: Record<string, unknown>): boolean =>
  isObject(statement.Condition) && Object.keys(statement.Condition).length > 0

/** Where a principal element names everyone: "*" itself, or "*" among its AWS values. */
function anyPrincipal(principal: unknown, path: PathElement[]): PathElement[][] {
  if (principal === '*') return [path]
  if (!isObject(principal)) return []
  const aws = principal.AWS
  const awsPath = [...path, { value: 'AWS' }]
  if (aws === '*') return [awsPath]
  if (!Array.isArray(aws)) return []
  return aws.flatMap((value, index) => (value === '*' ? [[...awsPath, { index }]] : []))
}

interface Scope {
  resourcePolicy: boolean
  roleTrust: boolean
}

function statementFindings(
  located: LocatedJson,
  statement: unknown,
  path: PathElement[],
  { resourcePolicy, roleTrust }: Scope
): Finding[] {
  const at = (p: PathElement[]): Where[] => [{ path: p, span: located.spanOf(p)! }]
  if (!isObject(statement)) return [finding('DATA_TYPE_MISMATCH', at(path))]
  const findings: Finding[] = []
  if (statement.Effect === undefined) findings.push(finding('MISSING_EFFECT', at(path)))
  if (statement.Action === undefined && statement.NotAction === undefined)
    findings.push(finding('MISSING_ACTION', at(path)))
  if (!resourcePolicy) return findings
  if (statement.Principal === undefined && statement.NotPrincipal === undefined)
    findings.push(finding('MISSING_PRINCIPAL', at(path)))
  if (statement.Effect === 'Allow' && statement.NotPrincipal !== undefined)
    findings.push(finding('ALLOW_WITH_NOT_PRINCIPAL', at([...path, { value: 'NotPrincipal' }])))
  if (roleTrust && statement.Effect === 'Allow' && !hasCondition(statement)) {
    const everyone = anyPrincipal(statement.Principal, [...path, { value: 'Principal' }])
    if (everyone.length > 0)
      findings.push(finding('EMULATOR_ANY_PRINCIPAL_WITHOUT_CONDITION', everyone.flatMap(at)))
  }
  return findings
}

/** Statements that repeat an earlier one (Sid aside): one finding naming every copy. */
function redundantStatements(
  located: LocatedJson,
  statements: unknown[],
  paths: PathElement[][]
): Finding[] {
  const groups = new Map<string, number[]>()
  statements.forEach((statement, index) => {
    if (!isObject(statement)) return
    const key = canonical({ ...statement, Sid: undefined })
    groups.set(key, [...(groups.get(key) ?? []), index])
  })
  return [...groups.values()]
    .filter(indexes => indexes.length > 1)
    .map(indexes =>
      finding(
        'REDUNDANT_STATEMENT',
        indexes.map(i => ({ path: paths[i], span: located.spanOf(paths[i])! }))
      )
    )
}

/** The findings for one policy, in document order within each check. */
export function validatePolicy({
  document,
  policyType,
  resourceType
}: PolicyToValidate): Finding[] {
  let located: LocatedJson
  try {
    located = parseLocated(document)
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    const { position } = error
    return [
      finding('JSON_SYNTAX_ERROR', [{ path: [], span: { start: position, end: position } }], {
        index: position.offset,
        line: position.line,
        column: position.column
      })
    ]
  }
  const root = located.value
  const whole: Where[] = [{ path: [], span: located.spanOf([])! }]
  if (!isObject(root)) return [finding('DATA_TYPE_MISMATCH', whole)]
  const findings: Finding[] = []
  if (root.Version === undefined) findings.push(finding('MISSING_VERSION', whole))
  const { Statement } = root
  const statements = Array.isArray(Statement)
    ? Statement
    : Statement === undefined
      ? []
      : [Statement]
  if (statements.length === 0) return [...findings, finding('MISSING_STATEMENT', whole)]
  const paths: PathElement[][] = Array.isArray(Statement)
    ? statements.map((_, index) => [{ value: 'Statement' }, { index }])
    : [[{ value: 'Statement' }]]
  const resourcePolicy = policyType === 'RESOURCE_POLICY'
  const scope = {
    resourcePolicy,
    roleTrust: resourcePolicy && resourceType === 'AWS::IAM::AssumeRolePolicyDocument'
  }
  statements.forEach((statement, i) =>
    findings.push(...statementFindings(located, statement, paths[i], scope))
  )
  return [...findings, ...redundantStatements(located, statements, paths)]
}
