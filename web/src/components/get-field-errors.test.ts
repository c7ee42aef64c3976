import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../app/api-error';
import { getFieldErrors, translateFieldError } from './get-field-errors';

beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    showSupportNotice: false,
    resources: {
      en: {
        translation: {
          fieldErrors: {
            displayName: 'Bad display name.',
            commonPassword: 'Too common.',
            samePassword: 'Choose a different password.',
            controlCharacters: 'Bad characters.',
            domain: 'Not a domain.',
            domainNamed: '{{value}} is not a domain.',
            invalid: 'Not valid.',
          },
        },
      },
    },
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

  it('never shows a code: a code the web does not know reads as the server’s message for the error', () => {
    const wrong = new ApiError({ code: 'auth.wrong_password', message: '현재 비밀번호가 올바르지 않습니다.', status: 400, details: { fieldErrors: { currentPassword: ['auth.wrong_password'] } } });
    expect(getFieldErrors(wrong, { 'auth.wrong_password': 'currentPassword' })).toEqual({ currentPassword: '현재 비밀번호가 올바르지 않습니다.' });
    const issuer = new ApiError({ code: 'sso.invalid_issuer', message: 'The issuer could not be reached.', status: 400, details: { fieldErrors: { issuer: ['sso.invalid_issuer'] } } });
    expect(getFieldErrors(issuer, { 'sso.invalid_issuer': 'issuer' })).toEqual({ issuer: 'The issuer could not be reached.' });
  });

  it('says what is wrong with reusing the password rather than the weak-password message it comes with', () => {
    const same = new ApiError({ code: 'auth.weak_password', message: 'The password needs at least 7 characters.', status: 400, details: { fieldErrors: { newPassword: ['auth.same_password'] } } });
    expect(getFieldErrors(same)).toEqual({ newPassword: 'Choose a different password.' });
  });

  it('reads an unknown code in a validation failure as "not valid", not as the whole form’s message', () => {
    expect(getFieldErrors(validationError({ allowedDomains: ['validation.something_new'] }))).toEqual({ allowedDomains: 'Not valid.' });
    expect(translateFieldError('sso.invalid_issuer', 'Server text.')).toBe('Server text.');
  });

  it('names the value a field was sent with where the message uses it, and says each message once', () => {
    const error = validationError({ 'allowedDomains.0': ['validation.domain'], 'allowedDomains.1': ['validation.domain'], note: ['validation.control_characters', 'validation.header_injection'] });
    expect(getFieldErrors(error, {}, (field) => (field === 'allowedDomains.1' ? 'hanbit' : undefined))).toEqual({
      'allowedDomains.0': 'Not a domain.',
      'allowedDomains.1': 'hanbit is not a domain.',
      note: 'Bad characters.',
    });
  });

  it('is empty for anything that is not an API error', () => {
    expect(getFieldErrors(new Error('boom'))).toEqual({});
  });
});
