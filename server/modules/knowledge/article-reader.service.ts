import { readerVerificationState, type ArticleLanguage } from '../../../common/knowledge';
import type { Locale } from '../../../common/locale';
import type { ArticlePage, ArticleView, PortalArticleListQuery } from '../../../common/schemas/knowledge';
import type { Actor } from '../../platform/actor';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { readAll, type Db } from '../../platform/db';
import { recordArticleAudit } from './article-audit';
import { openArticleAttachment, type OpenedArticleFile } from './article-attachments.service';
import { decodeArticleCursor, encodeArticleCursor } from './article-cursor';
import { listArticlePage } from './article-list.repository';
import { articleNotFound, peopleById, presentAttachment, presentListItems, presentVerification, readerVerification } from './article-present';
import {
  addToVoteCounts,
  deleteVote,
  findArticle,
  findVote,
  countArticleView,
  listArticleAttachments,
  listProductTags,
  listTranslations,
  lockArticle,
  pruneArticleViews,
  upsertVote,
  type ArticleRow,
  type TranslationRow,
} from './articles.repository';
import { byLanguageOrder, canReadArticle, pickArticleLanguage, visibilitiesFor } from './knowledge.policy';

/**
 * Reading the knowledge base: members of an organization in the portal (published articles for
 * customers or the public) and anyone on the public page (published public articles). A view counts
 * once per reader per day (UTC): reloading, or coming back to the article the same day, is not a
 * new read (`article_views`); votes are one per person, the counts kept in the article row under
 * its lock so they stay exact when people vote at once.
 */

/** Who reads: a member (the portal, with their vote) or anyone (the public page, no vote). */
export interface ArticleReaderContext {
  kind: 'customer' | 'anyone';
  userId: string | null;
  /** Where a reader who is not signed in reads from, to count their view once a day. */
  origin?: Pick<RequestOrigin, 'ip' | 'userAgent'>;
  locale: Locale;
  /** The API path of the article list this reader uses (attachments are downloaded below it). */
  base: string;
}

type VoteValue = 'up' | 'down';
export interface VoteCounts {
  helpful: number;
  notHelpful: number;
  mine: VoteValue | null;
}

const voteOf = (value: number | undefined): VoteValue | null => (value === 1 ? 'up' : value === -1 ? 'down' : null);

/** The article and its published translations when the reader may see it; 404 `articles.not_found` otherwise. */
async function findReadable(db: Db, kind: 'customer' | 'anyone', articleId: string, lock = false): Promise<{ row: ArticleRow; published: TranslationRow[] }> {
  const row = lock ? await lockArticle(db, articleId) : await findArticle(db, articleId);
  if (!row) throw articleNotFound();
  const published = byLanguageOrder((await listTranslations(db, [articleId])).map((t) => t.translation).filter((t) => t.status === 'published'));
  if (!canReadArticle(kind, { visibility: row.visibility, publishedLanguages: published.map((t) => t.language) })) throw articleNotFound();
  return { row, published };
}

const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * Who a view is counted for: the signed-in reader, or for anyone else a keyed hash of their
 * address and browser for that day (never the address itself; a new key every day).
 */
function viewerKey(ctx: ServiceContext, reader: ArticleReaderContext, day: string): string {
  if (reader.userId) return `user:${reader.userId}`;
  return `anon:${ctx.box.mac('article-view', `${day}\n${reader.origin?.ip ?? ''}\n${reader.origin?.userAgent ?? ''}`)}`;
}

/** How often the scheduler forgets old article readers. */
export const ARTICLE_VIEWERS_PRUNE_EVERY_MS = 3_600_000;

/** Forgets who read which article before yesterday (UTC); run by the scheduler. */
export function pruneArticleViewers(ctx: ServiceContext): Promise<number> {
  return pruneArticleViews(ctx.db, utcDay(new Date(ctx.clock.now().getTime() - 86_400_000)));
}

/**
 * The article in one published language (the one asked for, else the reader's, else the first),
 * counting the view (once per reader a day); internal, unpublished, or (on the public page) not public: 404.
 */
