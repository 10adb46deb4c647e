// What every phase of a run shares: the settings, the clients, and the ARNs known up front.
import type { AwsClients } from './aws/clients.js'
import type { Identity } from './aws/identity.js'
import type { Settings } from './inputs.js'
import type { Provenance } from './provenance.js'

export interface RunContext {
  settings: Settings
  clients: AwsClients
  identity: Identity
  provenance: Provenance
  /** Known before any call to Lambda or IAM, so the two can run concurrently. */
  functionArn: string
  roleArn: string
}

/** One line of "what changed" (or, in a dry run, what would change). */
export interface Change {
  target: string
  action: 'create' | 'update' | 'unchanged'
  detail: string
}
