// The example function as the end-to-end runs deploy it: examples/echo copied into a fresh
// workspace at build/ (as a job checks out and builds it), and the inputs that deploy it to
// eu-west-2 with the execution role orders-lambda (seed it with the emulator's executionRole).
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ORG, roleArn } from '../../harness/constants.js'
import { ROOT } from '../../harness/run-action.js'

export const ECHO_REGION = 'eu-west-2'

/** A new workspace holding examples/echo at build/. */
export function echoWorkspace(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'apic-e2e-'))
  cpSync(join(ROOT, 'examples', 'echo'), join(workspace, 'build'), { recursive: true })
  return workspace
}

/** Deploys build/ as function orders, and its API Connect role, for the provider org ORG. */
export const ECHO_INPUTS = {
  'function-name': 'orders',
  region: ECHO_REGION,
  code: 'build',
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  'execution-role-arn': roleArn('orders-lambda'),
  'provider-org-id': ORG
}
