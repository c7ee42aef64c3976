import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-error';
import { getRetryAfterSeconds } from './get-retry-after-seconds';

const locked = (details: unknown) => new ApiError({ code: 'auth.locked', message: 'Locked', status: 429, details });

describe('getRetryAfterSeconds', () => {
  it('reads the wait of a lockout', () => {
    expect(getRetryAfterSeconds(locked({ retryAfterSeconds: 30 }))).toBe(30);
  });

  it('is null without a usable wait', () => {
    expect(getRetryAfterSeconds(locked(undefined))).toBeNull();
    expect(getRetryAfterSeconds(locked({ retryAfterSeconds: '30' }))).toBeNull();
    expect(getRetryAfterSeconds(locked({ retryAfterSeconds: 0 }))).toBeNull();
    expect(getRetryAfterSeconds(new ApiError({ code: 'auth.invalid_credentials', message: '', status: 401, details: { retryAfterSeconds: 5 } }))).toBeNull();
    expect(getRetryAfterSeconds(new Error('boom'))).toBeNull();
  });
});
