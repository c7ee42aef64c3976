import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { getActivityActionLabel, humanizeAction } from './activity-action-label';

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
