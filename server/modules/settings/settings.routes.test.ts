import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index';
import type { StaffRole } from '../../../common/permissions';
import { buildTestApp, signInNewUser, type TestApp } from '../../test/test-app';
import { canManageSettings } from './settings.policy';
import { upsertSetting } from './settings.repository';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('canManageSettings', () => {
  it.each<[StaffRole | null, boolean]>([
    ['vendor_admin', true],
    ['support_engineer', false],
    ['agent', false],
    ['account_manager', false],
    [null, false],
  ])('%s: %s', (staffRole, expected) => {
    expect(canManageSettings({ staffRole })).toBe(expected);
  });
});

describe('/api/v1/admin/settings/security', () => {
  it('shows the documented defaults', async () => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const response = await admin.inject('GET', '/api/v1/admin/settings/security');
    expect(response.json()).toEqual({
      lockoutAttempts: 5,
      lockoutSeconds: 30,
      idleTimeoutSeconds: 1800,
      consoleAllowedIps: [],
      agentAllowedIps: [],
      passwordPolicy: { minLength: 7, requireLower: true, requireUpper: true, requireDigit: true, requireSpecial: true, blockCommon: true },
    });
  });

  it('saves a change, logs before and after, and applies the new password policy at once', async () => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const current = (await admin.inject('GET', '/api/v1/admin/settings/security')).json();
    const next = { ...current, lockoutAttempts: 3, passwordPolicy: { ...current.passwordPolicy, minLength: 12 } };
    const saved = await admin.inject('PUT', '/api/v1/admin/settings/security', next);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().lockoutAttempts).toBe(3);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.security.updated'));
    expect(event?.details).toMatchObject({ before: { lockoutAttempts: 5 }, after: { lockoutAttempts: 3 } });
    const info = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/registration-info' })).json();
    expect(info.passwordPolicy.minLength).toBe(12);
    await admin.inject('PUT', '/api/v1/admin/settings/security', current);
  });

  it('refuses a list of allowed IPs that would shut out the administrator making it', async () => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const current = (await admin.inject('GET', '/api/v1/admin/settings/security')).json();
    const response = await admin.inject('PUT', '/api/v1/admin/settings/security', { ...current, consoleAllowedIps: ['10.0.0.0/8'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'settings.would_lock_out', details: { ip: '127.0.0.1' } });
    expect(response.json().error.message).toContain('127.0.0.1');
    const withSelf = await admin.inject('PUT', '/api/v1/admin/settings/security', { ...current, consoleAllowedIps: ['10.0.0.0/8', '127.0.0.*'] });
    expect(withSelf.statusCode).toBe(200);
    await admin.inject('PUT', '/api/v1/admin/settings/security', current);
  });

  it.each([
    ['a malformed IP rule', { consoleAllowedIps: ['not-an-ip'] }],
    ['a wildcard in the middle', { agentAllowedIps: ['10.*.1.1'] }],
    ['a zero lockout', { lockoutAttempts: 0 }],
    ['an idle time under a minute', { idleTimeoutSeconds: 10 }],
    ['a string for a number', { lockoutSeconds: '30' }],
  ])('refuses %s', async (_label, change) => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const current = (await admin.inject('GET', '/api/v1/admin/settings/security')).json();
    const response = await admin.inject('PUT', '/api/v1/admin/settings/security', { ...current, ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation.failed');
  });

  it('refuses a PUT that leaves settings out, naming each, and changes nothing', async () => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const current = (await admin.inject('GET', '/api/v1/admin/settings/security')).json();
    const set = { ...current, lockoutAttempts: 7, consoleAllowedIps: ['127.0.0.1'] };
    expect((await admin.inject('PUT', '/api/v1/admin/settings/security', set)).statusCode).toBe(200);

    const partial = await admin.inject('PUT', '/api/v1/admin/settings/security', { idleTimeoutSeconds: 1800 });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.code).toBe('validation.failed');
    expect(Object.keys(partial.json().error.details.fieldErrors).sort()).toEqual(['agentAllowedIps', 'consoleAllowedIps', 'lockoutAttempts', 'lockoutSeconds', 'passwordPolicy']);
    expect(partial.json().error.details.fieldErrors.lockoutAttempts).toEqual(['Required.']);
    const partialPolicy = await admin.inject('PUT', '/api/v1/admin/settings/security', { ...set, passwordPolicy: { minLength: 12 } });
    expect(partialPolicy.statusCode).toBe(400);
    expect(Object.keys(partialPolicy.json().error.details.fieldErrors).sort()).toEqual(
      ['blockCommon', 'requireDigit', 'requireLower', 'requireSpecial', 'requireUpper'].map((flag) => `passwordPolicy.${flag}`),
    );

    expect((await admin.inject('GET', '/api/v1/admin/settings/security')).json()).toEqual(set);
    await admin.inject('PUT', '/api/v1/admin/settings/security', current);
  });

  it('reads a value stored before a setting existed with that setting\'s default, and keeps a stored list as it is', async () => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const current = (await admin.inject('GET', '/api/v1/admin/settings/security')).json();
    // A successful PUT drops this server's cached value, so the next GET reads the row written here.
    expect((await admin.inject('PUT', '/api/v1/admin/settings/security', current)).statusCode).toBe(200);
    await upsertSetting(t.database.db, 'security', { lockoutAttempts: 9, consoleAllowedIps: ['127.0.0.1', '127.0.0.1'] }, null);
    expect((await admin.inject('GET', '/api/v1/admin/settings/security')).json()).toEqual({ ...current, lockoutAttempts: 9, consoleAllowedIps: ['127.0.0.1', '127.0.0.1'] });
    expect((await admin.inject('PUT', '/api/v1/admin/settings/security', current)).statusCode).toBe(200);
  });

  it('refuses an allowed IP listed twice with a field error at the repeated entry', async () => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const current = (await admin.inject('GET', '/api/v1/admin/settings/security')).json();
    const response = await admin.inject('PUT', '/api/v1/admin/settings/security', {
      ...current,
      consoleAllowedIps: ['127.0.0.1', '10.0.0.0/8', ' 127.0.0.1 '],
      agentAllowedIps: ['2001:db8::1', '2001:DB8::1'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation.failed');
    expect(response.json().error.details.fieldErrors).toEqual({
      'consoleAllowedIps.2': ['settings.duplicate_ip_rule'],
      'agentAllowedIps.1': ['settings.duplicate_ip_rule'],
    });
    expect((await admin.inject('GET', '/api/v1/admin/settings/security')).json()).toEqual(current);
  });

  it('refuses other staff and customers', async () => {
    for (const staffRole of ['support_engineer', 'agent', null] as const) {
      const user = await signInNewUser(t, { staffRole });
      expect((await user.inject('GET', '/api/v1/admin/settings/security')).statusCode).toBe(403);
    }
  });
});

