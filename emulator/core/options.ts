// Options for starting the emulator, and the settings that may change while it runs.
import { API_CONNECT_REGIONS } from '../../src/inputs/api-connect-regions.js'
import type { RuntimeConfig } from './context.js'
import type { EmulatorSeed } from './seed.js'

/** IBM's published API Connect roles, from the action's own table (one source of truth): trust
 *  policies may always name them, as IAM accepts principals that exist. */
export const IBM_API_CONNECT_PRINCIPALS: readonly string[] = API_CONNECT_REGIONS.flatMap(region =>
  region.roleArn ? [region.roleArn] : []
)

/** Settings that may change while the emulator runs (all delays default to 0). */
export interface ConfigPatch {
  callerArn?: string
  functionActivationMs?: number
  functionUpdateMs?: number
  iamPropagationMs?: number
  iamChangePropagationMs?: number
  roleAssumableAfterMs?: number
}

export interface EmulatorOptions extends ConfigPatch {
  /** 0 (the default): a free port chosen by the OS. */
  port?: number
  accountId?: string
  /** Access key id → identity ARN (a user, or a role whose session the key acts as). */
  identities?: Record<string, string>
  /** Added to the IBM API Connect roles that trust policies may always name. */
  externalPrincipals?: string[]
  /** Seeds the PRNG that decides fractional faults. */
  randomSeed?: number
  seed?: EmulatorSeed
}

export function configFrom(options: EmulatorOptions): RuntimeConfig {
  const accountId = options.accountId ?? '123456789012'
  return {
    accountId,
    callerArn: options.callerArn ?? `arn:aws:iam::${accountId}:user/ci-deployer`,
    identities: new Map(Object.entries(options.identities ?? {})),
    functionActivationMs: options.functionActivationMs ?? 0,
    functionUpdateMs: options.functionUpdateMs ?? 0,
    iamPropagationMs: options.iamPropagationMs ?? 0,
    iamChangePropagationMs: options.iamChangePropagationMs ?? 0,
    roleAssumableAfterMs: options.roleAssumableAfterMs ?? 0,
    externalPrincipals: [...IBM_API_CONNECT_PRINCIPALS, ...(options.externalPrincipals ?? [])]
  }
}

export type PublicConfig = Omit<RuntimeConfig, 'identities'> & {
  identities: Record<string, string>
}

/** The settings as JSON can carry them. */
export function publicConfig(config: RuntimeConfig): PublicConfig {
  return { ...config, identities: Object.fromEntries(config.identities) }
}

const DELAYS = [
  'functionActivationMs',
  'functionUpdateMs',
  'iamPropagationMs',
  'iamChangePropagationMs',
  'roleAssumableAfterMs'
] as const

/** Changes the settings in place (handlers read them on every request); throws on bad values. */
export function applyConfigPatch(config: RuntimeConfig, patch: ConfigPatch): void {
  for (const key of DELAYS) {
    const value = patch[key]
    if (value === undefined) continue
    if (!(typeof value === 'number' && value >= 0)) throw new Error(`${key} must be a number >= 0`)
    config[key] = value
  }
  if (patch.callerArn !== undefined) config.callerArn = patch.callerArn
}
