import { and, eq, sql } from 'drizzle-orm';
import type { CaseLinkKind } from '../../../common/cases';
import { caseLinks, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';
import { containsPattern } from './case-feed.repository';

/**
 * The content linked to cases and the catalog content that may be linked: published releases,
 * documents (bulletins of kind document, and manuals and release notes among published releases'
 * files). Knowledge articles arrive with issue 7.
 */

export type CaseLinkRow = typeof caseLinks.$inferSelect;

/** A document file: the resource types that are documents rather than software. */
const DOCUMENT_RESOURCE_TYPES = sql`('manual', 'release_notes')`;

/** The link rows of a case, oldest first, with who added them and the product page of a target that still exists. */
export async function listLinksOfCase(db: Db, caseId: string) {
  const result = await db.execute(sql`
    select l.id, l.kind, l.target_id as "targetId", l.title, l.added_by as "addedBy", l.created_at as "createdAt",
           u.name as "addedByName", u.staff_role as "addedByStaffRole",
           coalesce(r.product_id, b.product_id, fr.product_id) as "productId"
      from case_links l
      left join users u on u.id = l.added_by
      left join releases r on l.kind = 'release' and r.id = l.target_id and r.published_at is not null
      left join product_bulletins b on l.kind = 'document' and b.id = l.target_id and b.kind = 'document'
      left join release_files f on l.kind = 'document' and f.id = l.target_id and f.removed_at is null and f.resource_type in ${DOCUMENT_RESOURCE_TYPES}
      left join releases fr on fr.id = f.release_id and fr.published_at is not null
     where l.case_id = ${caseId}
     order by l.created_at, l.id`);
  return (
    result as unknown as {
      rows: { id: string; kind: CaseLinkKind; targetId: string; title: string; addedBy: string | null; createdAt: string | Date; addedByName: string | null; addedByStaffRole: string | null; productId: string | null }[];
    }
  ).rows;
}

/** Inserts a link; undefined when the case already links that content. */
export async function insertLink(db: Db, values: typeof caseLinks.$inferInsert): Promise<CaseLinkRow | undefined> {
  const [row] = await db.insert(caseLinks).values(values).onConflictDoNothing().returning();
  return row;
}

/** A link of the case, or undefined. */
export async function findLinkOfCase(db: Db, caseId: string, linkId: string) {
  const [row] = await db
    .select({ link: caseLinks, addedByName: users.name })
    .from(caseLinks)
    .leftJoin(users, eq(users.id, caseLinks.addedBy))
    .where(and(eq(caseLinks.caseId, caseId), eq(caseLinks.id, linkId)))
    .limit(1);
  return row;
}

/** Deletes a link. */
export async function deleteLink(db: Db, linkId: string): Promise<void> {
  await db.delete(caseLinks).where(eq(caseLinks.id, linkId));
}

/** Content that may be linked: its title and the product whose page shows it. */
export interface LinkTarget {
  kind: CaseLinkKind;
  targetId: string;
  title: string;
  productId: string;
}

const rowsOf = (result: unknown) => (result as { rows: LinkTarget[] }).rows;

/** A published release, titled "<product> <version>". */
export async function findReleaseTarget(db: Db, releaseId: string): Promise<LinkTarget | undefined> {
  const result = await db.execute(sql`
    select 'release' as kind, r.id as "targetId", p.name || ' ' || r.version as title, p.id as "productId"
      from releases r join products p on p.id = r.product_id
     where r.id = ${releaseId} and r.published_at is not null`);
  return rowsOf(result)[0];
}

/** A document: a bulletin of kind document, or a manual / release notes file of a published release ("<file> (<product> <version>)"). */
export async function findDocumentTarget(db: Db, id: string): Promise<LinkTarget | undefined> {
  const result = await db.execute(sql`
    select 'document' as kind, b.id as "targetId", b.title, b.product_id as "productId"
      from product_bulletins b where b.id = ${id} and b.kind = 'document'
    union all
    select 'document', f.id, f.file_name || ' (' || p.name || ' ' || r.version || ')', p.id
      from release_files f join releases r on r.id = f.release_id join products p on p.id = r.product_id
     where f.id = ${id} and f.removed_at is null and f.resource_type in ${DOCUMENT_RESOURCE_TYPES} and r.published_at is not null`);
  return rowsOf(result)[0];
}

/**
 * Releases or documents matching `q` (title, product name or version, any case), not yet linked to
 * the case; the products licensed to the case's site first, then the newest.
 */
export async function listLinkTargets(db: Db, options: { kind: 'release' | 'document'; caseId: string; siteId: string; q: string; limit: number }): Promise<LinkTarget[]> {
  const pattern = containsPattern(options.q);
  const candidates =
    options.kind === 'release'
      ? sql`
    select 'release', r.id, p.name || ' ' || r.version, p.id, r.released_on
      from releases r join products p on p.id = r.product_id
     where r.published_at is not null`
      : sql`
    select 'document', b.id, b.title, b.product_id, b.published_on
      from product_bulletins b where b.kind = 'document'
    union all
    select 'document', f.id, f.file_name || ' (' || p.name || ' ' || r.version || ')', p.id, r.released_on
      from release_files f join releases r on r.id = f.release_id join products p on p.id = r.product_id
     where f.removed_at is null and f.resource_type in ${DOCUMENT_RESOURCE_TYPES} and r.published_at is not null`;
  const result = await db.execute(sql`
    with c(kind, target_id, title, product_id, at) as (${candidates})
    select c.kind, c.target_id as "targetId", c.title, c.product_id as "productId"
      from c
     where c.title ilike ${pattern}
       and not exists (select 1 from case_links l where l.case_id = ${options.caseId} and l.kind = c.kind and l.target_id = c.target_id)
     order by exists (select 1 from entitlements e where e.site_id = ${options.siteId} and e.product_id = c.product_id) desc, c.at desc, c.title, c.target_id
     limit ${options.limit}`);
  return rowsOf(result);
}

/** The timestamp of a raw row as a Date (node-postgres gives Dates, PGlite may give strings). */
export const asDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));
