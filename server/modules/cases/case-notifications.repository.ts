import { eq, sql } from 'drizzle-orm';
import type { CustomerRole, StaffRole } from '../../../common/permissions';
import type { Locale } from '../../../common/locale';
import { casePosts, feedItems, userPreferences } from '../../db/schema/index';
import type { Db } from '../../platform/db';

/**
 * What notices about a case read and write: the people concerned with their standing in the
 * case's organization (so that nobody hears of a case they may no longer see), their language and
 * email choices, and the My feed rows.
 */

export interface NoticePerson {
  userId: string;
  email: string;
  name: string;
  locale: Locale | null;
  staffRole: StaffRole | null;
  /** Their active role in the case's organization, if any. */
  memberRole: CustomerRole | null;
  /** They were given the case's site or a site above it (matters below admin). */
  hasSite: boolean;
  /** The case emails they chose; null: every kind. */
  caseEmails: string[] | null;
  subscribed: boolean;
}

/**
 * The case's subscribers and these other people (the actor, the mentioned, the assignee), active
 * users only, with what decides whether they still see the case.
 */
export async function listNoticePeople(db: Db, caseRow: { id: string; organizationId: string; siteId: string }, otherUserIds: readonly string[]): Promise<NoticePerson[]> {
  const others = [...new Set(otherUserIds)];
  const othersClause = others.length > 0 ? sql`union select id from users where id in (${sql.join(others.map((id) => sql`${id}`), sql`, `)})` : sql``;
  // From the people concerned (the subscriptions' key, then users by id), never a scan of users.
  const result = await db.execute(sql`
    with recursive chain(id, parent_id) as (
      select id, parent_id from sites where id = ${caseRow.siteId}
      union all
      select s.id, s.parent_id from sites s join chain on s.id = chain.parent_id
    ),
    concerned(user_id) as (
      select user_id from case_subscriptions where case_id = ${caseRow.id}
      ${othersClause}
    )
    select u.id as "userId", u.email, u.name, u.locale, u.staff_role as "staffRole",
           m.role as "memberRole",
           coalesce(exists (select 1 from member_sites ms where ms.member_id = m.id and ms.site_id in (select id from chain)), false) as "hasSite",
           p.case_emails as "caseEmails",
           (cs.user_id is not null) as subscribed
      from concerned
      join users u on u.id = concerned.user_id
      left join case_subscriptions cs on cs.case_id = ${caseRow.id} and cs.user_id = u.id
      left join members m on m.organization_id = ${caseRow.organizationId} and m.user_id = u.id and m.status = 'active'
      left join user_preferences p on p.user_id = u.id
     where u.status = 'active'
     order by u.id`);
  return (result as unknown as { rows: NoticePerson[] }).rows;
}

/** The text of a post, for excerpts and emails. */
export async function findPostBody(db: Db, postId: string): Promise<string | undefined> {
  const [row] = await db.select({ body: casePosts.body }).from(casePosts).where(eq(casePosts.id, postId)).limit(1);
  return row?.body;
}

/** Adds My feed rows. */
export async function insertFeedItems(db: Db, rows: (typeof feedItems.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(feedItems).values(rows);
}

/** The case emails a person chose; null when they never chose (every kind). */
export async function findCaseEmailKinds(db: Db, userId: string): Promise<string[] | null> {
  const [row] = await db.select({ caseEmails: userPreferences.caseEmails }).from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1);
  return row?.caseEmails ?? null;
}

/** Saves the case emails a person chose, leaving their other preferences as they are. */
export async function upsertCaseEmailKinds(db: Db, userId: string, kinds: string[], now: Date): Promise<void> {
  await db
    .insert(userPreferences)
    .values({ userId, caseEmails: kinds, updatedAt: now })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { caseEmails: kinds, updatedAt: now } });
}
