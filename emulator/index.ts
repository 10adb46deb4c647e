// A local AWS emulator (IAM, STS, Lambda, S3, Access Analyzer's ValidatePolicy) for tests and
// demos: the real SDK clients talk to it through `endpoint` / AWS_ENDPOINT_URL. See README.md.
export { startEmulator } from './server.js'
export type { Emulator } from './server.js'
export { IBM_API_CONNECT_PRINCIPALS } from './options.js'
export type { ConfigPatch, EmulatorOptions, PublicConfig } from './options.js'
export { executionRole } from './seed.js'
export type { EmulatorSeed, SeedFunction, SeedPolicy, SeedRole } from './seed.js'
export type { FaultKind, FaultSpec } from './faults.js'
export { isWriteOperation } from './log.js'
export type { RequestLogEntry } from './log.js'
export type { EmulatorState, RuntimeConfig } from './state.js'
