import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { recordAudit } from '../../platform/audit';
import { badRequest } from '../../platform/errors';
import { verifyPassword } from '../../platform/secrets';
import type { UserRow } from '../users/users.repository';
import { assertNotLocked, clearFailures, recordFailure, throttleKeys } from './throttle';

/**
 * The signed-in user's current password, asked again before a change to the account's security
 * (a new password, turning off a second step, new recovery codes). Held to the sign-in lock: refused
 * while the account or the address is locked, and a wrong one counts towards the lock like a wrong
 * sign-in, so that a session left open cannot be used to guess the password. `field` names the form
 * field in the errors.
 */
export async function verifyCurrentPassword(ctx: ServiceContext, user: UserRow | undefined, password: string, origin: RequestOrigin, field: string): Promise<UserRow & { passwordHash: string }> {
  if (user && !user.passwordHash) throw badRequest('auth.password_not_set', { fieldErrors: { [field]: ['auth.password_not_set'] } });
  if (!user?.passwordHash) throw badRequest('auth.wrong_password', { fieldErrors: { [field]: ['auth.wrong_password'] } });
  const keys = throttleKeys(user.id, origin.ip);
  const counted = await assertNotLocked(ctx, keys);
  if (!(await verifyPassword(user.passwordHash, password))) {
    const audit = { actorUserId: user.id, actorLabel: user.email, ip: origin.ip, client: origin.client };
    await recordAudit(ctx.db, { category: 'account', action: 'password.check_failed', ...audit });
    await recordFailure(ctx, keys, audit);
    throw badRequest('auth.wrong_password', { fieldErrors: { [field]: ['auth.wrong_password'] } });
  }
  await clearFailures(ctx, counted);
  return { ...user, passwordHash: user.passwordHash };
}
