// The contract between the server and each emulated service.
import type { ServiceError } from '../protocols/errors.js'
import type { EmulatorRequest, EmulatorResponse } from '../protocols/http.js'
import type { EmulatorContext } from './context.js'

/** A request matched to an operation, not yet run: faults are decided in between. */
export interface Operation {
  name: string
  /** A promise only where the work is not in memory (Lambda's Invoke runs a child process). */
  run(): EmulatorResponse | Promise<EmulatorResponse>
}

export interface Service {
  /** Never throws: an unknown operation resolves to one whose `run` throws the service's error. */
  resolve(req: EmulatorRequest, ctx: EmulatorContext): Operation
  renderError(req: EmulatorRequest, error: ServiceError): EmulatorResponse
  /** The service's own throttling and internal errors, for faults and unexpected exceptions. */
  throttlingError(): ServiceError
  internalError(): ServiceError
}

export function failingOperation(name: string, error: ServiceError): Operation {
  return {
    name,
    run() {
      throw error
    }
  }
}
