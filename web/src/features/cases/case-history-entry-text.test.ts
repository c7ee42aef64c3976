import { MantineProvider } from '@mantine/core';
import type { CaseHistoryEntry } from '@common/schemas/cases';
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import ko from '../../locales/ko/translation.json';
import { CaseHistoryEntryText } from './case-history-entry-text';

const JIWON = '11111111-1111-4111-8111-111111111111';
const MINJUN = '22222222-2222-4222-8222-222222222222';

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
});

/** The entry's sentence, as text. */
async function sentence(entry: CaseHistoryEntry, language: 'en' | 'ko' = 'en'): Promise<string> {
  await i18n.changeLanguage(language);
  const tree = createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, createElement(CaseHistoryEntryText, { entry })));
  return renderToStaticMarkup(tree)
    .replace(/<style data-mantine-styles="[^"]*">[^<]*<\/style>/g, '')
    .replace(/<[^>]*>/g, '');
}

const assignment = (actorId: string, to: string | null, toName: string | null): CaseHistoryEntry => ({
  id: 1,
  kind: 'assignee',
  actor: { id: actorId, name: '박지원', side: 'engineer' },
  from: null,
  to,
  details: toName ? { toName } : null,
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('CaseHistoryEntryText', () => {
  it('says an engineer who assigned the case to themselves took it, in both languages', async () => {
    const self = assignment(JIWON, JIWON, '박지원');
    expect(await sentence(self, 'en')).toBe('박지원 took the case');
    expect(await sentence(self, 'ko')).toBe('박지원 님이 케이스를 맡았습니다');
  });

  it('still names the assignee when someone else was assigned, and says when nobody is', async () => {
    expect(await sentence(assignment(JIWON, MINJUN, '이민준'), 'en')).toBe('박지원 assigned the case to 이민준');
    expect(await sentence(assignment(JIWON, MINJUN, '이민준'), 'ko')).toBe('박지원 님이 이민준 님에게 케이스를 배정했습니다');
    expect(await sentence(assignment(JIWON, null, null), 'en')).toBe('박지원 removed the assigned engineer');
  });
});
