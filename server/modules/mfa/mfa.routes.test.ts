import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mfaFactors, recoveryCodes, sessions } from '../../db/schema/index';
import { CLI_ORIGIN } from '../../platform/context';
import { buildMember } from '../../test/factories';
import { buildTestApp, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';
import { insertOrganization } from '../organizations/organizations.repository';
import { verifyMfaCode } from './mfa.service';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const RECOVERY_CODE = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/;

/** The authenticator app's code for this secret at the test clock's time, moved by `offsetSteps`. */
function totpCode(secret: string, offsetSteps = 0): string {
  const totp = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
  return totp.generate({ timestamp: t.clock.now().getTime() + offsetSteps * 30_000 });
}

/** A 6-digit code that is not the right one. */
const wrongCode = (right: string) => ((Number(right) + 500_000) % 1_000_000).toString().padStart(6, '0');

async function setUpTotp(client: SignedIn): Promise<string> {
  const response = await client.inject('POST', '/api/v1/me/mfa/totp/setup');
  expect(response.statusCode).toBe(200);
  return (response.json() as { secret: string }).secret;
}

async function enableTotp(client: SignedIn): Promise<{ secret: string; codes: string[] | null }> {
  const secret = await setUpTotp(client);
  const response = await client.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(secret) });
  expect(response.statusCode).toBe(200);
  return { secret, codes: (response.json() as { codes: string[] | null }).codes };
}

async function emailCodeFor(email: string): Promise<string> {
  await t.drainJobs();
  const code = /\b(\d{6})\b/.exec(t.mail.last(email).text)?.[1];
  expect(code).toBeDefined();
  return code!;
}

