import { and, eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, recoveryCodes } from '../../db/schema/index';
import { CLI_ORIGIN } from '../../platform/context';
import { buildActor, buildUser } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { findSignInCandidate, updateUser, type UserRow } from '../users/users.repository';
import { USER_KEY_PREFIX } from '../auth/throttle';
import {
  confirmEmail,
  confirmTotp,
  disableFactor,
  listMfaMethods,
  mfaMethodsOf,
  sendSignInEmailCode,
  startEmailSetup,
  startTotpSetup,
  verifyMfaCode,
} from './mfa.service';

/** The sign-in candidate read without an address (no address counter). */
const NO_ADDRESS = { userKeyPrefix: USER_KEY_PREFIX, addressKey: null };

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const PASSWORD = 'Atrium!2026';

const actorOf = (user: UserRow) => buildActor(user);

function totpCode(secret: string, offsetSteps = 0): string {
  const totp = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
  return totp.generate({ timestamp: t.clock.now().getTime() + offsetSteps * 30_000 });
}

const wrongCode = (right: string) => ((Number(right) + 500_000) % 1_000_000).toString().padStart(6, '0');

async function enrolTotp(user: UserRow): Promise<{ secret: string; codes: string[] | null }> {
  const { secret } = await startTotpSetup(t.ctx, actorOf(user));
  const { codes } = await confirmTotp(t.ctx, actorOf(user), totpCode(secret), CLI_ORIGIN);
  return { secret, codes };
}

async function lastCodeTo(email: string): Promise<string> {
  await t.drainJobs();
  return /\b(\d{6})\b/.exec(t.mail.last(email).text)![1]!;
}

async function enrolEmail(user: UserRow): Promise<void> {
  await startEmailSetup(t.ctx, actorOf(user), 'en');
  await confirmEmail(t.ctx, actorOf(user), await lastCodeTo(user.email), CLI_ORIGIN);
}

const verify = (user: UserRow, method: 'totp' | 'email' | 'recovery', code: string, challengeId = 'challenge-1') => verifyMfaCode(t.ctx, user, method, code, challengeId, CLI_ORIGIN);

describe('verifyMfaCode with TOTP', () => {
  it('accepts a code once: the same code is refused the second time', async () => {
    const user = await buildUser(t.ctx);
    const { secret } = await enrolTotp(user);
    t.clock.advance(60_000);
    const code = totpCode(secret);
    expect(await verify(user, 'totp', code)).toBe(true);
    expect(await verify(user, 'totp', code)).toBe(false);
    t.clock.advance(30_000);
    expect(await verify(user, 'totp', totpCode(secret))).toBe(true);
  });

  it('accepts the previous and next step, refuses two steps away', async () => {
    const user = await buildUser(t.ctx);
    const { secret } = await enrolTotp(user);
    t.clock.advance(5 * 60_000);
    expect(await verify(user, 'totp', totpCode(secret, -2))).toBe(false);
    expect(await verify(user, 'totp', totpCode(secret, 2))).toBe(false);
    expect(await verify(user, 'totp', totpCode(secret, -1))).toBe(true);
    expect(await verify(user, 'totp', totpCode(secret, 1))).toBe(true);
    // The step just before the newest one used is a replay too.
    expect(await verify(user, 'totp', totpCode(secret, 0))).toBe(false);
  });

  it('refuses a pending setup, malformed codes and another user\'s code', async () => {
    const user = await buildUser(t.ctx);
    const { secret } = await startTotpSetup(t.ctx, actorOf(user));
    expect(await verify(user, 'totp', totpCode(secret))).toBe(false);
    const other = await buildUser(t.ctx);
    const { secret: otherSecret } = await enrolTotp(other);
    t.clock.advance(60_000);
    expect(await verify(user, 'totp', totpCode(otherSecret))).toBe(false);
    expect(await verify(other, 'totp', 'abcdef')).toBe(false);
    expect(await verify(other, 'totp', '')).toBe(false);
  });
});

describe('verifyMfaCode with recovery codes', () => {
  it('accepts each code once, typed with or without dashes, spaces or capitals, and logs its use', async () => {
    const user = await buildUser(t.ctx);
    const codes = (await enrolTotp(user)).codes!;
    expect(await verify(user, 'recovery', codes[0]!)).toBe(true);
    expect(await verify(user, 'recovery', codes[0]!)).toBe(false);
    expect(await verify(user, 'recovery', ` ${codes[1]!.replaceAll('-', '').toUpperCase()} `)).toBe(true);
    expect(await verify(user, 'recovery', codes[2]!.replaceAll('-', ' '))).toBe(true);
    expect(await verify(user, 'recovery', 'aaaa-bbbb-cccc')).toBe(false);
    const used = await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(used.filter((row) => row.usedAt !== null)).toHaveLength(3);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'mfa.recovery_code.used')));
    expect(events).toHaveLength(3);
  });

  it("refuses another user's recovery code", async () => {
    const alice = await buildUser(t.ctx);
    const bob = await buildUser(t.ctx);
    const aliceCodes = (await enrolTotp(alice)).codes!;
    await enrolTotp(bob);
    expect(await verify(bob, 'recovery', aliceCodes[0]!)).toBe(false);
    expect(await verify(alice, 'recovery', aliceCodes[0]!)).toBe(true);
  });
});

