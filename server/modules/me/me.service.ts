import type { Me, UpdatePreferencesBody } from '../../../common/schemas/me';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { unauthenticated } from '../../platform/errors';
import { findUserById, listActiveMemberships, updateUser } from '../users/users.repository';

/** The signed-in user with their roles, as GET /me presents them. */
export async function getMe(ctx: ServiceContext, actor: Actor): Promise<Me> {
  const [user, memberships] = await Promise.all([findUserById(ctx.db, actor.userId), listActiveMemberships(ctx.db, actor.userId)]);
  if (!user) throw unauthenticated();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    theme: user.theme,
    mustChangePassword: actor.via === 'session' && user.mustChangePassword,
    staffRole: user.staffRole,
    memberships,
    csrfToken: actor.csrfToken ?? '',
  };
}

/** Saves the user's language and theme. */
export async function updatePreferences(ctx: ServiceContext, actor: Actor, input: UpdatePreferencesBody): Promise<Me> {
  const changes: Parameters<typeof updateUser>[2] = {};
  if (input.locale) changes.locale = input.locale;
  if (input.theme) changes.theme = input.theme;
  if (Object.keys(changes).length > 0) await updateUser(ctx.db, actor.userId, changes);
  return getMe(ctx, actor);
}
