// `rollback: true`: the function's plan is the alias's move back to the recorded version
// (rollback-target.ts); no code is deployed and no setting changes. The run's other steps (the
// role, the smoke test of that version, verification, the gate) are the same as on every run.
import type { RunContext } from '../context.js'
import type { FunctionPlan } from '../function/index.js'
import { weightOf } from '../function/publish-plan.js'
import { readAlias, readFunction, type LiveFunction } from '../function/read.js'
import { rollbackTarget } from './rollback-target.js'

export async function planRollback(
  ctx: RunContext,
  liveRead?: Promise<LiveFunction | undefined>
): Promise<FunctionPlan> {
  const { functionName, alias: aliasName = '' } = ctx.settings
  const live = await (liveRead ?? readFunction(ctx.clients.lambda, functionName))
  if (!live)
    throw new Error(`function ${functionName} does not exist: there is no release to roll back`)
  const alias = await readAlias(ctx.clients.lambda, functionName, aliasName)
  const { to, already } = rollbackTarget(aliasName, alias)
  const weight = weightOf(alias)
  return {
    changes: [
      { functionName, kind: 'version', action: 'unchanged', version: to, rollback: true },
      {
        functionName,
        kind: 'alias',
        action: already ? 'unchanged' : 'update',
        alias: aliasName,
        from: alias?.FunctionVersion,
        to,
        arn: alias?.AliasArn,
        revisionId: alias?.RevisionId,
        rollback: true,
        ...(weight ? { weight } : {})
      }
    ],
    warnings: [],
    live: live.configuration
  }
}
