// IAM Access Analyzer's custom policy checks for role trust policies, answered by the emulator's
// own IAM evaluator (emulator/iam/evaluation.ts), never by the action's src/iam-policy:
// - CheckNoNewAccess: PASS when the new policy allows nothing the existing (reference) policy does
//   not; FAIL with the statements that allow more
//   (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html);
// - CheckNoPublicAccess: PASS when no principal outside the accounts the policy names can use it
//   (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html).
// The real service reasons over every request; the emulator puts a finite set of requests to both
// documents: every principal and external ID they name, plus a fresh account, service and ID.
import { evaluate, type Principal, type Statement } from '../iam/evaluation.js'

export interface Reason {
  description: string
  statementIndex: number
  statementId?: string
}
export interface CheckResult {
  result: 'PASS' | 'FAIL'
  message: string
  reasons: Reason[]
}

const ACTIONS = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']
const FRESH_ACCOUNT = '000000000042'
const FRESH_ID = 'emulator-fresh-external-id'

interface Probe {
  principal: Principal
  action: string
  context: Record<string, string>
  fresh: boolean
}

export function checkNoNewAccess(existing: string, updated: string): CheckResult {
  const [before, after] = [statements(existing), statements(updated)]
  const fresh = probes([...before, ...after]).filter(probe => decide(before, probe) !== 'allowed')
  return answer(after, fresh, {
    fail: 'The modified permissions grant new access compared to your existing policy.',
    pass: 'The policy does not grant new access compared to your existing policy.'
  })
}

export function checkNoPublicAccess(document: string): CheckResult {
  const list = statements(document)
  return answer(
    list,
    probes(list).filter(p => p.fresh),
    {
      fail: 'The resource policy grants public access for the given resource type.',
      pass: 'The resource policy does not grant public access for the given resource type.'
    }
  )
}

/** FAIL naming each statement of `list` that allows one of `asked`, else PASS. */
function answer(
  list: Statement[],
  asked: Probe[],
  messages: { fail: string; pass: string }
): CheckResult {
  const reasons = new Map<number, Reason>()
  for (const probe of asked) {
    const outcome = evaluate(indexed(list), request(probe))
    if (outcome.decision !== 'allowed') continue
    for (const { statement, index } of outcome.matched)
      reasons.set(index, reason(statement, index, `allows ${probe.action} for ${who(probe)}`))
  }
  return reasons.size
    ? { result: 'FAIL', message: messages.fail, reasons: [...reasons.values()] }
    : { result: 'PASS', message: messages.pass, reasons: [] }
}

function statements(text: string): Statement[] {
  const parsed = JSON.parse(text) as { Statement?: Statement | Statement[] }
  const list = parsed.Statement ?? []
  return Array.isArray(list) ? list : [list]
}

const indexed = (list: Statement[]) => list.map((statement, index) => ({ statement, index }))
const decide = (list: Statement[], probe: Probe) => evaluate(indexed(list), request(probe)).decision
const request = (probe: Probe) => ({
  principal: probe.principal,
  action: probe.action,
  resource: '*',
  context: probe.context
})
const who = (probe: Probe) =>
  (probe.principal.kind === 'AWS' ? probe.principal.arns[0] : probe.principal.service) +
  (probe.context['sts:ExternalId'] ? ' with an external ID' : '')

function reason(statement: Statement, index: number, description: string): Reason {
  return {
    description,
    statementIndex: index,
    ...(statement.Sid ? { statementId: statement.Sid } : {})
  }
}

/** Every principal and external ID the statements name, and fresh ones, with every action. */
function probes(list: Statement[]): Probe[] {
  const principals: { principal: Principal; fresh: boolean }[] = []
  const ids = new Set<string>([FRESH_ID])
  const account = (id: string, arn: string, fresh = false) =>
    principals.push({ principal: { kind: 'AWS', account: id, arns: [arn] }, fresh })
  for (const statement of list) {
    for (const element of [statement.Principal, statement.NotPrincipal]) {
      if (typeof element !== 'object' || element === null) continue
      const { AWS, Service } = element as { AWS?: unknown; Service?: unknown }
      for (const value of [AWS].flat()) {
        if (typeof value !== 'string') continue
        const id = /^\d{12}$/.test(value) ? value : (value.split(':')[4] ?? '')
        account(id, /^\d{12}$/.test(value) ? `arn:aws:iam::${value}:root` : value)
      }
      for (const value of [Service].flat())
        if (typeof value === 'string')
          principals.push({ principal: { kind: 'Service', service: value }, fresh: false })
    }
    for (const keys of Object.values(statement.Condition ?? {}))
      for (const [key, values] of Object.entries(keys ?? {}))
        if (key.toLowerCase() === 'sts:externalid')
          for (const value of [values].flat()) if (typeof value === 'string') ids.add(value)
  }
  account(FRESH_ACCOUNT, `arn:aws:iam::${FRESH_ACCOUNT}:root`, true)
  account(FRESH_ACCOUNT, `arn:aws:iam::${FRESH_ACCOUNT}:role/probe`, true)
  principals.push({ principal: { kind: 'Service', service: 'probe.amazonaws.com' }, fresh: true })
  const contexts = [{}, ...[...ids].map(id => ({ 'sts:ExternalId': id }))]
  return principals.flatMap(({ principal, fresh }) =>
    ACTIONS.flatMap(action => contexts.map(context => ({ principal, action, context, fresh })))
  )
}
