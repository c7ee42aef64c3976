import { formatCaseNumber } from '../../../common/cases';
import { readerVerificationState, verificationState, type ArticleLanguage } from '../../../common/knowledge';
import type { Locale } from '../../../common/locale';
import type { PersonRef } from '../../../common/schemas/cases';
import type { Article, ArticleAttachment, ArticlePage } from '../../../common/schemas/knowledge';
import { readAll, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { ArticleListRow } from './article-list.repository';
import {
  findArticle,
  findSourceCase,
  listArticleAttachments,
  listPeopleNames,
  listProductTags,
  listTranslations,
  type ArticleAttachmentRow,
  type ArticleRow,
  type TranslationWithEditor,
} from './articles.repository';
import { byLanguageOrder, pickArticleLanguage } from './knowledge.policy';

/** Articles as the API shows them: the console's whole article, list items, attachments. */

type ItemList = ArticlePage['items'];

export const articleNotFound = () => new AppError('articles.not_found', 404);

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** A person as the article shows them: vendor staff are engineers, everybody else customers. */
export function personOf(id: string | null, people: ReadonlyMap<string, { name: string; staffRole: string | null }>): PersonRef | null {
  const person = id ? people.get(id) : undefined;
  return id && person ? { id, name: person.name, side: person.staffRole ? 'engineer' : 'customer' } : null;
}

/** The names of these people, by id. */
export async function peopleById(db: Db, ids: readonly (string | null)[]) {
  return new Map((await listPeopleNames(db, ids)).map((p) => [p.id, { name: p.name, staffRole: p.staffRole }]));
}

/** An attachment as the API shows it, downloaded from `base` (`…/articles/<id>`). */
export function presentAttachment(row: ArticleAttachmentRow, base: string): ArticleAttachment {
  return { id: row.id, name: row.fileName, contentType: row.contentType, size: row.size, createdAt: row.createdAt.toISOString(), url: `${base}/attachments/${row.id}` };
}

/** Where the console reads an article. */
export const consoleArticleBase = (articleId: string) => `/api/v1/console/articles/${articleId}`;

/** The verification block shared by the console and readers. */
export function presentVerification(row: Pick<ArticleRow, 'verifiedAt' | 'verificationExpiresAt' | 'verifiedBy'>, now: Date, people: ReadonlyMap<string, { name: string; staffRole: string | null }>) {
  return {
    state: verificationState(row.verifiedAt, row.verificationExpiresAt, now),
    verifiedAt: iso(row.verifiedAt),
    verifiedBy: personOf(row.verifiedBy, people),
    expiresAt: iso(row.verificationExpiresAt),
  };
}

/** The verification as readers see it: a lapsed one is no verification (Review due is the engineers'). */
export function readerVerification(verification: ReturnType<typeof presentVerification>): ReturnType<typeof presentVerification> {
  return readerVerificationState(verification.state) === verification.state ? verification : { state: 'unverified', verifiedAt: null, verifiedBy: null, expiresAt: null };
}

/** The console's article: every translation (drafts included), tags, attachments, the source case. */
export async function loadArticle(db: Db, articleId: string, now: Date): Promise<Article> {
  const row = await findArticle(db, articleId);
  if (!row) throw articleNotFound();
  const [translations, tags, attachments, source] = await readAll(db, [
    () => listTranslations(db, [articleId]),
    () => listProductTags(db, [articleId]),
    () => listArticleAttachments(db, articleId),
    () => (row.sourceCaseId ? findSourceCase(db, row.sourceCaseId) : Promise.resolve(undefined)),
  ]);
  const people = await peopleById(db, [row.createdBy, row.verifiedBy, ...translations.map((t) => t.translation.updatedBy)]);
  return {
    id: row.id,
    visibility: row.visibility,
    products: tags.map(({ id, name }) => ({ id, name })),
    verification: presentVerification(row, now, people),
    translations: byLanguageOrder(translations.map((t) => t.translation)).map((t) => ({
      id: t.id,
      language: t.language,
      title: t.title,
      summary: t.summary,
      issue: t.issue,
      environment: t.environment,
      resolution: t.resolution,
      status: t.status,
      publishedAt: iso(t.publishedAt),
      updatedAt: t.updatedAt.toISOString(),
      updatedBy: personOf(t.updatedBy, people),
    })),
    attachments: attachments.map((a) => presentAttachment(a, consoleArticleBase(row.id))),
    sourceCase: source ? { id: source.id, number: formatCaseNumber(source.number), organizationId: source.organizationId } : null,
    votes: { helpful: row.helpfulCount, notHelpful: row.notHelpfulCount },
    viewCount: row.viewCount,
    createdBy: personOf(row.createdBy, people),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * List items for a page of rows: the title and summary in the reader's language when the article
 * has it (among published translations only, for readers), and the languages the reader may see.
 */
export async function presentListItems(db: Db, rows: readonly ArticleListRow[], options: { publishedOnly: boolean; locale: Locale; now: Date }): Promise<ItemList> {
  const ids = rows.map((r) => r.id);
  const [translations, tags] = await readAll(db, [() => listTranslations(db, ids), () => listProductTags(db, ids)]);
  const byArticle = new Map<string, TranslationWithEditor['translation'][]>();
  for (const { translation } of translations) {
    if (options.publishedOnly && translation.status !== 'published') continue;
    byArticle.set(translation.articleId, [...(byArticle.get(translation.articleId) ?? []), translation]);
  }
  return rows.map((row) => {
    const shown = byLanguageOrder(byArticle.get(row.id) ?? []);
    const language: ArticleLanguage | null = pickArticleLanguage(shown.map((t) => t.language), undefined, options.locale);
    const main = shown.find((t) => t.language === language);
    return {
      id: row.id,
      title: main?.title ?? '',
      summary: main?.summary ?? '',
      languages: shown.map((t) => ({ language: t.language, status: t.status })),
      visibility: row.visibility,
      products: tags.filter((tag) => tag.articleId === row.id).map(({ id, name }) => ({ id, name })),
      verification: verificationState(row.verifiedAt, row.verificationExpiresAt, options.now),
      helpful: row.helpfulCount,
      notHelpful: row.notHelpfulCount,
      viewCount: row.viewCount,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
