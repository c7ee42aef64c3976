import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index';
import type { StaffRole } from '../../../common/permissions';
import { buildTestApp, signInNewUser, type TestApp } from '../../test/test-app';
import { canManageSettings } from './settings.policy';

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
