// The function's resource-based policy: AddPermission, GetPolicy, RemovePermission.
// https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html
// https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html
// A function (or a version or alias, by Qualifier) without any permission has no policy:
// GetPolicy answers ResourceNotFoundException. AddPermission writes one Allow statement: the
// principal as given (an account ID becomes its root ARN, a service stays a service), the
// action, the function's ARN (qualified when a qualifier is given) as Resource, and SourceArn /
// SourceAccount / PrincipalOrgID as conditions; a StatementId already used is a conflict.
import type { EmulatorContext } from '../core/context.js'
import { revisionId } from '../core/ids.js'
import { ServiceError } from '../protocols/errors.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import { jsonResponse } from '../protocols/rest-json.js'
import { requestBody, resourceConflict, validationException } from './errors.js'
import { findFunction } from './names.js'
import type { LambdaFunction } from './state.js'

const noPolicy = () =>
  new ServiceError(404, 'ResourceNotFoundException', 'The resource you requested does not exist.')

function statementsOf(fn: LambdaFunction, qualifier: string | undefined) {
  fn.permissions ??= new Map()
  const key = qualifier ?? ''
  if (!fn.permissions.has(key)) fn.permissions.set(key, [])
  return fn.permissions.get(key)!
}

function principalOf(principal: string): unknown {
  if (principal === '*') return '*'
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` }
  if (principal.startsWith('arn:')) return { AWS: principal }
  return { Service: principal }
}

function addPermission(ctx: EmulatorContext, req: EmulatorRequest, name: string): EmulatorResponse {
  const { fn, qualifier } = findFunction(ctx, req.region, name, req.query.get('Qualifier'))
  const body = requestBody(req)
  for (const field of ['StatementId', 'Action', 'Principal'])
    if (typeof body[field] !== 'string')
      throw validationException(field, null, 'Member must not be null')
  const statements = statementsOf(fn, qualifier)
  if (statements.some(s => s.Sid === body.StatementId))
    throw resourceConflict(
      `The statement id (${String(body.StatementId)}) provided already exists.`
    )
  const condition: Record<string, Record<string, unknown>> = {}
  if (typeof body.SourceArn === 'string') condition.ArnLike = { 'AWS:SourceArn': body.SourceArn }
  if (typeof body.SourceAccount === 'string')
    condition.StringEquals = { 'AWS:SourceAccount': body.SourceAccount }
  if (typeof body.PrincipalOrgID === 'string')
    condition.StringEquals = {
      ...condition.StringEquals,
      'aws:PrincipalOrgID': body.PrincipalOrgID
    }
  const statement = {
    Sid: body.StatementId,
    Effect: 'Allow',
    Principal: principalOf(body.Principal as string),
    Action: body.Action,
    Resource: qualifier ? `${fn.arn}:${qualifier}` : fn.arn,
    ...(Object.keys(condition).length ? { Condition: condition } : {})
  }
  statements.push(statement)
  fn.revisionId = revisionId()
  return jsonResponse(req, 201, { Statement: JSON.stringify(statement) })
}

function getPolicy(ctx: EmulatorContext, req: EmulatorRequest, name: string): EmulatorResponse {
  const { fn, qualifier } = findFunction(ctx, req.region, name, req.query.get('Qualifier'))
  const statements = fn.permissions?.get(qualifier ?? '') ?? []
  if (!statements.length) throw noPolicy()
  const policy = { Version: '2012-10-17', Id: 'default', Statement: statements }
  return jsonResponse(req, 200, { Policy: JSON.stringify(policy), RevisionId: fn.revisionId })
}

function removePermission(
  ctx: EmulatorContext,
  req: EmulatorRequest,
  name: string,
  sid: string
): EmulatorResponse {
  const { fn, qualifier } = findFunction(ctx, req.region, name, req.query.get('Qualifier'))
  const statements = fn.permissions?.get(qualifier ?? '') ?? []
  const index = statements.findIndex(s => s.Sid === sid)
  if (index === -1) throw noPolicy()
  statements.splice(index, 1)
  return jsonResponse(req, 204)
}

export const permissionOperations = { addPermission, getPolicy, removePermission }
