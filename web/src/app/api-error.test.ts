import { describe, expect, it } from 'vitest';
import { ApiError, isNotFoundError } from './api-error';

describe('isNotFoundError', () => {
  it('is true for a 404', () => {
    expect(isNotFoundError(new ApiError({ code: 'articles.not_found', message: 'Not found', status: 404 }))).toBe(true);
  });

  it('is true for an id in the address the server cannot read (validation.failed in params)', () => {
    const error = new ApiError({ code: 'validation.failed', message: 'Some fields are not valid.', status: 400, details: { in: 'params', fieldErrors: { articleId: ['Invalid UUID'] } } });
    expect(isNotFoundError(error)).toBe(true);
  });

  it('is false for invalid fields of a body or query, other errors and non-API errors', () => {
    for (const where of ['body', 'querystring', undefined]) {
      expect(isNotFoundError(new ApiError({ code: 'validation.failed', message: '', status: 400, details: { in: where, fieldErrors: {} } })), String(where)).toBe(false);
    }
    expect(isNotFoundError(new ApiError({ code: 'validation.failed', message: '', status: 400 }))).toBe(false);
    expect(isNotFoundError(new ApiError({ code: 'internal', message: '', status: 500, details: { in: 'params' } }))).toBe(false);
    expect(isNotFoundError(new ApiError({ code: 'client.network_error', message: '', status: 0 }))).toBe(false);
    expect(isNotFoundError(new Error('boom'))).toBe(false);
    expect(isNotFoundError(null)).toBe(false);
  });
});
