import { MantineProvider } from '@mantine/core';
import type { CaseHistoryEntry } from '@common/schemas/cases';
import { createInstance } from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import { CaseProgress, listPassedStatuses, listProgressSteps } from './case-progress';

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
});

function render(element: ReactElement): string {
  const tree = createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, element));
  return renderToStaticMarkup(tree).replace(/<style data-mantine-styles="[^"]*">[^<]*<\/style>/g, '');
}

let nextId = 1;
const entry = (kind: CaseHistoryEntry['kind'], from: string | null, to: string | null): CaseHistoryEntry => ({ id: nextId++, kind, actor: null, from, to, details: null, createdAt: '2025-01-01T00:00:00.000Z' });

/** Each step's status and state, in order, from the rendered bar. */
const statesOf = (html: string) => [...html.matchAll(/data-state="([a-z]+)" data-step="([a-z_]+)"/g)].map((m) => `${m[2]}:${m[1]}`);
const checks = (html: string) => (html.match(/tabler-icon-check/g) ?? []).length;

describe('listPassedStatuses', () => {
  it('names the statuses of the creation, transitions and reopenings, not of other events', () => {
    const history = [entry('created', null, 'new'), entry('assignee', null, 'x'), entry('status', 'new', 'answered'), entry('status', 'answered', 'closed'), entry('reopen_requested', 'closed', 'researching'), entry('description', null, null)];
    expect([...listPassedStatuses(history)].sort()).toEqual(['answered', 'closed', 'new', 'researching']);
  });
});

describe('listProgressSteps', () => {
  it('marks done only the earlier steps the case went through', () => {
    expect(listProgressSteps('answered', new Set(['new', 'answered']))).toEqual([
      { status: 'new', state: 'done' },
      { status: 'waiting_on_response', state: 'skipped' },
      { status: 'researching', state: 'skipped' },
      { status: 'answered', state: 'current' },
      { status: 'pending_fix', state: 'upcoming' },
      { status: 'closed', state: 'upcoming' },
    ]);
  });

  it('marks no earlier step done without the history', () => {
    expect(listProgressSteps('answered').map((step) => step.state)).toEqual(['skipped', 'skipped', 'skipped', 'current', 'upcoming', 'upcoming']);
  });
});

describe('CaseProgress', () => {
  it('checks no step the case skipped on its way from New straight to Answered', () => {
    const html = render(createElement(CaseProgress, { status: 'answered', history: [entry('created', null, 'new'), entry('status', 'new', 'answered')] }));
    expect(statesOf(html)).toEqual(['new:done', 'waiting_on_response:skipped', 'researching:skipped', 'answered:current', 'pending_fix:upcoming', 'closed:upcoming']);
    expect(checks(html)).toBe(1);
    expect(html).toContain('aria-current="step" data-current="true" data-state="current" data-step="answered"');
  });

  it('checks nothing before the current step when the history is not given', () => {
    const html = render(createElement(CaseProgress, { status: 'answered' }));
    expect(statesOf(html)).toEqual(['new:skipped', 'waiting_on_response:skipped', 'researching:skipped', 'answered:current', 'pending_fix:upcoming', 'closed:upcoming']);
    expect(checks(html)).toBe(0);
  });

  it('shows an abandoned case as its own badge', () => {
    const html = render(createElement(CaseProgress, { status: 'abandoned' }));
    expect(html).toContain('data-status="abandoned"');
    expect(statesOf(html)).toEqual([]);
  });
});
