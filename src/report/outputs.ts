// What the run tells the workflow: the step outputs, and one `result` JSON document with everything.
import * as workflowCommands from '../runner/workflow-commands.js'
import type { RunContext } from '../context.js'
import type { Settings } from '../inputs/settings.js'
import type { SmokeResult } from '../smoke/result.js'
import type { Check, Verified } from '../verify/checks.js'
import type { Promoted } from '../failure.js'
import type { ShiftRecord } from '../traffic/timeline.js'
import type { ChangeRow } from './words.js'

export interface RunResult {
  dryRun: boolean
  functionName: string
  functionArn: string
  region: string
  version?: string
  aliasArn?: string
  codeSha256?: string
  roleArn: string
  apiConnectRoleArn: string
  externalId: string
  verified: Verified
  /** What API Connect should call: `function:alias`, `function:version` or the function name. */
  qualifiedName?: string
  smokeTest?: SmokeResult
  /** With an alias: whether it now points to `version` (false: held back; rolled-back: sent back). */
  promoted?: Promoted
  /** Where the alias pointed before this run; empty when it did not exist. */
  previousVersion?: string
  /** The traffic shift, step by step, when there was one. */
  trafficShift?: ShiftRecord
  changes: ChangeRow[]
  checks: Check[]
  /** The `lambda-policy` output (report/lambda-policy.ts), when the run deployed what may be called. */
  lambdaPolicy?: string
  /** Set when the run failed after its targets were known: each failed step and its error. */
  failed?: FailedStep[]
}

/** A step that failed, as the log names it (`lambda:PublishVersion on function orders`). */
export interface FailedStep {
  step: string
  error: string
}

/** The outputs known before any write, set early so that a run that fails still names its targets. */
export type Targets = Pick<
  RunResult,
  'functionName' | 'functionArn' | 'region' | 'roleArn' | 'apiConnectRoleArn' | 'externalId'
>

export function setTargetOutputs(targets: Targets): void {
  workflowCommands.setOutput('function-name', targets.functionName)
  workflowCommands.setOutput('function-arn', targets.functionArn)
  workflowCommands.setOutput('region', targets.region)
  workflowCommands.setOutput('role-arn', targets.roleArn)
  workflowCommands.setOutput('api-connect-role-arn', targets.apiConnectRoleArn)
  workflowCommands.setOutput('external-id', targets.externalId)
}

export function setOutputs(result: RunResult): void {
  setTargetOutputs(result)
  workflowCommands.setOutput('version', result.version ?? '')
  workflowCommands.setOutput('code-sha256', result.codeSha256 ?? '')
  workflowCommands.setOutput('verified', result.verified)
  workflowCommands.setOutput('qualified-name', result.qualifiedName ?? '')
  workflowCommands.setOutput('smoke-test', result.smokeTest?.status ?? '')
  workflowCommands.setOutput(
    'promoted',
    result.promoted === undefined ? '' : String(result.promoted)
  )
  workflowCommands.setOutput('previous-version', result.previousVersion ?? '')
  workflowCommands.setOutput('lambda-policy', result.lambdaPolicy ?? '')
  workflowCommands.setOutput('result', JSON.stringify(result))
}

/** The outputs known before any write, so that a run that fails still names its targets. */
export function targetsOf(ctx: RunContext): Targets {
  const { settings } = ctx
  return {
    functionName: settings.functionName,
    functionArn: ctx.functionArn,
    region: settings.region,
    roleArn: ctx.roleArn,
    apiConnectRoleArn: settings.apiConnect.principalArn,
    externalId: settings.apiConnect.externalId
  }
}

/** The name API Connect's policy should give: qualified by the alias, else by the version. */
export function qualifiedNameOf(settings: Settings, version: string | undefined): string {
  const name = settings.functionName
  return settings.alias ? `${name}:${settings.alias}` : version ? `${name}:${version}` : name
}
