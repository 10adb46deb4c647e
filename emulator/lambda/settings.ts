// What Lambda checks about a function's configuration and its execution role.
import type { EmulatorContext } from '../core/context.js'
import { roleByArn } from '../iam/model.js'
import { trustAllows } from '../sts/model.js'
import { requestContext } from '../sts/request-context.js'
import { invalidParameter, validationException } from './errors.js'
import { validateMoreSettings } from './more-settings.js'
import type { FunctionSettings } from './state.js'

const ENVIRONMENT_MAX = 4096

function integerIn(member: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw validationException(member, value, 'Member must be an integer')
  }
  if (value < min) {
    throw validationException(
      member,
      value,
      `Member must have value greater than or equal to ${min}`
    )
  }
  if (value > max) {
    throw validationException(member, value, `Member must have value less than or equal to ${max}`)
  }
}

export function validateSettings(settings: FunctionSettings): void {
  validateMoreSettings(settings)
  integerIn('memorySize', settings.MemorySize, 128, 10240)
  integerIn('timeout', settings.Timeout, 1, 900)
  integerIn('ephemeralStorage.size', settings.EphemeralStorage.Size, 512, 10240)
  if (
    settings.Architectures.length !== 1 ||
    !['x86_64', 'arm64'].includes(settings.Architectures[0])
  ) {
    throw validationException(
      'architectures',
      `[${settings.Architectures.join(', ')}]`,
      'Member must have length less than or equal to 1, Member must satisfy enum value set: [x86_64, arm64]'
    )
  }
  if (settings.PackageType === 'Zip') {
    const needsHandler = !settings.Runtime?.startsWith('provided')
    if (!settings.Runtime || (needsHandler && !settings.Handler)) {
      throw invalidParameter(
        'Runtime and Handler are mandatory parameters for functions created with deployment packages.'
      )
    }
  }
  const variables = settings.Environment?.Variables ?? {}
  for (const key of Object.keys(variables)) {
    if (!/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(key)) {
      throw validationException(
        'environment.variables',
        key,
        'Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+'
      )
    }
  }
  if (JSON.stringify(variables).length > ENVIRONMENT_MAX) {
    throw invalidParameter(
      'Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.'
    )
  }
}

const ROLE_ARN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/

/** The execution role must exist, trust lambda.amazonaws.com, and be old enough to assume. */
export function checkExecutionRole(ctx: EmulatorContext, roleArn: unknown): void {
  if (typeof roleArn !== 'string' || !ROLE_ARN.test(roleArn)) {
    throw validationException(
      'role',
      roleArn,
      'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+'
    )
  }
  const role = roleByArn(ctx, roleArn)
  const assumable =
    role !== undefined &&
    role.createdAt + ctx.config.roleAssumableAfterMs <= ctx.now() &&
    trustAllows(
      ctx,
      role,
      { kind: 'Service', service: 'lambda.amazonaws.com' },
      requestContext(ctx.now())
    )
  if (!assumable)
    throw invalidParameter('The role defined for the function cannot be assumed by Lambda.')
}
