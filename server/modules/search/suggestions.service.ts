import { and, eq, isNull, sql } from 'drizzle-orm';
import { articleSuggestionOpens } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { OrganizationAccess } from '../organizations/organization-access';

/**
 * Suggested articles opened from the case wizard, for "deflection" statistics: an opening whose
 * wizard never submitted a case is a question the knowledge base answered.
 */

/** An opening older than this whose wizard sent no case counts as deflected. */
const DEFLECTION_DELAY_MS = 3_600_000;

/** True when the article has a published translation and shows to customers. */
async function isArticleVisibleToCustomers(db: Db, articleId: string): Promise<boolean> {
  const result = await db.execute(sql`
    select 1 from articles a
     where a.id = ${articleId}::uuid and a.visibility in ('customers', 'public')
       and exists (select 1 from article_translations t where t.article_id = a.id and t.status = 'published')`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

/** Records that the member opened a suggested article in the wizard `wizardId`; 404 when they may not see the article. */
export async function recordSuggestionOpened(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, body: { wizardId: string; articleId: string }): Promise<void> {
  if (!(await isArticleVisibleToCustomers(ctx.db, body.articleId))) throw notFound('articles.not_found');
  await ctx.db.insert(articleSuggestionOpens).values({
    wizardId: body.wizardId,
    articleId: body.articleId,
    userId: actor.userId,
    organizationId: access.organization.id,
    openedAt: ctx.clock.now(),
  });
}

/** Marks the openings of a wizard as followed by a case; call it in the transaction that creates the case. */
export async function stampSuggestionOpens(tx: Db, values: { wizardId: string; organizationId: string; caseId: string }): Promise<void> {
  await tx
    .update(articleSuggestionOpens)
    .set({ caseId: values.caseId })
    .where(and(eq(articleSuggestionOpens.wizardId, values.wizardId), eq(articleSuggestionOpens.organizationId, values.organizationId), isNull(articleSuggestionOpens.caseId)));
}

/**
 * Openings since a time (optionally of one organization): how many, and how many deflected — their
 * wizard submitted no case and an hour has passed, so it is not still being written.
 */
export async function deflectionStats(ctx: ServiceContext, options: { since: Date; organizationId?: string }): Promise<{ opened: number; deflected: number }> {
  const settled = new Date(ctx.clock.now().getTime() - DEFLECTION_DELAY_MS);
  const organization = options.organizationId ? sql` and o.organization_id = ${options.organizationId}::uuid` : sql``;
  const result = await ctx.db.execute(sql`
    select count(*)::int as opened,
           count(*) filter (
             where o.opened_at <= ${settled.toISOString()}::timestamptz
               and not exists (select 1 from article_suggestion_opens s where s.wizard_id = o.wizard_id and s.case_id is not null))::int as deflected
      from article_suggestion_opens o
     where o.opened_at >= ${options.since.toISOString()}::timestamptz${organization}`);
  const [row] = (result as unknown as { rows: { opened: number; deflected: number }[] }).rows;
  return { opened: Number(row?.opened ?? 0), deflected: Number(row?.deflected ?? 0) };
}
