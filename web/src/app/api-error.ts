/** Field name -> messages, as the server sends them in `details.fieldErrors`. */
export type FieldErrors = Record<string, string[] | undefined>;

/** An API failure carrying the server's error envelope (`{ error: { code, message, details } }`). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor({ code, message, status, details }: { code: string; message: string; status: number; details?: unknown }) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** The per-field messages of a `validation.failed` answer, or an empty object. */
  get fieldErrors(): FieldErrors {
    const details = this.details;
    if (typeof details !== 'object' || details === null || !('fieldErrors' in details)) return {};
    const fieldErrors = (details as { fieldErrors: unknown }).fieldErrors;
    return typeof fieldErrors === 'object' && fieldErrors !== null ? (fieldErrors as FieldErrors) : {};
  }
}

/**
 * True when what the page's address names does not exist: a 404, or an id in the address the server
 * could not even read (`validation.failed` in the path's `params`, e.g. `/portal/knowledge/not-a-uuid`),
 * which names nothing either.
 */
export function isNotFoundError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 404) return true;
  const details = error.details;
  return error.code === 'validation.failed' && typeof details === 'object' && details !== null && (details as { in?: unknown }).in === 'params';
}

/** Codes the client produces itself when no error envelope came back. */
export const clientErrorCodes = {
  network: 'client.network_error',
  unexpected: 'client.unexpected_response',
} as const;
