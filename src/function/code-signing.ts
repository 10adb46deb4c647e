// The function's code-signing configuration: Lambda keeps it apart from the configuration that
// GetFunction returns, so it is read (GetFunctionCodeSigningConfig) only when the input names it,
// and written with PutFunctionCodeSigningConfig only when it differs.
import {
  GetFunctionCodeSigningConfigCommand,
  PutFunctionCodeSigningConfigCommand
} from '@aws-sdk/client-lambda'
import { retry } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { conflictRetry } from './waits.js'

/** The ARN in force, or undefined when the function has none. */
export async function readCodeSigning(ctx: RunContext): Promise<string | undefined> {
  const out = await ctx.clients.lambda.send(
    new GetFunctionCodeSigningConfigCommand({ FunctionName: ctx.settings.functionName })
  )
  return out.CodeSigningConfigArn || undefined
}

export async function putCodeSigning(ctx: RunContext, arn: string): Promise<void> {
  const name = ctx.settings.functionName
  await retry(
    () =>
      ctx.clients.lambda.send(
        new PutFunctionCodeSigningConfigCommand({ FunctionName: name, CodeSigningConfigArn: arn })
      ),
    conflictRetry(ctx, 'lambda:PutFunctionCodeSigningConfig', name)
  )
}
