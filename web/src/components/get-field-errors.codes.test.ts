import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en/translation.json';
import ko from '../locales/ko/translation.json';
import { translateFieldError } from './get-field-errors';

beforeAll(async () => {
  await i18n.init({ lng: 'en', showSupportNotice: false, interpolation: { escapeValue: false }, resources: { en: { translation: en }, ko: { translation: ko } } });
});

const CODE = /'([a-z_]+(?:\.[a-z_]+)+)'/;

/** The codes the shared schemas set as a field's message: `.refine(…, 'code')`, `.regex(…, 'code')`, `message: 'code'`. */
function schemaCodes(): Map<string, string> {
  const sources = import.meta.glob<string>(['../../../common/**/*.ts', '!../../../common/**/*.test.ts'], { query: '?raw', import: 'default', eager: true });
  const codes = new Map<string, string>();
  const pattern = new RegExp(String.raw`(?:message:\s*|,\s*)${CODE.source}(?=\s*(?:\)|,\s*path|\}))`, 'g');
  for (const [file, source] of Object.entries(sources)) for (const match of source.matchAll(pattern)) codes.set(match[1]!, file);
  return codes;
}

/**
 * The codes the server puts on a field of a `validation.failed` (or of an error with another code),
 * read from `badRequest('…', { fieldErrors: { field: ['…'] } })` in its sources. A field whose code is
 * the error's own is shown with the error's message, which the server writes in the user's language.
 */
function serverFieldCodes(): Map<string, string> {
  const sources = import.meta.glob<string>(['../../../server/**/*.ts', '!../../../server/**/*.test.ts'], { query: '?raw', import: 'default', eager: true });
  const codes = new Map<string, string>();
  const pattern = new RegExp(String.raw`badRequest\('([a-z_.]+)',\s*\{[^}]*fieldErrors:\s*\{[^}]*\[\s*${CODE.source}\s*\]`, 'g');
  for (const [file, source] of Object.entries(sources)) {
    for (const match of source.matchAll(pattern)) if (match[1] !== match[2]) codes.set(match[2]!, file);
  }
  return codes;
}

describe('the field error codes of the schemas and the server', () => {
  const schema = schemaCodes();
  const server = serverFieldCodes();

  it('are found in their sources', () => {
    for (const code of ['validation.domain', 'validation.nothing_to_change', 'settings.invalid_ip_rule', 'validation.control_characters']) expect(schema.has(code), code).toBe(true);
    for (const code of ['validation.terms_version', 'validation.privacy_version', 'sites.not_found']) expect(server.has(code), code).toBe(true);
    expect(schema.has('contract.expired')).toBe(false); // a value of an enum, not a message
  });

  it('each read as words of their own in English and Korean, not as "not valid"', async () => {
    const unnamed: string[] = [];
    for (const language of ['en', 'ko'] as const) {
      await i18n.changeLanguage(language);
      const generic = i18n.t('fieldErrors.invalid');
      for (const code of [...schema.keys(), ...server.keys()]) {
        const text = translateFieldError(code);
        if (text === generic || text === code || text.startsWith('fieldErrors.')) unnamed.push(`${language} ${code}`);
      }
    }
    expect(unnamed).toEqual([]);
  });
});
