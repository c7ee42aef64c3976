import type { SessionInfo } from '../../../common/schemas/auth';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { describeClient } from '../../platform/client-label';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { endUserSession, listLiveSessions, revokeOtherSessions } from './auth.repository';

/** The actor's live sessions with device, address and last activity. */
export async function listSessions(ctx: ServiceContext, actor: Actor): Promise<SessionInfo[]> {
  const rows = await listLiveSessions(ctx.db, actor.userId, ctx.clock.now());
  return rows.map((row) => ({
    id: row.id,
    client: describeClient(row.userAgent ?? undefined),
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    current: row.id === actor.sessionId,
  }));
}

/** Ends one of the actor's sessions; another user's session answers not found. */
export async function endSession(ctx: ServiceContext, actor: Actor, sessionId: string, origin: RequestOrigin): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await endUserSession(tx, actor.userId, sessionId, ctx.clock.now(), 'revoked'))) throw notFound('sessions.not_found');
    await recordAudit(tx, { category: 'sign_in', action: 'session.ended', actorUserId: actor.userId, actorLabel: actor.email, targetType: 'session', targetId: sessionId, ip: origin.ip, client: origin.client });
  });
}

/**
 * Ends every session of the actor but the one making the request (signed in with an API token: every
 * session); their browsers hear that the session was ended elsewhere. How many it ended; none is no
 * error, and nothing is logged then.
 */
export async function endOtherSessions(ctx: ServiceContext, actor: Actor, origin: RequestOrigin): Promise<{ ended: number }> {
  return ctx.db.transaction(async (tx) => {
    const ended = await revokeOtherSessions(tx, actor.userId, actor.sessionId, ctx.clock.now(), 'revoked');
    if (ended > 0) {
      await recordAudit(tx, { category: 'sign_in', action: 'session.ended_others', actorUserId: actor.userId, actorLabel: actor.email, ip: origin.ip, client: origin.client, details: { ended } });
    }
    return { ended };
  });
}
