import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import { OrganizationSwitcher } from './organization-switcher';
import { organizationsKey } from './organizations.api';

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
});

/** The switcher as the server renders it: the list's query pending unless its answer is given. */
function render(list?: { items: { id: string; name: string }[]; lastOrganizationId: string | null }): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (list) client.setQueryData(organizationsKey, list);
  return renderToStaticMarkup(
    createElement(QueryClientProvider, { client }, createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, createElement(OrganizationSwitcher)))),
  );
}

describe('OrganizationSwitcher', () => {
  it('says nothing while the list loads, instead of flashing "No organization" before the name', () => {
    expect(render()).not.toContain('No organization');
  });

  it('names the current organization once loaded, and "No organization" only when there is none', () => {
    expect(render({ items: [{ id: 'o1', name: 'A석유화학' }], lastOrganizationId: 'o1' })).toContain('A석유화학');
    expect(render({ items: [], lastOrganizationId: null })).toContain('No organization');
  });
});
