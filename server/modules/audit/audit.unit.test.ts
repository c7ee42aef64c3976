import { findActivityActionKey } from '../../../common/activity-actions';
import { SETTING_KEYS } from '../settings/settings.service';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ActivityFilterQuery, AUDIT_CATEGORIES } from '../../../common/schemas/audit';
import en from '../../../web/src/locales/en/translation.json';
import ko from '../../../web/src/locales/ko/translation.json';
import { actionLabel, categoryLabel, contentDisposition, writeActivityWorkbook } from './audit.export';
import type { ActivityRow } from './audit.repository';
import { dayIn, presetStartDay, resolveActivityRange, startOfDay } from './audit.range';

const query = (input: Record<string, string>) => ActivityFilterQuery.parse(input);

describe('activity ranges', () => {
  it('clamps month presets to the last day of a shorter month', () => {
    expect(presetStartDay('1m', { year: 2031, month: 3, day: 31 })).toEqual({ year: 2031, month: 2, day: 28 });
    expect(presetStartDay('1y', { year: 2032, month: 2, day: 29 })).toEqual({ year: 2031, month: 2, day: 28 });
    expect(presetStartDay('3m', { year: 2031, month: 1, day: 15 })).toEqual({ year: 2030, month: 10, day: 15 });
  });

  it('finds midnight across a change of offset', () => {
    // New York moved to summer time on 2031-03-09 at 02:00; midnight was still at UTC-5.
    expect(startOfDay({ year: 2031, month: 3, day: 9 }, 'America/New_York').toISOString()).toBe('2031-03-09T05:00:00.000Z');
    expect(startOfDay({ year: 2031, month: 3, day: 10 }, 'America/New_York').toISOString()).toBe('2031-03-10T04:00:00.000Z');
    expect(dayIn(new Date('2031-03-31T15:00:00Z'), 'Asia/Seoul')).toEqual({ year: 2031, month: 4, day: 1 });
  });

  it('resolves a date-time range as given and a lone `from` up to the end of today', () => {
    const now = new Date('2031-04-01T03:00:00Z');
    expect(resolveActivityRange(query({ from: '2031-03-01T00:00:00+09:00', to: '2031-03-02T00:00:00Z' }), now)).toEqual({ from: new Date('2031-02-28T15:00:00Z'), to: new Date('2031-03-02T00:00:00Z') });
    expect(resolveActivityRange(query({ from: '2031-03-30' }), now)).toEqual({ from: new Date('2031-03-29T15:00:00Z'), to: new Date('2031-04-01T15:00:00Z') });
    expect(resolveActivityRange(query({ to: '2031-03-30' }), now)).toEqual({ from: new Date('2031-03-22T15:00:00Z'), to: new Date('2031-03-30T15:00:00Z') });
    expect(() => resolveActivityRange(query({ from: '2031-03-02T00:00:00Z', to: '2031-03-02T00:00:00Z' }), now)).toThrow('audit.invalid_range');
  });

  it('reads categories comma-separated or repeated', () => {
    expect(query({ category: 'sign_in, member' }).category).toEqual(['sign_in', 'member']);
    expect(ActivityFilterQuery.parse({ category: ['token', 'site,system'] }).category).toEqual(['token', 'site', 'system']);
    expect(ActivityFilterQuery.safeParse({ category: 'login' }).success).toBe(false);
  });
});

describe('the export writer', () => {
  it('names every category as the web app does, in English and Korean', () => {
    for (const category of AUDIT_CATEGORIES) {
      expect(categoryLabel(category, 'en'), category).toBe(en.activity.categories[category]);
      expect(categoryLabel(category, 'ko'), category).toBe(ko.activity.categories[category]);
    }
    expect(categoryLabel('widget', 'ko')).toBe('widget');
  });

  it('names the change of every setting, as the settings service logs it', () => {
    for (const key of SETTING_KEYS) {
      const action = `settings.${key}.updated`;
      expect(findActivityActionKey(action), action).toBeDefined();
      expect(actionLabel(action, 'ko'), action).not.toMatch(/^Settings /);
    }
    expect(actionLabel('settings.vendorProfile.updated', 'ko')).toBe('관리자 정보 변경');
  });

  it('names actions as the web app does, and an action it has no name for in words', () => {
    expect(actionLabel('sign_in.succeeded', 'ko')).toBe('로그인 성공');
    expect(actionLabel('article.verification.withdrawn', 'ko')).toBe(ko.activity.actions.articleVerificationWithdrawn);
    expect(actionLabel('sign_in.succeeded', 'en')).toBe(en.activity.actions.signInSucceeded);
    expect(actionLabel('widget.frobnicated', 'ko')).toBe('Widget frobnicated');
    expect(actionLabel('toString', 'en')).toBe('ToString');
  });

  const row = (i: number): ActivityRow => ({
    id: i, occurredAt: new Date(Date.UTC(2031, 0, 1, 0, 0, i)), category: 'system', action: `a.${i}`, actorUserId: null, actorLabel: 'atrium CLI', actorName: null,
    organizationId: null, organizationName: null, targetType: null, targetId: null, ip: null, client: null, details: null, micros: '0', localTime: `2031-01-01 09:00:${String(i).padStart(2, '0')}`,
  });

  it('continues on another sheet when one is full', async () => {
    async function* batches() {
      yield [row(1), row(2)];
      yield [row(3), row(4), row(5)];
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    expect(await writeActivityWorkbook(batches(), out, 'en', { rowsPerSheet: 2 })).toBe(5);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Activity', 'Activity 2', 'Activity 3']);
    expect(workbook.worksheets.map((s) => s.rowCount)).toEqual([3, 3, 2]);
    expect([3, 4].map((cell) => workbook.worksheets[1]!.getRow(2).getCell(cell).text)).toEqual(['A 3', 'a.3']);
  });

  it('reads no further while the client lags behind, and stops when it goes away', async () => {
    let yielded = 0;
    async function* batches() {
      for (let b = 0; b < 200; b += 1) {
        yielded += 1;
        yield Array.from({ length: 1000 }, (_, i) => ({ ...row(i), action: randomBytes(100).toString('hex') }));
      }
    }
    const out = new PassThrough(); // nobody reads it
    const writing = writeActivityWorkbook(batches(), out, 'en');
    // Wait until it settles (zlib works on other threads), then check that it stays settled.
    let settled = -1;
    for (let tries = 0; tries < 30 && settled !== yielded; tries += 1) {
      settled = yielded;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(settled).toBe(yielded);
    expect(yielded).toBeLessThan(20);
    out.destroy();
    expect(await writing).toBeLessThan(20_000);
    expect(yielded).toBeLessThan(20);
  });

  it('names the file for old clients and as RFC 5987', () => {
    expect(contentDisposition('사용기록-2031-01-01.xlsx')).toBe(`attachment; filename="____-2031-01-01.xlsx"; filename*=UTF-8''%EC%82%AC%EC%9A%A9%EA%B8%B0%EB%A1%9D-2031-01-01.xlsx`);
  });
});
