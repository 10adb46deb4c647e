// The IAM policy library's public surface: read a policy, evaluate a request against it, decide
// who can assume a role over the whole request space, decide an invoke over unknown keys, and the
// words for a way in. Everything else in this folder is its inside.
export { evaluateIdentityPolicies, evaluateResourcePolicy } from './evaluate.js'
export { decideInvoke, type InvokeDecision, type InvokeQuestion } from './invoke-decision.js'
export type { InvokePolicies } from './function-policy.js'
export { sessionTagsPossible } from './session-tags.js'
export { parsePolicyDocument } from './parse.js'
export type {
  ContextValue,
  Decision,
  Evaluation,
  NamedPolicy,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  Request
} from './types.js'
export { describeWayIn, WAY_IN_TABLE_HEADER, wayInRow } from './way-in-wording.js'
export { type TrustAnalysis, trustVerdict, type WayIn, whoCanAssume } from './who-can-assume.js'
export {
  type BeyondInvoke,
  canOnlyInvoke,
  INVOKE_ACTIONS,
  type OnlyInvokeAnalysis,
  type OnlyInvokeInput
} from './only-invoke.js'