describe('sendSignInEmailCode and verifyMfaCode with email', () => {
  it('emails a code for the challenge that works once, and not for another challenge', async () => {
    const user = await buildUser(t.ctx);
    await enrolEmail(user);
    await sendSignInEmailCode(t.ctx, user, 'challenge-a');
    const code = await lastCodeTo(user.email);
    expect(t.mail.last(user.email).subject).toContain('sign-in code');
    expect(await verify(user, 'email', code, 'challenge-b')).toBe(false);
    expect(await verify(user, 'email', code, 'challenge-a')).toBe(true);
    expect(await verify(user, 'email', code, 'challenge-a')).toBe(false);
  });

  it('kills a code after five wrong tries', async () => {
    const user = await buildUser(t.ctx);
    await enrolEmail(user);
    await sendSignInEmailCode(t.ctx, user, 'challenge-a');
    const code = await lastCodeTo(user.email);
    for (let i = 0; i < 5; i++) expect(await verify(user, 'email', wrongCode(code), 'challenge-a')).toBe(false);
    expect(await verify(user, 'email', code, 'challenge-a')).toBe(false);
  });

  it('accepts a code within 10 minutes and refuses it after', async () => {
    const user = await buildUser(t.ctx);
    await enrolEmail(user);
    await sendSignInEmailCode(t.ctx, user, 'challenge-a');
    const early = await lastCodeTo(user.email);
    t.clock.advance(9 * 60_000);
    expect(await verify(user, 'email', early, 'challenge-a')).toBe(true);

    await sendSignInEmailCode(t.ctx, user, 'challenge-b');
    const late = await lastCodeTo(user.email);
    t.clock.advance(10 * 60_000 + 1000);
    expect(await verify(user, 'email', late, 'challenge-b')).toBe(false);
  });

  it('a new code for the same challenge replaces the previous one', async () => {
    const user = await buildUser(t.ctx);
    await enrolEmail(user);
    await sendSignInEmailCode(t.ctx, user, 'challenge-a');
    const first = await lastCodeTo(user.email);
    await sendSignInEmailCode(t.ctx, user, 'challenge-a');
    const second = await lastCodeTo(user.email);
    if (first !== second) expect(await verify(user, 'email', first, 'challenge-a')).toBe(false);
    expect(await verify(user, 'email', second, 'challenge-a')).toBe(true);
  });

  it("writes in the user's language, English when none is saved", async () => {
    const user = (await updateUser(t.ctx.db, (await buildUser(t.ctx)).id, { locale: 'ko' }))!;
    await enrolEmail(user);
    await sendSignInEmailCode(t.ctx, user, 'challenge-a');
    await t.drainJobs();
    expect(t.mail.last(user.email).subject).toContain('로그인 인증 코드');
    const english = await buildUser(t.ctx);
    await startEmailSetup(t.ctx, actorOf(english), 'en');
    await t.drainJobs();
    expect(t.mail.last(english.email).subject).toContain('Your two-step setup code');
  });

  it('refuses to send a code to a user without email as a second step', async () => {
    const user = await buildUser(t.ctx);
    await enrolTotp(user);
    await expect(sendSignInEmailCode(t.ctx, user, 'challenge-a')).rejects.toMatchObject({ code: 'auth.mfa_not_enrolled' });
  });
});

describe('listMfaMethods', () => {
  it('lists confirmed methods in order, with recovery while codes are left', async () => {
    const user = await buildUser(t.ctx);
    expect(await listMfaMethods(t.ctx, user.id)).toEqual([]);
    expect((await findSignInCandidate(t.ctx.db, user.email, NO_ADDRESS))?.confirmedFactorKinds).toEqual([]);

    const { secret } = await startTotpSetup(t.ctx, actorOf(user));
    expect(await listMfaMethods(t.ctx, user.id)).toEqual([]);
    const { codes } = await confirmTotp(t.ctx, actorOf(user), totpCode(secret), CLI_ORIGIN);
    expect(await listMfaMethods(t.ctx, user.id)).toEqual(['totp', 'recovery']);
    // The sign-in reads the same in one statement: the confirmed kinds, and recovery codes left.
    const candidate = await findSignInCandidate(t.ctx.db, user.email, NO_ADDRESS);
    expect(candidate?.confirmedFactorKinds).toEqual(['totp']);
    expect(mfaMethodsOf(candidate!.confirmedFactorKinds, candidate!.hasUnusedRecoveryCodes)).toEqual(['totp', 'recovery']);

    await enrolEmail(user);
    expect(await listMfaMethods(t.ctx, user.id)).toEqual(['totp', 'email', 'recovery']);

    await disableFactor(t.ctx, actorOf(user), 'totp', PASSWORD, CLI_ORIGIN);
    expect(await listMfaMethods(t.ctx, user.id)).toEqual(['email', 'recovery']);

    for (const code of codes!) expect(await verify(user, 'recovery', code)).toBe(true);
    expect(await listMfaMethods(t.ctx, user.id)).toEqual(['email']);

    await disableFactor(t.ctx, actorOf(user), 'email', PASSWORD, CLI_ORIGIN);
    expect(await listMfaMethods(t.ctx, user.id)).toEqual([]);
    expect(await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toEqual([]);
  });

  it('refuses recovery codes once no factor is left', async () => {
    const user = await buildUser(t.ctx);
    const { codes } = await enrolTotp(user);
    await expect(disableFactor(t.ctx, actorOf(user), 'totp', 'wrong', CLI_ORIGIN)).rejects.toMatchObject({ code: 'auth.wrong_password' });
    await disableFactor(t.ctx, actorOf(user), 'totp', PASSWORD, CLI_ORIGIN);
    expect(await verify(user, 'recovery', codes![0]!)).toBe(false);
  });
});
