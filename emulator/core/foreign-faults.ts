// The answers other emulators give for an operation they lack, so that the suite catches an
// action that mistakes them for AWS's transient 5xx. Neither carries an AWS error code of AWS's.
import type { EmulatorResponse } from '../protocols/http.js'
import { ServiceError } from '../protocols/errors.js'
import type { FaultSpec } from './faults.js'

/**
 * moto answers an operation it does not implement with Werkzeug's HTML error page, status 500
 * (e.g. localstack/localstack#1765, which quotes the page); `empty-error` is the same with no body.
 */
export function foreignAnswer(fault: FaultSpec): EmulatorResponse | undefined {
  const status = fault.status ?? 500
  if (fault.kind === 'empty-error') return { status, headers: {}, body: '' }
  if (fault.kind !== 'html-error') return undefined
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: [
      '<!doctype html>',
      '<html lang=en>',
      '<title>500 Internal Server Error</title>',
      '<h1>Internal Server Error</h1>',
      '<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>',
      ''
    ].join('\n')
  }
}

/**
 * LocalStack answers 501 InternalFailure in the service's own protocol, with the wording of its
 * coverage error since localstack/localstack#12547 (no "not implemented" in it: the status says it).
 */
export function localStackNotImplemented(service: string, operation: string): ServiceError {
  return new ServiceError(
    501,
    'InternalFailure',
    `The API action '${operation}' for service '${service}' is either not available in your current license plan or has not yet been emulated by LocalStack. Please refer to https://docs.localstack.cloud/references/coverage/coverage_${service} for more information.`
  )
}
