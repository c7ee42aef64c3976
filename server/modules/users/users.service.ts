import type { StaffRole } from '../../../common/permissions';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { assertPasswordAcceptable } from '../auth/auth.service';
import { generateOneTimePassword, hashPassword } from '../../platform/secrets';
import { countUsers, findUserByEmail, insertUser, updateUser, type UserRow } from './users.repository';

export interface CreatedAdmin {
  user: UserRow;
  /** Set when the password was generated: print it once, it is never shown again. */
  oneTimePassword: string | null;
}

/**
 * Creates a vendor administrator. Without a password a one-time password is generated that must be
 * changed at first sign-in. An existing account with that email is promoted instead of duplicated.
 */
export async function createAdmin(
  ctx: ServiceContext,
  input: { email: string; password?: string | undefined; name?: string | undefined },
  origin: RequestOrigin,
): Promise<CreatedAdmin> {
  // The installation's password policy, common passwords included, as for everyone else.
  if (input.password !== undefined) await assertPasswordAcceptable(ctx, input.password, 'password');
  const oneTimePassword = input.password === undefined ? generateOneTimePassword() : null;
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
  return ctx.db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    const user = existing
      ? await updateUser(tx, existing.id, { staffRole: 'vendor_admin', passwordHash, mustChangePassword: oneTimePassword !== null, status: 'active' })
      : await insertUser(tx, {
          email: input.email,
          name: input.name ?? 'Administrator',
          passwordHash,
          mustChangePassword: oneTimePassword !== null,
          staffRole: 'vendor_admin',
          emailVerifiedAt: ctx.clock.now(),
        });
    await recordAudit(tx, {
      category: 'account',
      action: existing ? 'admin.promoted' : 'admin.created',
      targetType: 'user',
      targetId: user!.id,
      actorLabel: origin.client,
      ip: origin.ip,
      client: origin.client,
      details: { email: input.email },
    });
    return { user: user!, oneTimePassword };
  });
}

/** On the first start with an empty database, creates the vendor administrator. */
export async function ensureInitialAdmin(ctx: ServiceContext, origin: RequestOrigin): Promise<CreatedAdmin | null> {
  if ((await countUsers(ctx.db)) > 0) return null;
  return createAdmin(ctx, { email: ctx.config.adminEmail, name: 'Administrator' }, origin);
}

/** Creates a user with a password; used by factories, demo data and later by registration. */
export async function createUser(
  ctx: ServiceContext,
  input: { email: string; name: string; password: string; passwordHash?: string; company?: string | null; staffRole?: StaffRole | null },
): Promise<UserRow> {
  if (await findUserByEmail(ctx.db, input.email)) throw conflict('users.email_taken');
  return insertUser(ctx.db, {
    email: input.email,
    name: input.name,
    company: input.company ?? null,
    // A precomputed hash of the same password lets data generators skip argon2 per user.
    passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
    staffRole: input.staffRole ?? null,
    emailVerifiedAt: ctx.clock.now(),
  });
}