export async function readArticle(ctx: ServiceContext, reader: ArticleReaderContext, articleId: string, lang: ArticleLanguage | undefined): Promise<ArticleView> {
  const { row, published } = await findReadable(ctx.db, reader.kind, articleId);
  const language = pickArticleLanguage(published.map((t) => t.language), lang, reader.locale)!;
  const today = utcDay(ctx.clock.now());
  const translation = published.find((t) => t.language === language)!;
  const viewCount = (await countArticleView(ctx.db, articleId, viewerKey(ctx, reader, today), today)) ?? row.viewCount;
  const [tags, attachments, people, mine] = await readAll(ctx.db, [
    () => listProductTags(ctx.db, [articleId]),
    () => listArticleAttachments(ctx.db, articleId),
    () => peopleById(ctx.db, [row.verifiedBy]),
    () => (reader.kind === 'customer' && reader.userId ? findVote(ctx.db, articleId, reader.userId) : Promise.resolve(undefined)),
  ]);
  return {
    id: row.id,
    language,
    title: translation.title,
    summary: translation.summary,
    issue: translation.issue,
    environment: translation.environment,
    resolution: translation.resolution,
    visibility: row.visibility,
    products: tags.map(({ id, name }) => ({ id, name })),
    verification: readerVerification(presentVerification(row, ctx.clock.now(), people)),
    languages: published.map((t) => t.language),
    attachments: attachments.map((a) => presentAttachment(a, `${reader.base}/${row.id}`)),
    votes: { helpful: row.helpfulCount, notHelpful: row.notHelpfulCount, mine: voteOf(mine) },
    viewCount,
    updatedAt: translation.updatedAt.toISOString(),
    publishedAt: translation.publishedAt ? translation.publishedAt.toISOString() : null,
  };
}

/** The portal's list: published articles for customers or the public, titles in the reader's language. */
export async function listReaderArticles(ctx: ServiceContext, locale: Locale, query: PortalArticleListQuery): Promise<ArticlePage> {
  const now = ctx.clock.now();
  const after = query.cursor ? decodeArticleCursor(query.cursor) : undefined;
  const q = query.q?.normalize('NFC').trim();
  const { rows, total } = await listArticlePage(
    ctx.db,
    {
      visibilities: visibilitiesFor('customer'),
      publishedOnly: true,
      q,
      language: query.language,
      verification: query.verification === 'unverified' ? 'not_verified' : query.verification,
      productId: query.productId,
      now,
    },
    { after, limit: query.limit + 1 },
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items = (await presentListItems(ctx.db, page, { publishedOnly: true, locale, now })).map((item) => ({ ...item, verification: readerVerificationState(item.verification) }));
  return { items, nextCursor: rows.length > query.limit && last ? encodeArticleCursor(last.micros, last.id) : null, total };
}

/**
 * Records, changes (`value`) or withdraws (null) the member's vote on an article they may read,
 * adjusting the counts under the article's lock; the same vote again changes nothing.
 */
export async function setVote(ctx: ServiceContext, actor: Actor, organizationId: string, articleId: string, value: VoteValue | null, origin: RequestOrigin): Promise<VoteCounts> {
  return ctx.db.transaction(async (tx) => {
    const { row } = await findReadable(tx, 'customer', articleId, true);
    const previous = voteOf(await findVote(tx, articleId, actor.userId));
    if (previous === value) return { helpful: row.helpfulCount, notHelpful: row.notHelpfulCount, mine: value };
    const now = ctx.clock.now();
    const delta = (vote: VoteValue) => (value === vote ? 1 : 0) - (previous === vote ? 1 : 0);
    if (value) await upsertVote(tx, { articleId, userId: actor.userId, value: value === 'up' ? 1 : -1, at: now });
    else await deleteVote(tx, articleId, actor.userId);
    const counts = await addToVoteCounts(tx, articleId, delta('up'), delta('down'));
    await recordArticleAudit(tx, {
      articleId,
      action: value ? 'article.vote.cast' : 'article.vote.withdrawn',
      actor: { userId: actor.userId, label: actor.email },
      origin,
      at: now,
      organizationId,
      details: { from: previous, to: value },
    });
    return { ...counts, mine: value };
  });
}

/** A file of an article the reader may read; 404 when the article or the file is not there for them. */
export async function openReadableAttachment(ctx: ServiceContext, kind: 'customer' | 'anyone', articleId: string, attachmentId: string): Promise<OpenedArticleFile> {
  await findReadable(ctx.db, kind, articleId);
  return openArticleAttachment(ctx, articleId, attachmentId);
}
