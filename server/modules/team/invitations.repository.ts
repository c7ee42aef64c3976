import { and, desc, eq, gt, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { InvitationStatus } from '../../../common/schemas/team';
import { invitations, organizations, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';

export type InvitationRow = typeof invitations.$inferSelect;

/** Where an invitation stands at a moment: accepted and revoked are final, pending turns expired. */
export function invitationStatus(row: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now: Date): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

/** The SQL condition for invitations in a status at a moment (the same rule as invitationStatus). */
function statusCondition(status: InvitationStatus, now: Date): SQL | undefined {
  switch (status) {
    case 'accepted':
      return isNotNull(invitations.acceptedAt);
    case 'revoked':
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt));
    case 'expired':
      return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), lte(invitations.expiresAt, now));
    case 'pending':
      return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));
  }
}

/** Inserts an invitation. */
export async function insertInvitation(db: Db, values: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

/** The invitation of the organization, if any. */
export async function findInvitationById(db: Db, organizationId: string, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.organizationId, organizationId)))
    .limit(1);
  return row;
}

/** The invitation whose token has this hash, with its organization's name and archive state. */
export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name, organizationArchivedAt: organizations.archivedAt })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** One page of the organization's invitations, newest first, with the inviter's name and the total. */
export async function listInvitations(db: Db, organizationId: string, options: { status?: InvitationStatus | undefined; now: Date; limit: number; offset: number }) {
  const where = and(eq(invitations.organizationId, organizationId), options.status ? statusCondition(options.status, options.now) : undefined);
  const rows = await db
    .select({ invitation: invitations, invitedByName: users.name, total: sql<number>`count(*) over ()::int` })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(where)
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(options.limit)
    .offset(options.offset);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && options.offset > 0) {
    const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(invitations).where(where);
    total = counted?.n ?? 0;
  }
  return { items: rows.map((r) => ({ ...r.invitation, invitedByName: r.invitedByName })), total: Number(total) };
}

/** Revokes the organization's pending invitations to this email; returns those revoked. */
export async function revokePendingInvitationsFor(db: Db, organizationId: string, email: string, now: Date): Promise<InvitationRow[]> {
  return db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning();
}

/** Revokes the invitation if it is still pending; false when it no longer was. */
export async function revokeInvitation(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/** Marks the invitation accepted if it is still pending (atomic: a token works once); false otherwise. */
export async function markInvitationAccepted(db: Db, id: string, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now, acceptedUserId: userId })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}
