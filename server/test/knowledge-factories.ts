import { randomUUID } from 'node:crypto';
import type { ArticleLanguage, ArticleStatus, ArticleVisibility } from '../../common/knowledge';
import { articleProducts, articles, articleSuggestionOpens, articleTranslations } from '../db/schema/index';
import type { ServiceContext } from '../platform/context';

/**
 * Builders for the knowledge base (issue 7). Like `factories.ts`, each makes a valid record; they
 * write rows directly (no audit, no search job): a test of a rule calls the API, a test that needs
 * an article in some state builds it here. Tests, the demo data and the benches use them; call
 * `indexSearchTarget(ctx, { kind: 'article', id })` (or queue it) to make a built article findable.
 */

const unique = () => randomUUID().slice(0, 8);
const DAY_MS = 86_400_000;

export interface BuildTranslation {
  language: ArticleLanguage;
  title?: string;
  summary?: string;
  issue?: string;
  environment?: string;
  resolution?: string;
  /** Published unless given. */
  status?: ArticleStatus;
  updatedAt?: Date;
}

export interface BuildArticleOverrides {
  /** One English published translation unless given. */
  translations?: BuildTranslation[];
  /** `customers` unless given. */
  visibility?: ArticleVisibility;
  productIds?: string[];
  /**
   * true: verified now (expiring after `articleVerificationDays`); a Date: verified then, so an old
   * date gives an article whose verification asks for review; false/absent: never verified.
   */
  verified?: boolean | Date;
  sourceCaseId?: string | null;
  createdBy?: string | null;
  createdAt?: Date;
  /** The article's own updatedAt; the newest translation's by default. */
  updatedAt?: Date;
  viewCount?: number;
  helpfulCount?: number;
  notHelpfulCount?: number;
}

export type BuiltArticle = typeof articles.$inferSelect & { translations: (typeof articleTranslations.$inferSelect)[] };

/** An article with its translations and product tags. */
export async function buildArticle(ctx: ServiceContext, overrides: BuildArticleOverrides = {}): Promise<BuiltArticle> {
  const now = ctx.clock.now();
  const id = unique();
  const translations = overrides.translations ?? [{ language: 'en' as const }];
  const verifiedAt = overrides.verified === true ? now : overrides.verified instanceof Date ? overrides.verified : null;
  const days = ctx.config.articleVerificationDays;
  const verificationExpiresAt = verifiedAt && days > 0 ? new Date(verifiedAt.getTime() + days * DAY_MS) : null;
  const newest = translations.reduce((latest, t) => Math.max(latest, (t.updatedAt ?? now).getTime()), 0);
  const [article] = await ctx.db
    .insert(articles)
    .values({
      visibility: overrides.visibility ?? 'customers',
      sourceCaseId: overrides.sourceCaseId ?? null,
      verifiedAt,
      verificationExpiresAt,
      verifiedBy: null,
      createdBy: overrides.createdBy ?? null,
      viewCount: overrides.viewCount ?? 0,
      helpfulCount: overrides.helpfulCount ?? 0,
      notHelpfulCount: overrides.notHelpfulCount ?? 0,
      createdAt: overrides.createdAt ?? now,
      updatedAt: overrides.updatedAt ?? new Date(newest || now.getTime()),
    })
    .returning();
  const rows = translations.length
    ? await ctx.db
        .insert(articleTranslations)
        .values(
          translations.map((t) => {
            const status = t.status ?? 'published';
            const updatedAt = t.updatedAt ?? now;
            return {
              articleId: article!.id,
              language: t.language,
              title: t.title ?? (t.language === 'ko' ? `기술 자료 ${id}` : `Article ${id}`),
              summary: t.summary ?? '',
              issue: t.issue ?? '',
              environment: t.environment ?? '',
              resolution: t.resolution ?? '',
              status,
              publishedAt: status === 'published' ? updatedAt : null,
              createdAt: overrides.createdAt ?? updatedAt,
              updatedAt,
            };
          }),
        )
        .returning()
    : [];
  const productIds = [...new Set(overrides.productIds ?? [])];
  if (productIds.length) await ctx.db.insert(articleProducts).values(productIds.map((productId) => ({ articleId: article!.id, productId })));
  return { ...article!, translations: rows };
}

/** A suggested article opened from a case wizard (stamped with a case when `caseId` is given). */
export async function buildSuggestionOpen(
  ctx: ServiceContext,
  overrides: { articleId: string; organizationId: string; wizardId?: string; userId?: string | null; caseId?: string | null; openedAt?: Date },
) {
  const [row] = await ctx.db
    .insert(articleSuggestionOpens)
    .values({
      wizardId: overrides.wizardId ?? randomUUID(),
      articleId: overrides.articleId,
      organizationId: overrides.organizationId,
      userId: overrides.userId ?? null,
      caseId: overrides.caseId ?? null,
      openedAt: overrides.openedAt ?? ctx.clock.now(),
    })
    .returning();
  return row!;
}
