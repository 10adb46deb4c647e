// The `aws-lambda` policy of an API's assembly (policy version 1.0.0, as in IBM's
// ibm-apiconnect/sample-orders-api, commit 7c5efde), filled with this run's values: YAML that a
// later job splices into the API's `x-ibm-configuration.assembly.execute` list.
import type { RunResult } from './outputs.js'

/** The policy's keys, in the order IBM's sample writes them. */
const LAMBDA_POLICY_KEYS = [
  'version',
  'title',
  'function_name',
  'aws_region',
  'aws_assume_role_arn'
] as const

/**
 * The policy for a run that deployed and may be called: none on a dry run (nothing was deployed),
 * a failed run, or when the alias was held back (it does not point at this run's version).
 */
export function lambdaPolicyOf(result: RunResult): string | undefined {
  if (result.dryRun || result.failed?.length || result.promoted === false) return undefined
  return renderLambdaPolicy(result)
}

/** The policy as a one-item YAML list; the function name is qualified by the alias or version. */
export function renderLambdaPolicy(
  result: Pick<RunResult, 'functionName' | 'qualifiedName' | 'region' | 'roleArn'>
): string {
  const values: Record<(typeof LAMBDA_POLICY_KEYS)[number], string> = {
    version: '1.0.0',
    title: `invoke ${result.functionName}`,
    function_name: result.qualifiedName ?? result.functionName,
    aws_region: result.region,
    aws_assume_role_arn: result.roleArn
  }
  const lines = LAMBDA_POLICY_KEYS.map(key => `    ${key}: ${yamlString(values[key])}`)
  return ['- aws-lambda:', ...lines, ''].join('\n')
}

/**
 * A YAML double-quoted scalar: JSON's escapes are YAML's, and the few characters YAML 1.1 parsers
 * take as line breaks (NEL, LS, PS) are escaped too, so no value can end its line or add a key.
 */
function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u0085\u2028\u2029]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}
