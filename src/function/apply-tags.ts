// Writes the function's tag changes: TagResource for the added and changed tags, UntagResource
// for the keys remove-tags named. Both address the unqualified function ARN.
import { TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-lambda'
import { retry } from '../aws/retry.js'
import type { Step } from '../failure.js'
import type { RunContext } from '../context.js'
import type { FunctionStep } from './changes.js'
import { conflictRetry } from './waits.js'

export async function applyTags(
  ctx: RunContext,
  writes: Extract<FunctionStep, { kind: 'tags' }>,
  begin: (step: Step) => void
): Promise<void> {
  const lambda = ctx.clients.lambda
  const name = ctx.settings.functionName
  const Resource = ctx.functionArn
  if (Object.keys(writes.set).length) {
    begin({ operation: 'lambda:TagResource', resource: `function ${name}` })
    await retry(
      () => lambda.send(new TagResourceCommand({ Resource, Tags: writes.set })),
      conflictRetry(ctx, 'lambda:TagResource', name)
    )
  }
  if (writes.removed.length) {
    begin({ operation: 'lambda:UntagResource', resource: `function ${name}` })
    await retry(
      () => lambda.send(new UntagResourceCommand({ Resource, TagKeys: writes.removed })),
      conflictRetry(ctx, 'lambda:UntagResource', name)
    )
  }
}
