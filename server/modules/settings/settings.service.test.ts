import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecuritySettings } from '../../../common/schemas/settings';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { upsertSetting } from './settings.repository';
import { getSetting, readStoredSetting } from './settings.service';

const DEFAULTS = SecuritySettings.parse({});

describe('readStoredSetting', () => {
  it('reads a stored value that fits as it is, and nothing stored as the defaults', () => {
    const stored = { ...DEFAULTS, lockoutAttempts: 9, consoleAllowedIps: ['10.0.0.0/8'] };
    expect(readStoredSetting('security', stored)).toEqual(stored);
    expect(readStoredSetting('security', null)).toEqual(DEFAULTS);
  });

  it('keeps every field that still fits when one does not, instead of resetting the whole setting', () => {
    const stored = { lockoutAttempts: 9, lockoutSeconds: 999_999, idleTimeoutSeconds: 600, consoleAllowedIps: ['10.0.0.0/8'], agentAllowedIps: [], passwordPolicy: { ...DEFAULTS.passwordPolicy, minLength: 12 } };
    expect(readStoredSetting('security', stored)).toEqual({ ...stored, lockoutSeconds: DEFAULTS.lockoutSeconds });
  });

  it('keeps the fitting fields of a nested object: one stale rule does not reset the whole password policy', () => {
    const stored = { ...DEFAULTS, passwordPolicy: { minLength: 3, requireLower: false, requireUpper: true, requireDigit: false, requireSpecial: false, blockCommon: false } };
    expect(readStoredSetting('security', stored).passwordPolicy).toEqual({ minLength: DEFAULTS.passwordPolicy.minLength, requireLower: false, requireUpper: true, requireDigit: false, requireSpecial: false, blockCommon: false });
  });

  it('drops only the entries of an IP allowlist that no longer read, never emptying it (empty allows every address)', () => {
    const stored = { ...DEFAULTS, consoleAllowedIps: ['10.0.0.0/8', '10.0.0.300', '192.168.1.*'], agentAllowedIps: 'not a list' };
    const read = readStoredSetting('security', stored);
    expect(read.consoleAllowedIps).toEqual(['10.0.0.0/8', '192.168.1.*']);
    expect(read.agentAllowedIps).toEqual([]);
  });

  it('ignores fields the schema does not know and reads a value that is not an object as the defaults', () => {
    expect(readStoredSetting('security', { ...DEFAULTS, lockoutAttempts: 'five', retired: true })).toEqual(DEFAULTS);
    expect(readStoredSetting('security', 'garbage')).toEqual(DEFAULTS);
    expect(readStoredSetting('vendorProfile', { companyName: 'Hanbit', phone: 'call me' })).toMatchObject({ companyName: 'Hanbit', phone: '' });
  });
});

describe('getSetting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads a stored setting with a stale field field by field from the database', async () => {
    await upsertSetting(t.ctx.db, 'security', { ...DEFAULTS, lockoutAttempts: 3, idleTimeoutSeconds: 5, consoleAllowedIps: ['203.0.113.0/24'] }, null);
    const read = await getSetting(t.ctx, 'security');
    expect(read).toMatchObject({ lockoutAttempts: 3, idleTimeoutSeconds: DEFAULTS.idleTimeoutSeconds, consoleAllowedIps: ['203.0.113.0/24'] });
  });
});
