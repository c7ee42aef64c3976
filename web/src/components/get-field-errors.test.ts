import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../app/api-error';
import { getFieldErrors, translateFieldError } from './get-field-errors';

beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    showSupportNotice: false,
    resources: { en: { translation: { fieldErrors: { displayName: 'Bad display name.', commonPassword: 'Too common.' } } } },
  });
});

const validationError = (fieldErrors: Record<string, string[]>) =>
  new ApiError({ code: 'validation.failed', message: 'Some fields are not valid.', status: 400, details: { fieldErrors } });

describe('translateFieldError', () => {
  it('translates a known code and keeps any other text', () => {
    expect(translateFieldError('validation.display_name')).toBe('Bad display name.');
    expect(translateFieldError('Must be at most 100 characters')).toBe('Must be at most 100 characters');
  });
});

describe('getFieldErrors', () => {
  it('joins the translated messages of each field', () => {
    const error = validationError({ displayName: ['validation.display_name', 'Taken'], 'consoleAllowedIps.2': ['Nope'] });
    expect(getFieldErrors(error)).toEqual({ displayName: 'Bad display name. Taken', 'consoleAllowedIps.2': 'Nope' });
  });

  it('puts a whole-request code on the field it is about, with the server’s message', () => {
    const error = new ApiError({ code: 'auth.common_password', message: 'Server says too common.', status: 400 });
    expect(getFieldErrors(error, { 'auth.common_password': 'newPassword' })).toEqual({ newPassword: 'Server says too common.' });
    expect(getFieldErrors(error)).toEqual({});
  });

  it('is empty for anything that is not an API error', () => {
    expect(getFieldErrors(new Error('boom'))).toEqual({});
  });
});
