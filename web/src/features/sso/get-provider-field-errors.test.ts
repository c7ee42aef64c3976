import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-error';
import en from '../../locales/en/translation.json';
import ko from '../../locales/ko/translation.json';
import { getProviderFieldErrors } from './get-provider-field-errors';

beforeAll(async () => {
  await i18n.init({ lng: 'ko', showSupportNotice: false, interpolation: { escapeValue: false }, resources: { en: { translation: en }, ko: { translation: ko } } });
});

const validationError = (fieldErrors: Record<string, string[]>) =>
  new ApiError({ code: 'validation.failed', message: '입력값이 올바르지 않습니다.', status: 400, details: { fieldErrors } });

describe('getProviderFieldErrors', () => {
  it('names each domain the server refused, under the one domains field', () => {
    const error = validationError({ 'allowedDomains.0': ['validation.domain'], 'allowedDomains.2': ['validation.domain'] });
    expect(getProviderFieldErrors(error, ['hanbit', 'a-petrochem.example', '홍길동'])).toEqual({
      allowedDomains: "'hanbit' 항목은 올바른 도메인이 아닙니다 (예: example.com). '홍길동' 항목은 올바른 도메인이 아닙니다 (예: example.com).",
    });
  });

  it('says the same fault once', () => {
    const error = validationError({ 'allowedDomains.0': ['validation.domain'], 'allowedDomains.1': ['validation.domain'] });
    expect(getProviderFieldErrors(error, [])).toEqual({ allowedDomains: 'example.com과 같은 도메인을 입력해 주세요.' });
    expect(getProviderFieldErrors(error, ['bad', 'bad'])).toEqual({ allowedDomains: "'bad' 항목은 올바른 도메인이 아닙니다 (예: example.com)." });
  });

  it('puts the issuer error on the issuer and leaves out fields the form does not have', () => {
    const issuer = new ApiError({ code: 'sso.invalid_issuer', message: '발급자(issuer)에 연결할 수 없습니다.', status: 400, details: { fieldErrors: { issuer: ['sso.invalid_issuer'] } } });
    expect(getProviderFieldErrors(issuer, [])).toEqual({ issuer: '발급자(issuer)에 연결할 수 없습니다.' });
    expect(getProviderFieldErrors(validationError({ enabled: ['참 또는 거짓 값이어야 합니다.'] }), [])).toEqual({});
  });
});
