import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../app/api-error';
import en from '../locales/en/translation.json';
import ko from '../locales/ko/translation.json';
import { getFormErrors } from './get-form-errors';

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
});

const GENERIC = 'Some fields are not valid.';
const invalid = (fieldErrors: Record<string, string[]>) => new ApiError({ code: 'validation.failed', message: GENERIC, status: 400, details: { in: 'body', fieldErrors } });

describe('getFormErrors', () => {
  it('puts the server’s message under the field instead of the generic alert', () => {
    const error = invalid({ description: ['Control characters (such as a NUL or a tab) are not allowed.'] });
    expect(getFormErrors(error, ['subject', 'description'])).toEqual({ fields: { description: 'Control characters (such as a NUL or a tab) are not allowed.' }, form: null });
  });

  it('translates a code the server sends as the field’s message into the user’s language', async () => {
    const error = invalid({ body: ['validation.control_characters'] });
    expect(getFormErrors(error, ['body']).fields.body).toBe(en.fieldErrors.controlCharacters);
    await i18n.changeLanguage('ko');
    try {
      expect(getFormErrors(invalid({ reason: ['validation.control_characters'] }), ['reason']).fields.reason).toBe(ko.fieldErrors.controlCharacters);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('keeps the alert when a field the form does not show is wrong too', () => {
    const error = invalid({ subject: ['Required.'], siteId: ['This is not a valid identifier.'] });
    expect(getFormErrors(error, ['subject', 'description'])).toEqual({ fields: { subject: 'Required.' }, form: GENERIC });
  });

  it('shows any other failure in the alert only', () => {
    const refused = new ApiError({ code: 'cases.reopen_window_passed', message: 'The reopen window has passed.', status: 409 });
    expect(getFormErrors(refused, ['body'])).toEqual({ fields: {}, form: 'The reopen window has passed.' });
    expect(getFormErrors(null, ['body'])).toEqual({ fields: {}, form: null });
  });
});
