import type { Me, UpdatePreferencesBody } from '../../../common/schemas/me';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { getSetting } from '../settings/settings.service';
import { listActiveMemberships, updateUser } from '../users/users.repository';

/**
 * The signed-in user with their roles, as GET /me presents them. The user's own fields come from the
 * actor, read with the session or token at the start of this request, and so are the memberships
 * on GET /me (`config.actorMemberships`): one statement per call.
 */
export async function getMe(ctx: ServiceContext, actor: Actor): Promise<Me> {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    locale: actor.locale,
    theme: actor.theme,
    mustChangePassword: actor.mustChangePassword,
    mfaEnrollmentRequired: actor.mfaEnrollmentRequired,
    idleTimeoutSeconds: (await getSetting(ctx, 'security')).idleTimeoutSeconds,
    staffRole: actor.staffRole,
    memberships: actor.memberships ?? (await listActiveMemberships(ctx.db, actor.userId)),
    csrfToken: actor.csrfToken ?? '',
  };
}

/** Saves the user's language and theme. */
export async function updatePreferences(ctx: ServiceContext, actor: Actor, input: UpdatePreferencesBody): Promise<Me> {
  const changes: Parameters<typeof updateUser>[2] = {};
  if (input.locale) changes.locale = input.locale;
  if (input.theme) changes.theme = input.theme;
  const user = Object.keys(changes).length > 0 ? await updateUser(ctx.db, actor.userId, changes) : undefined;
  return getMe(ctx, user ? { ...actor, locale: user.locale, theme: user.theme } : actor);
}
