// Publishing a version of this run's code: the guard that no other writer's code is ever published
// under this run's name lives here (the alias moves in traffic/).
import { GetFunctionConfigurationCommand, PublishVersionCommand } from '@aws-sdk/client-lambda'
import { errorName, retry } from '../aws/retry.js'
import type { RunContext } from '../context.js'
import { provenanceDescription } from '../runner/provenance.js'
import type { LiveConfiguration } from './read.js'
import { conflictRetry, waitForVersion } from './waits.js'

/** The refusal when $LATEST no longer runs this run's code. */
export function codeChanged(name: string, ours: string, theirs: string | undefined): Error {
  return new Error(
    `another deploy changed function ${name} meanwhile: $LATEST now runs CodeSha256 ${theirs ?? '(unknown)'}, not this run's ${ours}; nothing was published and no alias was moved. Run the job again to deploy this run's code.`
  )
}

/**
 * Publishes $LATEST, guarded by this run's own code: Lambda publishes only if $LATEST still has
 * CodeSha256 `ours` (and the RevisionId read after the wait, which checked that same code), so
 * code that another writer deployed meanwhile is never published under this run's name. The
 * RevisionId of this run's write cannot serve: Lambda replaces it when the update finishes.
 */
export async function publishVersion(
  ctx: RunContext,
  latest: LiveConfiguration | undefined,
  ours: string | undefined
): Promise<string> {
  const lambda = ctx.clients.lambda
  const name = ctx.settings.functionName
  const published = await retry(
    () =>
      lambda.send(
        new PublishVersionCommand({
          FunctionName: name,
          CodeSha256: ours ?? latest?.CodeSha256,
          RevisionId: latest?.RevisionId,
          Description: provenanceDescription(ctx.provenance)
        })
      ),
    conflictRetry(ctx, 'lambda:PublishVersion', name)
  ).catch(async error => {
    // RevisionId mismatch: PreconditionFailedException; CodeSha256 mismatch: InvalidParameterValue.
    const revision = errorName(error) === 'PreconditionFailedException'
    const code =
      errorName(error) === 'InvalidParameterValueException' &&
      /CodeSHA256/i.test((error as Error).message)
    if (!revision && !code) throw error
    const now = await (async () =>
      (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name })))
        ?.CodeSha256)().catch(() => undefined)
    const expected = ours ?? latest?.CodeSha256
    if (expected && now !== expected) throw codeChanged(name, expected, now)
    throw new Error(
      `another deploy changed the configuration of function ${name} meanwhile (its RevisionId is no longer the one this run checked), so nothing was published and no alias was moved. Run the job again.`,
      { cause: error }
    )
  })
  const version = published.Version
  if (!version) throw new Error(`lambda:PublishVersion returned no version for ${name}`)
  ctx.log.info(`Published version ${version} (CodeSha256 ${published.CodeSha256})`)
  if (published.State && published.State !== 'Active') await waitForVersion(ctx, name, version)
  return version
}
