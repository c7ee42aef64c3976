import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import { buildMember, buildOrganization, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * The vendor profile's service name is the name customers know the service by: the portal and the
 * console show it (`GET /api/v1/branding`), every account email carries it in its subject and text,
 * and authenticator apps list the two-step secret under it.
 */
let t: TestApp;
let admin: SignedIn;
const PROFILE = { companyName: '한빛테크', serviceName: 'Hanbit Care', contactName: 'Park', phone: '', email: '' };

beforeAll(async () => {
  t = await buildTestApp();
  admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
});
afterAll(async () => {
  await t.close();
});

const branding = async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/branding' });
  expect(response.statusCode).toBe(200);
  return response.json();
};
const saveProfile = async (profile: typeof PROFILE) => expect((await admin.inject('PUT', '/api/v1/admin/settings/profile', profile)).statusCode).toBe(200);

describe('GET /api/v1/branding', () => {
  it('answers anyone, signed in or not, with Atrium until the vendor names the service, then with its name at once', async () => {
    expect(await branding()).toEqual({ serviceName: 'Atrium', companyName: '' });
    await saveProfile(PROFILE);
    expect(await branding()).toEqual({ serviceName: 'Hanbit Care', companyName: '한빛테크' });
    // A blank name falls back to Atrium rather than leaving titles and subjects without one.
    await saveProfile({ ...PROFILE, serviceName: '   ' });
    expect(await branding()).toEqual({ serviceName: 'Atrium', companyName: '한빛테크' });
    await saveProfile(PROFILE);
  });
});

describe('the service name in what Atrium sends', () => {
  it('heads the account emails and names the service in their text, in either language', async () => {
    await saveProfile(PROFILE);
    const korean = await buildUser(t.ctx);
    const english = await buildUser(t.ctx);
    for (const [user, language] of [[korean, 'ko'], [english, 'en']] as const) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', headers: { 'accept-language': language }, payload: { email: user.email } });
    }
    await t.drainJobs();
    expect(t.mail.last(korean.email).subject).toBe('[Hanbit Care] 비밀번호 재설정');
    expect(t.mail.last(english.email).subject).toBe('[Hanbit Care] Reset your password');

    const email = `new-${Date.now()}@example.com`;
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        name: 'New Person',
        email,
        company: 'Ulsan Chemical',
        address: 'Ulsan',
        phone: '052-000-0000',
        displayName: `new${Date.now() % 100000}`,
        password: 'Ulsan#Plant1',
        acceptTerms: true,
        acceptPrivacy: true,
        termsVersion: '2026-01',
        privacyVersion: '2026-01',
        locale: 'en',
      },
    });
    expect(registered.statusCode).toBe(202);
    await t.drainJobs();
    const verification = t.mail.last(email);
    expect(verification.subject).toBe('[Hanbit Care] Verify your email address');
    expect(verification.text).toContain('To finish creating your Hanbit Care account');
    expect(verification.text).not.toContain('Atrium');
  });

  it('names the service in an invitation sent in both languages, with one prefix for the two subjects', async () => {
    await saveProfile(PROFILE);
    const organization = await buildOrganization(t.ctx);
    const owner = await buildUser(t.ctx, { name: 'Owner Kim' });
    await buildMember(t.ctx, { organizationId: organization.id, userId: owner.id, role: 'owner' });
    const signedIn = await signInAs(t.app, owner.email);
    const invitee = `invitee-${Date.now()}@example.com`;
    expect((await signedIn.inject('POST', `/api/v1/organizations/${organization.id}/invitations`, { email: invitee })).statusCode).toBe(201);
    await t.drainJobs();
    const mail = t.mail.last(invitee);
    expect(mail.subject).toBe(`[Hanbit Care] Owner Kim님이 ${organization.name} 조직에 초대했습니다 / Owner Kim invited you to ${organization.name}`);
    expect(mail.text).toContain(`Owner Kim님이 Hanbit Care의 ${organization.name} 조직에`);
    expect(mail.text).toContain(`join ${organization.name} on Hanbit Care as Viewer`);
  });

  it('lists the authenticator-app secret under the service name', async () => {
    await saveProfile(PROFILE);
    const client = await signInNewUser(t);
    const setup = await client.inject('POST', '/api/v1/me/mfa/totp/setup');
    expect(setup.statusCode).toBe(200);
    const url = new URL(setup.json().otpauthUrl as string);
    expect(url.searchParams.get('issuer')).toBe('Hanbit Care');
    expect(decodeURIComponent(url.pathname)).toBe(`/Hanbit Care:${client.email}`);
  });

  it('keeps a colon of the service name out of the authenticator-app entry, where it would cut the name and spill into the account', async () => {
    await saveProfile({ ...PROFILE, serviceName: 'Hanbit: Care' });
    const client = await signInNewUser(t);
    const setup = await client.inject('POST', '/api/v1/me/mfa/totp/setup');
    expect(setup.statusCode).toBe(200);
    // As an authenticator app reads the key URI: issuer, then account, split at the first colon.
    const entry = OTPAuth.URI.parse(setup.json().otpauthUrl as string);
    expect(entry.issuer).toBe('Hanbit Care');
    expect(entry.label).toBe(client.email);
    await saveProfile(PROFILE);
  });
});