describe('GET /api/v1/me/mfa', () => {
  it('answers nothing enrolled for a new user', async () => {
    const client = await signInNewUser(t);
    const response = await client.inject('GET', '/api/v1/me/mfa');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ totp: false, email: false, recoveryCodesLeft: 0, required: false, hasPassword: true });
  });

  it('says two-step sign-in is required for an active member of an organization that requires it', async () => {
    const client = await signInNewUser(t);
    const organization = await insertOrganization(t.ctx.db, { name: `Strict ${client.userId}`, requireMfa: true });
    await buildMember(t.ctx, { organizationId: organization.id, userId: client.userId });
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ required: true });
  });

  it('refuses the unauthenticated', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me/mfa' });
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /api/v1/me/mfa/totp/*', () => {
  it('gives a secret and QR code, refuses a wrong code, then enables with a correct one and returns ten recovery codes once', async () => {
    const client = await signInNewUser(t);
    const setup = await client.inject('POST', '/api/v1/me/mfa/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCodeSvg } = setup.json() as { secret: string; otpauthUrl: string; qrCodeSvg: string };
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUrl).toContain('issuer=Atrium');
    expect(otpauthUrl).toContain(encodeURIComponent(client.email));
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrCodeSvg).toContain('<svg');

    const wrong = await client.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: wrongCode(totpCode(secret)) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.mfa_invalid_code');
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ totp: false });

    const confirmed = await client.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(secret) });
    expect(confirmed.statusCode).toBe(200);
    const { codes } = confirmed.json() as { codes: string[] };
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(RECOVERY_CODE);
    expect(new Set(codes).size).toBe(10);
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toEqual({ totp: true, email: false, recoveryCodesLeft: 10, required: false, hasPassword: true });

    // Only hashes are kept.
    const stored = await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, client.userId));
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code);

    const again = await client.inject('POST', '/api/v1/me/mfa/totp/setup');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('auth.mfa_already_enrolled');
  });

  it('stores the secret encrypted', async () => {
    const client = await signInNewUser(t);
    const { secret } = await enableTotp(client);
    const rows = await t.database.db.select().from(mfaFactors).where(eq(mfaFactors.userId, client.userId));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows[0]!.secretCiphertext).toMatch(/^v1\./);
    expect(t.ctx.box.open(rows[0]!.secretCiphertext!)).toBe(secret);
  });

  it('refuses to confirm without a setup', async () => {
    const client = await signInNewUser(t);
    const response = await client.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: '123456' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('auth.mfa_setup_not_started');
  });

  it('a new setup replaces a pending one: the old secret no longer confirms', async () => {
    const client = await signInNewUser(t);
    const first = await setUpTotp(client);
    const second = await setUpTotp(client);
    expect(second).not.toBe(first);
    expect((await client.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(first) })).statusCode).toBe(400);
    expect((await client.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(second) })).statusCode).toBe(200);
  });

  it("keeps another user's setup independent", async () => {
    const alice = await signInNewUser(t);
    const bob = await signInNewUser(t);
    const aliceSecret = await setUpTotp(alice);
    const bobSecret = await setUpTotp(bob);
    expect(bobSecret).not.toBe(aliceSecret);
    expect((await alice.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(aliceSecret) })).statusCode).toBe(200);
    expect((await bob.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ totp: false, recoveryCodesLeft: 0 });
    expect((await bob.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(aliceSecret) })).statusCode).toBe(400);
    expect((await bob.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(bobSecret) })).statusCode).toBe(200);
  });

  it('counts the confirming code as used: it cannot sign in again', async () => {
    const client = await signInNewUser(t);
    const { secret } = await enableTotp(client);
    expect(await verifyMfaCode(t.ctx, { id: client.userId, email: client.email }, 'totp', totpCode(secret), 'challenge', CLI_ORIGIN)).toBe(false);
  });

  it('disables only with the current password, and removes the recovery codes with the last factor', async () => {
    const client = await signInNewUser(t);
    await enableTotp(client);
    const wrong = await client.inject('POST', '/api/v1/me/mfa/totp/disable', { password: 'not-my-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ totp: true, recoveryCodesLeft: 10 });

    expect((await client.inject('POST', '/api/v1/me/mfa/totp/disable', { password: 'Atrium!2026' })).statusCode).toBe(204);
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ totp: false, recoveryCodesLeft: 0 });
    const again = await client.inject('POST', '/api/v1/me/mfa/totp/disable', { password: 'Atrium!2026' });
    expect(again.json().error.code).toBe('auth.mfa_not_enrolled');
  });

  it('works while an enrolment is required, and clears that requirement on the first factor', async () => {
    const client = await signInNewUser(t);
    await t.database.db.update(sessions).set({ mfaEnrollmentRequired: true }).where(eq(sessions.userId, client.userId));
    expect((await client.inject('GET', '/api/v1/me/mfa')).statusCode).toBe(200);
    await enableTotp(client);
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, client.userId));
    expect(rows.map((row) => row.mfaEnrollmentRequired)).toEqual(rows.map(() => false));
  });
});

describe('POST /api/v1/me/mfa/email/*', () => {
  it('emails a 6-digit code that enables email codes; a second factor returns no new recovery codes', async () => {
    const client = await signInNewUser(t);
    const setup = await client.inject('POST', '/api/v1/me/mfa/email/setup');
    expect(setup.statusCode).toBe(202);
    const code = await emailCodeFor(client.email);
    expect(t.mail.last(client.email).subject).toContain('two-step');

    const wrong = await client.inject('POST', '/api/v1/me/mfa/email/confirm', { code: wrongCode(code) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.mfa_invalid_code');

    const confirmed = await client.inject('POST', '/api/v1/me/mfa/email/confirm', { code });
    expect(confirmed.statusCode).toBe(200);
    expect((confirmed.json() as { codes: string[] }).codes).toHaveLength(10);
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ email: true, totp: false, recoveryCodesLeft: 10 });
    expect((await client.inject('POST', '/api/v1/me/mfa/email/setup')).statusCode).toBe(409);

    const { codes } = await enableTotp(client);
    expect(codes).toBeNull();
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ email: true, totp: true, recoveryCodesLeft: 10 });
  });

  it('refuses to confirm without a setup, and a code after five wrong tries', async () => {
    const client = await signInNewUser(t);
    const none = await client.inject('POST', '/api/v1/me/mfa/email/confirm', { code: '123456' });
    expect(none.json().error.code).toBe('auth.mfa_setup_not_started');

    await client.inject('POST', '/api/v1/me/mfa/email/setup');
    const code = await emailCodeFor(client.email);
    for (let i = 0; i < 5; i++) expect((await client.inject('POST', '/api/v1/me/mfa/email/confirm', { code: wrongCode(code) })).statusCode).toBe(400);
    expect((await client.inject('POST', '/api/v1/me/mfa/email/confirm', { code })).statusCode).toBe(400);
  });

  it('refuses an enrolment code after 10 minutes', async () => {
    const client = await signInNewUser(t);
    await client.inject('POST', '/api/v1/me/mfa/email/setup');
    const code = await emailCodeFor(client.email);
    t.clock.advance(10 * 60_000 + 1000);
    expect((await client.inject('POST', '/api/v1/me/mfa/email/confirm', { code })).json().error.code).toBe('auth.mfa_setup_not_started');
  });

  it('disables only with the current password', async () => {
    const client = await signInNewUser(t);
    await client.inject('POST', '/api/v1/me/mfa/email/setup');
    await client.inject('POST', '/api/v1/me/mfa/email/confirm', { code: await emailCodeFor(client.email) });
    expect((await client.inject('POST', '/api/v1/me/mfa/email/disable', { password: 'nope' })).json().error.code).toBe('auth.wrong_password');
    expect((await client.inject('POST', '/api/v1/me/mfa/email/disable', { password: 'Atrium!2026' })).statusCode).toBe(204);
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ email: false, recoveryCodesLeft: 0 });
  });
});

describe('POST /api/v1/me/mfa/recovery-codes', () => {
  it('refuses without a factor', async () => {
    const client = await signInNewUser(t);
    const response = await client.inject('POST', '/api/v1/me/mfa/recovery-codes', { password: 'Atrium!2026' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('auth.mfa_not_enrolled');
  });

  it('regenerates with the current password; the old codes stop working', async () => {
    const client = await signInNewUser(t);
    const { codes: oldCodes } = await enableTotp(client);
    expect((await client.inject('POST', '/api/v1/me/mfa/recovery-codes', { password: 'wrong' })).json().error.code).toBe('auth.wrong_password');

    const response = await client.inject('POST', '/api/v1/me/mfa/recovery-codes', { password: 'Atrium!2026' });
    expect(response.statusCode).toBe(200);
    const { codes } = response.json() as { codes: string[] };
    expect(codes).toHaveLength(10);
    expect(codes).not.toContain(oldCodes![0]);
    expect(await verifyMfaCode(t.ctx, { id: client.userId, email: client.email }, 'recovery', oldCodes![0]!, 'challenge', CLI_ORIGIN)).toBe(false);
    expect(await verifyMfaCode(t.ctx, { id: client.userId, email: client.email }, 'recovery', codes[0]!, 'challenge', CLI_ORIGIN)).toBe(true);
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it('counts wrong passwords to turn a factor off or get new codes towards the sign-in lock, and checks none while locked', async () => {
    const client = await signInNewUser(t);
    await enableTotp(client);
    for (let i = 0; i < 2; i += 1) expect((await client.inject('POST', '/api/v1/me/mfa/totp/disable', { password: 'Wrong!pass1' })).json().error.code).toBe('auth.wrong_password');
    for (let i = 0; i < 2; i += 1) expect((await client.inject('POST', '/api/v1/me/mfa/recovery-codes', { password: 'Wrong!pass1' })).json().error.code).toBe('auth.wrong_password');
    const fifth = await client.inject('POST', '/api/v1/me/mfa/totp/disable', { password: 'Wrong!pass1' });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('auth.locked');
    expect((await client.inject('POST', '/api/v1/me/mfa/totp/disable', { password: 'Atrium!2026' })).json().error.code).toBe('auth.locked');
    expect((await client.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ totp: true });
    t.clock.advance(31_000);
    expect((await client.inject('POST', '/api/v1/me/mfa/recovery-codes', { password: 'Atrium!2026' })).statusCode).toBe(200);
  });
});