describe('/api/v1/admin/settings/profile', () => {
  it("keeps the vendor administrator's information", async () => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const profile = { companyName: '에이트리움', serviceName: 'Atrium 고객지원', contactName: '홍길동', phone: '+82 2-000-0000', email: 'support@atrium.example' };
    expect((await admin.inject('PUT', '/api/v1/admin/settings/profile', profile)).statusCode).toBe(200);
    expect((await admin.inject('GET', '/api/v1/admin/settings/profile')).json()).toEqual(profile);
    const bad = await admin.inject('PUT', '/api/v1/admin/settings/profile', { ...profile, email: 'x@y\r\nBcc: z@w' });
    expect(bad.statusCode).toBe(400);
    const undeliverable = await admin.inject('PUT', '/api/v1/admin/settings/profile', { ...profile, email: `${'a'.repeat(65)}@atrium.example` });
    expect(undeliverable.json().error.details.fieldErrors.email).toBeDefined();
  });

  it('logs a save that changes something, and none for a form saved as it was', async () => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const profileEvents = async () => (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.vendorProfile.updated'))).length;
    const profile = { companyName: 'Unchanged Co', serviceName: 'Atrium', contactName: 'Park', phone: '', email: '' };
    expect((await admin.inject('PUT', '/api/v1/admin/settings/profile', profile)).statusCode).toBe(200);
    const logged = await profileEvents();
    const again = await admin.inject('PUT', '/api/v1/admin/settings/profile', { ...profile, contactName: '  Park ' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(profile);
    expect(await profileEvents()).toBe(logged);
    expect((await admin.inject('PUT', '/api/v1/admin/settings/profile', { ...profile, contactName: 'Lee' })).statusCode).toBe(200);
    expect(await profileEvents()).toBe(logged + 1);
  });

  it('refuses a PUT that leaves fields out, naming each, and changes nothing', async () => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const profile = { companyName: 'Atrium Co', serviceName: 'Atrium', contactName: 'Kim', phone: '02-000-0000', email: 'kim@atrium.example' };
    expect((await admin.inject('PUT', '/api/v1/admin/settings/profile', profile)).statusCode).toBe(200);
    const partial = await admin.inject('PUT', '/api/v1/admin/settings/profile', { email: 'lee@atrium.example' });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.code).toBe('validation.failed');
    expect(Object.keys(partial.json().error.details.fieldErrors).sort()).toEqual(['companyName', 'contactName', 'phone', 'serviceName']);
    expect((await admin.inject('GET', '/api/v1/admin/settings/profile')).json()).toEqual(profile);
  });

  it.each(['A\u0000B', 'Kim\u0007Lee', 'Kim\nLee', 'Kim\u202ELee'])('refuses %j in each name with a field error, not a 500', async (text) => {
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const profile = { companyName: 'Atrium Co', serviceName: 'Atrium', contactName: 'Kim', phone: '', email: '' };
    for (const field of ['companyName', 'serviceName', 'contactName'] as const) {
      const response = await admin.inject('PUT', '/api/v1/admin/settings/profile', { ...profile, [field]: text });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
      expect(Object.keys(response.json().error.details.fieldErrors)).toEqual([field]);
      expect(response.json().error.details.fieldErrors[field]).toEqual(['validation.control_characters']);
    }
    expect((await admin.inject('GET', '/api/v1/admin/settings/profile')).json().contactName).not.toContain('Lee');
  });
});
