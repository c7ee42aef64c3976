import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import ko from '../../locales/ko/translation.json';
import { ActivityDetails, formatDetailValue, labelDetailField } from './activity-details';
import type { ActivityEvent } from './activity.api';
import { describeActivityDetails, humanizeKey, isInstant } from './describe-activity-details';

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'ko', interpolation: { escapeValue: false }, showSupportNotice: false });
});

const policy = { minLength: 7, requireLower: true, requireUpper: true, requireDigit: true, requireSpecial: true, blockCommon: true };

describe('describeActivityDetails', () => {
  it('lists only the fields a change touched, nested ones by their path', () => {
    const before = { lockoutAttempts: 5, lockoutSeconds: 30, consoleAllowedIps: [], passwordPolicy: policy };
    const after = { lockoutAttempts: 3, lockoutSeconds: 30, consoleAllowedIps: ['192.168.1.*'], passwordPolicy: { ...policy, minLength: 10 } };
    expect(describeActivityDetails({ before, after })).toEqual([
      { path: ['lockoutAttempts'], kind: 'change', before: 5, after: 3 },
      { path: ['consoleAllowedIps'], kind: 'change', before: [], after: ['192.168.1.*'] },
      { path: ['passwordPolicy', 'minLength'], kind: 'change', before: 7, after: 10 },
    ]);
  });

  it('lists what a creation set and what a removal took, with the other keys first', () => {
    expect(describeActivityDetails({ productId: 'p1', before: null, after: { version: '2024', releasedOn: '2026-01-02' } })).toEqual([
      { path: ['productId'], kind: 'fact', value: 'p1' },
      { path: ['version'], kind: 'fact', value: '2024' },
      { path: ['releasedOn'], kind: 'fact', value: '2026-01-02' },
    ]);
    expect(describeActivityDetails({ before: { name: 'Ulsan' }, after: null })).toEqual([{ path: ['name'], kind: 'fact', value: 'Ulsan' }]);
  });

  it('makes a field that appears or goes a change from or to nothing', () => {
    expect(describeActivityDetails({ before: { role: 'member', status: 'pending' }, after: { role: 'member', status: 'active', siteIds: ['s1'] } })).toEqual([
      { path: ['status'], kind: 'change', before: 'pending', after: 'active' },
      { path: ['siteIds'], kind: 'change', before: null, after: ['s1'] },
    ]);
  });

  it('reads from and to as the change of the event, and a key holding them as that key’s change', () => {
    expect(describeActivityDetails({ number: '00001234', from: 'new', to: 'answered' })).toEqual([
      { path: [], kind: 'change', before: 'new', after: 'answered' },
      { path: ['number'], kind: 'fact', value: '00001234' },
    ]);
    expect(describeActivityDetails({ language: 'ko', visibility: { from: 'internal', to: 'public' } })).toEqual([
      { path: ['language'], kind: 'fact', value: 'ko' },
      { path: ['visibility'], kind: 'change', before: 'internal', after: 'public' },
    ]);
  });

  it('gives nothing for no details and one row for a value that is not an object', () => {
    expect(describeActivityDetails(null)).toEqual([]);
    expect(describeActivityDetails({})).toEqual([]);
    expect(describeActivityDetails('text')).toEqual([{ path: [], kind: 'fact', value: 'text' }]);
  });

  it('keeps an object deeper than three levels whole', () => {
    expect(describeActivityDetails({ a: { b: { c: { d: 1 } } } })).toEqual([{ path: ['a', 'b', 'c'], kind: 'fact', value: { d: 1 } }]);
  });
});

