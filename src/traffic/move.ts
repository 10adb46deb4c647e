// One write of the alias: where it points, the additional version's weight, and the record of the
// move in its description (record.ts). UpdateAlias carries the RevisionId this run last saw ("Only
// update the alias if the revision ID matches the ID that's specified. Use this option to avoid
// modifying an alias that has changed since you last read it", UpdateAlias API reference), and
// CreateAlias fails when the alias exists meanwhile: either refusal means another deploy moved it,
// unless the alias is already where this move puts it (this run's own move, sent again).
import {
  type AliasConfiguration,
  CreateAliasCommand,
  UpdateAliasCommand
} from '@aws-sdk/client-lambda'
import { errorName } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { weightOf } from '../function/publish-plan.js'
import { readAlias } from '../function/read.js'
import { recordText, type AliasRecord } from './record.js'

/** The alias as this run last saw it. */
export interface AliasAt {
  name: string
  /** create: it did not exist. */
  action: 'create' | 'update'
  revisionId?: string
}

interface AliasMove {
  version: string
  /** The new version's share while the alias still points to `version`; none clears it. */
  weight?: { version: string; weight: number }
  record: AliasRecord
}

/** Another deploy moved the alias since this run last saw it; `now` is the alias as read after. */
export class AliasMoved extends Error {
  constructor(
    readonly now: AliasConfiguration | undefined,
    cause: unknown
  ) {
    super('another deploy moved the alias', { cause })
    this.name = 'AliasMoved'
  }
}

/**
 * Moves the alias; the answer is what the next move must start from. A refusal because the alias
 * changed throws AliasMoved, unless the alias already is where this move puts it: the SDK sent this
 * run's move again after a lost answer, and Lambda refused the copy of a move that landed.
 */
export async function moveAlias(
  ctx: RunContext,
  at: AliasAt,
  move: AliasMove
): Promise<AliasAt & { arn?: string }> {
  try {
    return await send(ctx, at, move)
  } catch (error) {
    if (!aliasOvertaken(at.action, error)) throw error
    const now = await readAlias(ctx.clients.lambda, ctx.settings.functionName, at.name).catch(
      () => undefined
    )
    if (!now || !landed(now, move)) throw new AliasMoved(now, error)
    return { name: at.name, action: 'update', revisionId: now.RevisionId, arn: now.AliasArn }
  }
}

/** Whether the alias points and weighs as `move` asked. */
function landed(now: AliasConfiguration, move: AliasMove): boolean {
  const weight = weightOf(now)
  return (
    now.FunctionVersion === move.version &&
    weight?.version === move.weight?.version &&
    weight?.weight === move.weight?.weight
  )
}

async function send(
  ctx: RunContext,
  at: AliasAt,
  move: AliasMove
): Promise<AliasAt & { arn?: string }> {
  const fields = {
    FunctionName: ctx.settings.functionName,
    Name: at.name,
    FunctionVersion: move.version,
    Description: recordText(move.record, ctx.provenance)
  }
  // An empty AdditionalVersionWeights removes the routing: all traffic to FunctionVersion
  // (Lambda Developer Guide, "Implement Lambda canary deployments using a weighted alias").
  const out =
    at.action === 'update'
      ? await ctx.clients.lambda.send(
          new UpdateAliasCommand({
            ...fields,
            RoutingConfig: {
              AdditionalVersionWeights: move.weight
                ? { [move.weight.version]: move.weight.weight }
                : {}
            },
            RevisionId: at.revisionId
          })
        )
      : await ctx.clients.lambda.send(new CreateAliasCommand(fields))
  return { name: at.name, action: 'update', revisionId: out.RevisionId, arn: out.AliasArn }
}

/** Lambda's refusal of an alias write that another writer overtook since this run read it. */
const aliasOvertaken = (action: 'create' | 'update', error: unknown): boolean =>
  errorName(error) ===
  (action === 'update' ? 'PreconditionFailedException' : 'ResourceConflictException')
