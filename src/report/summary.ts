// The job summary as Markdown: what to enter in API Connect, what changed, every check.
import * as workflowCommands from '../runner/workflow-commands.js'
import { WAY_IN_TABLE_HEADER, type WayIn, wayInRow } from '../iam-policy/index.js'
import type { Check } from '../verify/checks.js'
import { renderLambdaPolicy } from './lambda-policy.js'
import type { RunResult } from './outputs.js'
import { smokeSection } from './smoke.js'
import { aliasStatus, trafficSection } from './traffic.js'
import { code } from './words.js'

const MARK: Record<Check['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  undecided: '⚠️ undecided',
  'not-checked': '⚪ not checked'
}

/** The job summary as Markdown: what to enter in API Connect, what changed, every check. */
export function renderSummary(result: RunResult): string {
  const row = (cells: string[]): string =>
    `| ${cells.map(c => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`
  const table = (head: string[], rows: string[][]): string =>
    [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n')
  const verdict = {
    true: 'verified ✅',
    false: 'verification failed ❌',
    undecided: 'verification undecided ⚠️',
    incomplete: 'verified, an optional check not run ⚪',
    skipped: 'verification skipped'
  }[result.verified]
  const failed = result.failed ?? []
  return [
    `## API Connect → Lambda: ${result.functionName} (${failed.length ? 'failed ❌' : result.smokeTest?.status === 'fail' ? 'smoke test failed ❌' : verdict}${result.dryRun ? ', dry run' : ''})`,
    '',
    ...aliasStatus(result),
    ...(failed.length
      ? [
          '### Failed',
          '',
          table(
            ['step', 'error'],
            failed.map(f => [code(f.step), f.error])
          ),
          '',
          'Every change below that does not say "failed" or "not done" was made and stays made. Fix the error and run the job again: it reads the live state and makes only what is still missing.',
          ''
        ]
      : []),
    "### For API Connect's Lambda policy",
    '',
    table(
      ['field', 'value'],
      [
        ['IAM role ARN', code(result.roleArn)],
        ['Function name', code(result.functionName)],
        ['Region', code(result.region)],
        ...(result.aliasArn
          ? [['Qualifier (alias)', code(result.aliasArn.split(':').pop() ?? '')]]
          : []),
        ...(result.qualifiedName && result.qualifiedName !== result.functionName
          ? [['Qualified function name', code(result.qualifiedName)]]
          : []),
        ['Trusted API Connect role', code(result.apiConnectRoleArn)],
        ['External ID (provider org ID)', code(result.externalId)]
      ]
    ),
    '',
    ...policySection(result),
    `### ${result.dryRun ? 'Planned changes (nothing was written)' : 'Changes'}`,
    '',
    result.changes.length
      ? table(
          ['resource', 'action', 'detail'],
          result.changes.map(c => [c.target, c.action, c.detail])
        )
      : 'None.',
    '',
    ...trafficSection(result, table),
    ...smokeSection(result.smokeTest, result.functionName, table),
    '### Checks',
    '',
    result.checks.length
      ? table(
          ['check', 'expected', 'actual', 'method', 'result'],
          result.checks.map(c => [c.name, c.expected, c.actual, c.method, MARK[c.status]])
        )
      : 'Verification is off.',
    '',
    ...waysInSection(
      result.checks.flatMap(c => c.waysIn ?? []),
      table
    )
  ].join('\n')
}

/** The `lambda-policy` output as a block; a dry run shows what it would hold, marked so. */
function policySection(result: RunResult): string[] {
  const policy = result.lambdaPolicy
  const planned = !policy && result.dryRun && !result.failed?.length
  if (!policy && !planned) return []
  return [
    planned
      ? "### The assembly's Lambda policy, once deployed (dry run: the `lambda-policy` output is empty)"
      : "### The assembly's Lambda policy (output `lambda-policy`)",
    '',
    '```yaml',
    (policy ?? renderLambdaPolicy(result)).trimEnd(),
    '```',
    ''
  ]
}

/** Every way into the role besides API Connect's, one row each: what a reviewer acts on. */
function waysInSection(
  waysIn: WayIn[],
  table: (head: string[], rows: string[][]) => string
): string[] {
  if (!waysIn.length) return []
  return [
    '### Who else can assume the role',
    '',
    table(WAY_IN_TABLE_HEADER, waysIn.map(wayInRow)),
    ''
  ]
}

export async function writeSummary(result: RunResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await workflowCommands.appendSummary(renderSummary(result))
}
