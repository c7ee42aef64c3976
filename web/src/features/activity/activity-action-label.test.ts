import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import ko from '../../locales/ko/translation.json';
import { findActivityActionKey, humanizeAction } from '@common/activity-actions';
import { getActivityActionLabel } from './activity-action-label';

beforeAll(async () => {
  await i18n.init({ lng: 'en', showSupportNotice: false, resources: { en: { translation: { activity: { actions: { signInFailed: 'Sign-in failed' } } } } } });
});

describe('humanizeAction', () => {
  it('turns an action code into words', () => {
    expect(humanizeAction('organization.require_mfa.updated')).toBe('Organization require mfa updated');
    expect(humanizeAction('sign_out')).toBe('Sign out');
  });
});

describe('getActivityActionLabel', () => {
  it('translates a known action and humanizes any other', () => {
    expect(getActivityActionLabel('sign_in.failed', i18n.t)).toBe('Sign-in failed');
    expect(getActivityActionLabel('widget.frobnicated', i18n.t)).toBe('Widget frobnicated');
    expect(getActivityActionLabel('toString', i18n.t)).toBe('ToString');
  });
});

/**
 * The actions the server writes, read from its sources: `action: '…'`, `action: cond ? '…' : '…'`,
 * `audit: '…'` and the members of the `…AuditAction` types.
 */
function serverAuditActions(): Map<string, string> {
  const sources = import.meta.glob<string>(['../../../../server/**/*.ts', '!../../../../server/**/*.test.ts'], { query: '?raw', import: 'default', eager: true });
  const actions = new Map<string, string>();
  for (const [file, source] of Object.entries(sources)) {
    for (const match of source.matchAll(/\b(?:action|audit):\s*(?:'([a-z_.]+)'|[\w.!]+\s*\?\s*'([a-z_.]+)'\s*:\s*'([a-z_.]+)')/g)) {
      for (const action of match.slice(1)) if (action) actions.set(action, file);
    }
    for (const union of source.matchAll(/type \w*AuditAction\s*=([^;]+);/g)) {
      for (const member of union[1]!.matchAll(/'([a-z_.]+)'/g)) actions.set(member[1]!, file);
    }
  }
  return actions;
}

describe('the actions the server writes', () => {
  const actions = serverAuditActions();

  it('are found in its sources (sign-ins, cases, articles, contracts)', () => {
    for (const action of ['sign_in.failed', 'sign_out', 'case.status.changed', 'case.note.created', 'article.vote.cast', 'admin.created', 'member.removed']) expect(actions.has(action), action).toBe(true);
  });

  it('each have a name in English and in Korean, so none shows as its code', () => {
    const unnamed = [...actions].filter(([action]) => {
      const key = findActivityActionKey(action);
      return key === undefined || !(key in en.activity.actions) || !(key in ko.activity.actions);
    });
    expect(unnamed).toEqual([]);
  });
});
