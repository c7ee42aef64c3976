import type { ErrorCode } from '../../common/errors';

/** An expected failure with a stable code; the error handler turns it into the envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code: ErrorCode = 'not_found') => new AppError(code, 404);
export const unauthenticated = () => new AppError('auth.unauthenticated', 401);
export const forbidden = (code: ErrorCode = 'auth.forbidden') => new AppError(code, 403);
export const badRequest = (code: ErrorCode, details?: unknown) => new AppError(code, 400, details);
export const conflict = (code: ErrorCode, details?: unknown) => new AppError(code, 409, details);

/** A field-level validation failure in the shape the web forms read. */
export function fieldError(field: string, code: ErrorCode, message: string): AppError {
  return new AppError(code, 400, { fieldErrors: { [field]: [message] } });
}