describe('labels and values', () => {
  const t = i18n.getFixedT('ko');
  const tEn = i18n.getFixedT('en');

  it('names a field in the reader’s language, and humanizes one the locale does not know', () => {
    expect(labelDetailField(['passwordPolicy', 'minLength'], t)).toBe('비밀번호 정책 · 최소 길이');
    expect(labelDetailField(['lockoutAttempts'], tEn)).toBe('Sign-in attempts');
    expect(labelDetailField(['someNewField'], t)).toBe('Some new field');
    expect(humanizeKey('idle_timeout-seconds')).toBe('Idle timeout seconds');
  });

  it('says yes or no, sizes in units, instants as dates and the log’s codes in words', () => {
    expect(formatDetailValue(true, 'requireMfa', t, 'ko')).toBe('예');
    expect(formatDetailValue(false, 'enabled', tEn, 'en')).toBe('No');
    expect(formatDetailValue(26_214_400, 'size', t, 'ko')).toBe('25 MiB');
    expect(formatDetailValue(12_345, 'quantity', tEn, 'en')).toBe('12,345');
    expect(formatDetailValue('wrong_password', 'reason', t, 'ko')).toBe('잘못된 비밀번호');
    expect(formatDetailValue('password+totp', 'method', t, 'ko')).toBe('비밀번호 + 인증 앱');
    expect(formatDetailValue('provider_error:access_denied', 'reason', tEn, 'en')).toBe('provider_error:access_denied');
    expect(formatDetailValue('some_code', 'reason', tEn, 'en')).toBe('some_code');
    expect(formatDetailValue(['user', 'ip'], 'keys', t, 'ko')).toBe('계정, IP 주소');
    // The idle sign-out is set in minutes, stored in seconds: shown as set.
    expect(labelDetailField(['idleTimeoutSeconds'], t)).toBe('자동 로그아웃 시간(분)');
    expect(formatDetailValue(1800, 'idleTimeoutSeconds', t, 'ko')).toBe('30');
    expect(formatDetailValue([], 'consoleAllowedIps', t, 'ko')).toBe('—');
    expect(formatDetailValue(null, 'x', t, 'ko')).toBe('—');
    expect(formatDetailValue('2026-01-02', 'endsOn', t, 'ko')).toBe('2026-01-02');
    expect(formatDetailValue('<b>x</b>', 'name', t, 'ko')).toBe('<b>x</b>');
    expect(isInstant('2026-11-29T10:00:00.000Z')).toBe(true);
    expect(isInstant('2026-11-29')).toBe(false);
    expect(isInstant('2026-13-45T99:00:00Z')).toBe(false);
  });
});

describe('ActivityDetails', () => {
  const event = (details: unknown, target: Partial<ActivityEvent> = {}): ActivityEvent =>
    ({ id: 1, occurredAt: '2026-11-29T10:00:00.000Z', category: 'settings', action: 'settings.security.updated', actorName: null, actorLabel: null, organizationName: null, ip: null, client: null, targetType: null, targetId: null, details, ...target }) as ActivityEvent;
  const render = (e: ActivityEvent) =>
    renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, createElement(ActivityDetails, { event: e })))).replace(/<style[^>]*>[^<]*<\/style>/g, '');

  it('shows a settings change as the changed fields, before and after, in Korean, with no JSON until asked', async () => {
    await i18n.changeLanguage('ko');
    const html = render(event({ before: { lockoutAttempts: 5, passwordPolicy: policy }, after: { lockoutAttempts: 3, passwordPolicy: { ...policy, blockCommon: false } } }));
    expect(html).toContain('로그인 실패 허용 횟수');
    expect(html).toContain('비밀번호 정책 · 흔한 비밀번호 사용 금지');
    expect(html.match(/data-testid="activity-detail-row"/g)).toHaveLength(2);
    expect(html).toMatch(/data-testid="activity-detail-before"[^>]*>5</);
    expect(html).toMatch(/data-testid="activity-detail-after"[^>]*>3</);
    expect(html).toMatch(/data-testid="activity-detail-after"[^>]*>아니요</);
    expect(html).not.toContain('&quot;lockoutAttempts&quot;');
    expect(html).toContain('JSON으로 보기');
  });

  it('names the target’s kind in the reader’s language and escapes what the details hold', async () => {
    await i18n.changeLanguage('en');
    const html = render(event({ name: '<img src=x onerror=alert(1)>' }, { targetType: 'site', targetId: 'abc' }));
    expect(html).toContain('Target: Site abc');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
