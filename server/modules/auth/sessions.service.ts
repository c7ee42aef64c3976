import type { SessionInfo } from '../../../common/schemas/auth';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { describeClient } from '../../platform/client-label';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { endUserSession, listLiveSessions } from './auth.repository';

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
