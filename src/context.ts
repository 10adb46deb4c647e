// What every resource and check of a run shares: the settings, the clients, the ARNs known up
// front, the one timing and logger that every wait and every line goes through, and the words for
// a change made. run/context.ts builds it; the resources only read it.
import type { AwsClients } from './aws/clients.js'
import type { Identity } from './aws/identity.js'
import type { Change } from './changes.js'
import type { Settings } from './inputs/settings.js'
import type { Log } from './runner/log.js'
import type { Provenance } from './runner/provenance.js'
import type { Timing } from './timing.js'

export interface RunContext {
  settings: Settings
  clients: AwsClients
  identity: Identity
  provenance: Provenance
  timing: Timing
  log: Log
  /** A change made, as the log words it (report/words.ts): handed in, so resources stay libraries. */
  wordChange: (change: Change) => string
  /** Known before any call to Lambda or IAM, so the two can run concurrently. */
  functionArn: string
  roleArn: string
}
