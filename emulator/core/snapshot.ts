// A JSON view of the state, for GET /_emulator/state and for debugging a failing test.
import { configurationJson } from '../lambda/render.js'
import { pendingChanges } from '../iam/propagation.js'
import type { EmulatorContext } from './context.js'
import type { Role } from '../iam/state.js'

function parsed(document: string): unknown {
  try {
    return JSON.parse(document)
  } catch {
    return document
  }
}

function propagating(ctx: EmulatorContext, role: Role) {
  const pending = pendingChanges(ctx, role)
  if (pending.length === 0) return undefined
  return pending.map(({ change, visibleAt }) => ({
    ...change,
    visibleAt: new Date(visibleAt).toISOString()
  }))
}

export function snapshot(ctx: EmulatorContext) {
  const { iam, sts, lambda, s3, cloudwatch } = ctx.state
  return {
    roles: [...iam.roles.values()].map(role => ({
      name: role.name,
      arn: role.arn,
      path: role.path,
      roleId: role.roleId,
      createDate: new Date(role.createdAt).toISOString(),
      description: role.description,
      maxSessionDuration: role.maxSessionDuration,
      assumeRolePolicy: parsed(role.assumeRolePolicy),
      inlinePolicies: Object.fromEntries([...role.inlinePolicies].map(([n, d]) => [n, parsed(d)])),
      attachedPolicies: role.attachedPolicies,
      permissionsBoundary: role.permissionsBoundary,
      tags: role.tags,
      // Changes stored above that reads do not show yet (iamChangePropagationMs).
      propagating: propagating(ctx, role)
    })),
    policies: [...iam.policies.values()].map(p => ({
      name: p.name,
      arn: p.arn,
      document: parsed(p.document)
    })),
    sessions: [...sts.sessions.values()].map(s => ({
      accessKeyId: s.accessKeyId,
      assumedRoleArn: s.assumedRoleArn,
      expiration: new Date(s.expiresAt).toISOString()
    })),
    functions: [...lambda.functions.values()].map(fn => ({
      configuration: configurationJson(ctx, fn),
      versions: fn.versions.map(v => configurationJson(ctx, fn, v)),
      aliases: [...fn.aliases.values()],
      tags: fn.tags
    })),
    alarms: [...cloudwatch.alarms.values()].map(alarm => ({
      name: alarm.name,
      region: alarm.region,
      type: alarm.kind,
      state: alarm.state,
      reason: alarm.reason,
      stateUpdated: new Date(alarm.stateUpdatedAt).toISOString()
    })),
    buckets: [...s3.buckets.values()].map(bucket => ({
      name: bucket.name,
      objects: [...bucket.objects].flatMap(([key, versions]) =>
        versions.map(v => ({ key, versionId: v.versionId, size: v.body.length, etag: v.etag }))
      )
    }))
  }
}
