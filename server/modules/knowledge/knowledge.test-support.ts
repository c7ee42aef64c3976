import type { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { CustomerRole } from '../../../common/permissions';
import type { Article } from '../../../common/schemas/knowledge';
import { auditEvents, jobs } from '../../db/schema/index';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { signInAs, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * The people of the knowledge tests: an engineer who writes articles, a member of a customer
 * organization who reads them, and helpers to write articles through the API.
 */

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

export interface KnowledgeScenario {
  engineer: SignedIn;
  organizationId: string;
  customer: SignedIn;
  /** `/api/v1/organizations/<org>/articles` */
  portal: string;
}

/** A signed-in vendor staff member (a support engineer unless given). */
export async function signInStaff(t: TestApp, staffRole: 'support_engineer' | 'vendor_admin' | 'agent' | 'account_manager' = 'support_engineer'): Promise<SignedIn> {
  const user = await buildUser(t.ctx, { name: `Staff ${unique()}`, staffRole });
  return signInAs(t.app, user.email);
}

/** A signed-in member of the organization. */
export async function signInMember(t: TestApp, organizationId: string, role: CustomerRole = 'viewer', locale: 'ko' | 'en' | null = null): Promise<SignedIn> {
  const user = await buildUser(t.ctx, { name: `Member ${unique()}` });
  const site = await buildSite(t.ctx, { organizationId });
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds: [site.id] });
  if (locale) await t.database.raw('update users set locale = $1 where id = $2', [locale, user.id]);
  return signInAs(t.app, user.email);
}

/** An engineer and a customer organization with a member. */
export async function buildKnowledgeScenario(t: TestApp): Promise<KnowledgeScenario> {
  const engineer = await signInStaff(t);
  const organization = await buildOrganization(t.ctx, { name: `Customer ${unique()}` });
  const customer = await signInMember(t, organization.id);
  return { engineer, organizationId: organization.id, customer, portal: `/api/v1/organizations/${organization.id}/articles` };
}

export const CONSOLE = '/api/v1/console/articles';

/** Writes an article through the API (English, internal unless given); throws unless 201. */
export async function writeArticle(engineer: SignedIn, overrides: Record<string, unknown> = {}): Promise<Article> {
  const response = await engineer.inject('POST', CONSOLE, { language: 'en', title: `PI Server licence ${unique()}`, summary: 'How to activate.', issue: 'It fails.', resolution: 'Run the tool.', ...overrides });
  if (response.statusCode !== 201) throw new Error(`article creation failed: ${response.statusCode} ${response.body}`);
  return response.json() as Article;
}

/** Writes an article, publishes its languages and sets its visibility (customers unless given). */
export async function writePublishedArticle(
  engineer: SignedIn,
  options: { visibility?: 'internal' | 'customers' | 'public'; translations?: { language: 'ko' | 'en'; title: string; publish?: boolean }[]; productIds?: string[] } = {},
): Promise<Article> {
  const [first, ...others] = options.translations ?? [{ language: 'en' as const, title: `Archive backup ${unique()}` }];
  const article = await writeArticle(engineer, { language: first!.language, title: first!.title, visibility: options.visibility ?? 'customers', productIds: options.productIds ?? [] });
  for (const other of others) await engineer.inject('POST', `${CONSOLE}/${article.id}/translations`, { language: other.language, title: other.title, resolution: 'R' });
  let latest = article;
  for (const translation of [first!, ...others]) {
    if (translation.publish === false) continue;
    const response = await engineer.inject('POST', `${CONSOLE}/${article.id}/publish`, { language: translation.language });
    if (response.statusCode !== 200) throw new Error(`publish failed: ${response.statusCode} ${response.body}`);
    latest = response.json() as Article;
  }
  return latest;
}

/** The search jobs queued for an article. */
export async function searchJobsFor(t: TestApp, articleId: string): Promise<number> {
  const [row] = await t.ctx.db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(jobs)
    .where(and(eq(jobs.kind, 'search.index'), sql`${jobs.payload} = ${JSON.stringify({ kind: 'article', id: articleId })}::jsonb`));
  return row?.n ?? 0;
}

/** The activity entries of an article, oldest first. */
export function auditOf(t: TestApp, articleId: string) {
  return t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.category, 'article'), eq(auditEvents.targetId, articleId))).orderBy(auditEvents.id);
}

/** Uploads bytes as a file of the article through the API. */
export function uploadArticleFile(t: TestApp, client: SignedIn, articleId: string, name: string, content: Buffer | string | Readable, contentType = 'application/octet-stream') {
  return t.app.inject({
    method: 'POST',
    url: `${CONSOLE}/${articleId}/attachments?name=${encodeURIComponent(name)}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': contentType },
    payload: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}
