import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-error';
import { getLinkProblem } from './get-link-problem';

beforeAll(async () => {
  await i18n.init({ lng: 'en', showSupportNotice: false, resources: { en: { translation: { errors: { linkInvalid: 'This link is not valid.' } } } } });
});

describe('getLinkProblem', () => {
  it('reads an unknown, expired or used token as the server words it', () => {
    const expired = new ApiError({ code: 'auth.token_expired', message: 'This link has expired.', status: 400 });
    expect(getLinkProblem(expired)).toBe('This link has expired.');
  });

  it('reads a short or garbled token, which fails validation, as an invalid link rather than "some fields are not valid"', () => {
    const garbled = new ApiError({
      code: 'validation.failed',
      message: 'Some fields are not valid. Check the highlighted fields and try again.',
      status: 400,
      details: { in: 'body', fieldErrors: { token: ['Use at least 10 characters.'] } },
    });
    expect(getLinkProblem(garbled)).toBe('This link is not valid.');
  });

  it('is null for anything else: a password the server refused, a network failure', () => {
    const weak = new ApiError({ code: 'validation.failed', message: 'Some fields are not valid.', status: 400, details: { fieldErrors: { newPassword: ['Too long.'] } } });
    expect(getLinkProblem(weak)).toBeNull();
    expect(getLinkProblem(new ApiError({ code: 'client.network_error', message: '', status: 0 }))).toBeNull();
    expect(getLinkProblem(new Error('boom'))).toBeNull();
  });
});
