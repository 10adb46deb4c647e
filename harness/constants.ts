// The values the tests share: the emulator's account and caller, the runner's region and key, one
// provider org, and IBM's principals as src/inputs/api-connect-regions.ts publishes them (never re-typed).
import { findApiConnectRegion } from '../src/inputs/api-connect-regions.js'

/** The emulator's account and the caller its credentials resolve to (emulator/options.ts defaults). */
export const ACCOUNT = '123456789012'
export const CALLER = `arn:aws:iam::${ACCOUNT}:user/ci-deployer`
/** AWS_REGION and the access key the runner's environment gives the action (run-action.ts). */
export const REGION = 'us-east-1'
export const RUNNER_ACCESS_KEY_ID = 'AKIAEMULATOR0000TEST'
/** The provider org ID: the external ID API Connect presents. */
export const ORG = 'ac51909e-a379-4153-a0e8-ef4a25a83405'

function ibmPrincipal(apiConnectRegion: string): string {
  const arn = findApiConnectRegion(apiConnectRegion)?.roleArn
  if (!arn) throw new Error(`IBM publishes no principal for API Connect region ${apiConnectRegion}`)
  return arn
}
export const IBM_US_EAST = ibmPrincipal('us-east-a')
export const IBM_EU_WEST = ibmPrincipal('eu-west-a')
export const IBM_EU_CENTRAL = ibmPrincipal('eu-central-a')

export const roleArn = (name: string, path = '/'): string =>
  `arn:aws:iam::${ACCOUNT}:role${path}${name}`
export const functionArn = (name: string, region = REGION): string =>
  `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`
