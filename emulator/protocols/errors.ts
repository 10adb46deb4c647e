// One error type for every service: each protocol module renders it in its own wire shape.

export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra fields some errors carry (S3's BucketName, Lambda's Reason...). */
    readonly extra: Record<string, string> = {}
  ) {
    super(message)
    this.name = code
  }
}

/** Anything thrown that is not a ServiceError becomes the service's 500, never a crash. */
export function asServiceError(error: unknown, internal: ServiceError): ServiceError {
  return error instanceof ServiceError ? error : internal
}
