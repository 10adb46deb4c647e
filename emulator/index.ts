// A local AWS emulator (IAM, STS, Lambda, S3, Access Analyzer's ValidatePolicy) for tests and
// demos: the real SDK clients talk to it through `endpoint` / AWS_ENDPOINT_URL. See README.md.
export { startEmulator } from './core/server.js'
export type { Emulator } from './core/emulator.js'
export { IBM_API_CONNECT_PRINCIPALS } from './core/options.js'
export type { ConfigPatch, EmulatorOptions, PublicConfig } from './core/options.js'
export { executionRole } from './core/seed.js'
export type { EmulatorSeed, SeedFunction, SeedPolicy, SeedRole } from './core/seed.js'
export type { FaultKind, FaultSpec } from './core/faults.js'
export { isWriteOperation } from './core/log.js'
export type { RequestLogEntry } from './core/log.js'
export type { EmulatorState, RuntimeConfig } from './core/context.js'
