import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import { getRegisterErrors, type RegisterValues } from './get-register-errors';
import { defaultPasswordPolicy, PASSWORD_MAX_LENGTH } from './password-rules';
import { RegisterForm } from './register-form';

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
});

const info = { termsVersion: '2026-01', privacyVersion: '2026-01', passwordPolicy: defaultPasswordPolicy };

/** The form's HTML, without the style elements MantineProvider adds. */
function renderForm(): string {
  const form = createElement(RegisterForm, { info, onRegistered: () => undefined });
  const tree = createElement(I18nextProvider, { i18n }, createElement(QueryClientProvider, { client: new QueryClient() }, createElement(MantineProvider, null, form)));
  return renderToStaticMarkup(tree).replace(/<style data-mantine-styles="[^"]*">[^<]*<\/style>/g, '');
}

/** The opening tag of the input with this autocomplete value, in order. */
const inputsWith = (html: string, autoComplete: string) => [...html.matchAll(/<input[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes(`autoComplete="${autoComplete}"`) || tag.includes(`autocomplete="${autoComplete}"`));

const valid: RegisterValues = {
  name: '김민준',
  email: 'minjun@a-petrochem.example',
  company: 'A석유화학',
  address: '전라남도 여수시 여수산단로 1',
  phone: '+82 61-000-0000',
  displayName: 'minjun_1',
  password: 'Yeosu#Plant7',
  confirmPassword: 'Yeosu#Plant7',
};
const accepted = { acceptTerms: true, acceptPrivacy: true };

describe('RegisterForm', () => {
  it('cuts nothing typed or pasted into the display name and the passwords (no maxlength)', () => {
    const html = renderForm();
    const [displayName] = inputsWith(html, 'nickname');
    const passwords = inputsWith(html, 'new-password');
    expect(displayName).toBeDefined();
    expect(passwords).toHaveLength(2);
    for (const tag of [displayName!, ...passwords]) expect(tag.toLowerCase()).not.toContain('maxlength');
    // The other fields keep theirs, as the server's schema.
    expect(inputsWith(html, 'name')[0]!.toLowerCase()).toContain('maxlength="100"');
  });
});

describe('getRegisterErrors', () => {
  it('finds nothing wrong in a complete registration', () => {
    expect(getRegisterErrors(valid, accepted, defaultPasswordPolicy)).toEqual({});
  });

  it('reports a display name of 21 characters instead of shortening it', () => {
    expect(getRegisterErrors({ ...valid, displayName: 'a'.repeat(20) }, accepted, defaultPasswordPolicy)).toEqual({});
    expect(getRegisterErrors({ ...valid, displayName: 'a'.repeat(21) }, accepted, defaultPasswordPolicy)).toEqual({ displayName: 'fieldErrors.displayName' });
    expect(en.fieldErrors.displayName).toContain('20');
  });

  it('reports a pasted password longer than 128 characters instead of keeping it cut', () => {
    const longest = `Aa1!${'x'.repeat(PASSWORD_MAX_LENGTH - 4)}`;
    expect(getRegisterErrors({ ...valid, password: longest, confirmPassword: longest }, accepted, defaultPasswordPolicy)).toEqual({});
    const pasted = `Aa1!${'x'.repeat(141)}`;
    expect(pasted).toHaveLength(145);
    expect(getRegisterErrors({ ...valid, password: pasted, confirmPassword: pasted }, accepted, defaultPasswordPolicy)).toEqual({ password: 'register.errors.rulesNotMet' });
    // Only the password typed in full matches it: a confirmation cut to 128 does not.
    expect(getRegisterErrors({ ...valid, password: pasted, confirmPassword: pasted.slice(0, PASSWORD_MAX_LENGTH) }, accepted, defaultPasswordPolicy)).toMatchObject({ confirmPassword: 'register.errors.mismatch' });
  });
});
