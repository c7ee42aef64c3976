import { randomUUID } from 'node:crypto';
import type { CaseCategory, CaseLanguage, CaseStatus } from '../../common/cases';
import { casePosts, cases, caseSubscriptions } from '../db/schema/index';
import type { ServiceContext } from '../platform/context';
import { buildSite } from './factories';

/**
 * Builders for support cases (issue 6). Like `factories.ts`, each makes a valid record and creates
 * any missing parent; tests, the demo data and the bench use them. They write rows directly: a test
 * of a rule calls the API, a test that needs a case in some state builds it here.
 */

const unique = () => randomUUID().slice(0, 8);

export interface BuildCaseOverrides {
  organizationId?: string;
  siteId?: string;
  requesterId?: string | null;
  assigneeId?: string | null;
  status?: CaseStatus;
  category?: CaseCategory;
  subject?: string;
  description?: string;
  language?: CaseLanguage;
  legacyNumber?: string | null;
  productId?: string | null;
  releaseId?: string | null;
  productFamilyId?: string | null;
  createdAt?: Date;
  updatedAt?: Date;
  closedAt?: Date | null;
  resolution?: string | null;
}

/** A case on a site (a new organization and site unless given); the requester is subscribed. */
export async function buildCase(ctx: ServiceContext, overrides: BuildCaseOverrides = {}) {
  let { organizationId, siteId } = overrides;
  if (!siteId) {
    const site = await buildSite(ctx, organizationId ? { organizationId } : {});
    siteId = site.id;
    organizationId = site.organizationId;
  }
  if (!organizationId) throw new Error('buildCase: give organizationId with siteId');
  const status = overrides.status ?? 'new';
  const now = ctx.clock.now();
  const closed = status === 'closed' || status === 'abandoned';
  const [row] = await ctx.db
    .insert(cases)
    .values({
      organizationId,
      siteId,
      category: overrides.category ?? 'technical_support',
      subject: overrides.subject ?? `Case ${unique()}`,
      description: overrides.description ?? 'Something does not work.',
      language: overrides.language ?? 'en',
      status,
      requesterId: overrides.requesterId ?? null,
      assigneeId: overrides.assigneeId ?? null,
      legacyNumber: overrides.legacyNumber ?? null,
      productFamilyId: overrides.productFamilyId ?? null,
      productId: overrides.productId ?? null,
      releaseId: overrides.releaseId ?? null,
      resolution: overrides.resolution ?? null,
      createdAt: overrides.createdAt ?? now,
      updatedAt: overrides.updatedAt ?? overrides.createdAt ?? now,
      closedAt: overrides.closedAt !== undefined ? overrides.closedAt : closed ? now : null,
      resolvedAt: closed ? (overrides.closedAt ?? now) : null,
    })
    .returning();
  if (row!.requesterId) await ctx.db.insert(caseSubscriptions).values({ caseId: row!.id, userId: row!.requesterId, reason: 'requester' }).onConflictDoNothing();
  return row!;
}

/** A post in a case's feed. */
export async function buildPost(
  ctx: ServiceContext,
  overrides: { caseId: string; organizationId: string; authorId?: string | null; authorSide?: 'customer' | 'engineer'; internal?: boolean; body?: string; createdAt?: Date },
) {
  const [row] = await ctx.db
    .insert(casePosts)
    .values({
      caseId: overrides.caseId,
      organizationId: overrides.organizationId,
      authorId: overrides.authorId ?? null,
      authorSide: overrides.authorSide ?? 'customer',
      visibility: overrides.internal ? 'internal' : 'public',
      body: overrides.body ?? `Post ${unique()}`,
      createdAt: overrides.createdAt ?? ctx.clock.now(),
    })
    .returning();
  return row!;
}
