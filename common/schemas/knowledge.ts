import { z } from 'zod';
import { queryText } from './query-text';
import { ARTICLE_LANGUAGES, ARTICLE_STATUSES, ARTICLE_VISIBILITIES } from '../knowledge';
import { PersonRef, WrittenLine, WrittenText } from './cases';

/**
 * The API of the knowledge base (issue 7): articles written in the console by engineers, read in
 * the portal by customers (and, when public, by anyone), with translations, verification, votes,
 * views, attachments and "publish this case's resolution as an article".
 */

export const ArticleVisibility = z.enum(ARTICLE_VISIBILITIES);
export const ArticleStatus = z.enum(ARTICLE_STATUSES);
export const ArticleLanguage = z.enum(ARTICLE_LANGUAGES);
export const VerificationState = z.enum(['unverified', 'verified', 'review_due']);

/** One line, as a case subject: it heads lists, search results and tabs (no line break, tab or bidirectional override). */
const Title = WrittenLine(200);

/** The words of one language. */
export const ArticleContent = z.object({
  title: Title,
  summary: WrittenText(1_000).default(''),
  issue: WrittenText(50_000).default('').describe('Markdown: the problem as the customer sees it'),
  environment: WrittenText(10_000).default('').describe('Markdown: products and versions'),
  resolution: WrittenText(50_000).default('').describe('Markdown: what solves it'),
});

export const CreateArticleBody = ArticleContent.extend({
  language: ArticleLanguage,
  visibility: ArticleVisibility.default('internal'),
  productIds: z.array(z.uuid()).max(50).default([]),
});
export type CreateArticleBody = z.infer<typeof CreateArticleBody>;

/** Changes to an article: the words of one language (by `language`) and/or what all languages share. */
export const UpdateArticleBody = z
  .object({
    language: ArticleLanguage.describe('Which translation the word fields change'),
    title: Title.optional(),
    summary: WrittenText(1_000).optional(),
    issue: WrittenText(50_000).optional(),
    environment: WrittenText(10_000).optional(),
    resolution: WrittenText(50_000).optional(),
    visibility: ArticleVisibility.optional(),
    productIds: z.array(z.uuid()).max(50).optional(),
    expectedUpdatedAt: z.string().datetime().optional().describe('The updatedAt the editor loaded; 409 articles.changed when someone saved since'),
  })
  .strict();
export type UpdateArticleBody = z.infer<typeof UpdateArticleBody>;

export const AddTranslationBody = ArticleContent.extend({ language: ArticleLanguage });
export type AddTranslationBody = z.infer<typeof AddTranslationBody>;

export const PublishBody = z.object({ language: ArticleLanguage.describe('Which translation to publish or unpublish') });

export const ArticleTranslation = z.object({
  id: z.uuid(),
  language: ArticleLanguage,
  title: z.string(),
  summary: z.string(),
  issue: z.string(),
  environment: z.string(),
  resolution: z.string(),
  status: ArticleStatus,
  publishedAt: z.string().datetime().nullable(),
  updatedAt: z.string().datetime(),
  updatedBy: PersonRef.nullable(),
});
export type ArticleTranslation = z.infer<typeof ArticleTranslation>;

export const ArticleAttachment = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string().datetime(),
  url: z.string().describe('GET this to download; images are served inline'),
});
export type ArticleAttachment = z.infer<typeof ArticleAttachment>;

export const Verification = z.object({
  state: VerificationState,
  verifiedAt: z.string().datetime().nullable(),
  verifiedBy: PersonRef.nullable(),
  expiresAt: z.string().datetime().nullable().describe('When it asks for review again'),
});

export const ProductTag = z.object({ id: z.uuid(), name: z.string() });

/** An article as the console edits it: every translation, drafts included. */
export const Article = z.object({
  id: z.uuid(),
  visibility: ArticleVisibility,
  products: z.array(ProductTag),
  verification: Verification,
  translations: z.array(ArticleTranslation).describe('Korean first, then English'),
  attachments: z.array(ArticleAttachment),
  sourceCase: z.object({ id: z.uuid(), number: z.string(), organizationId: z.uuid() }).nullable(),
  votes: z.object({ helpful: z.number().int(), notHelpful: z.number().int() }),
  viewCount: z.number().int(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime().describe('The newest change to the article or any translation'),
});
export type Article = z.infer<typeof Article>;

export const ArticleListQuery = z.object({
  q: queryText().max(200).optional().describe('Words of the title'),
  status: ArticleStatus.optional().describe('An article is published when any translation is'),
  visibility: ArticleVisibility.optional(),
  language: ArticleLanguage.optional().describe('Articles that have this translation'),
  verification: VerificationState.optional(),
  productId: z.uuid().optional(),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuery>;

export const ArticleListItem = z.object({
  id: z.uuid(),
  title: z.string().describe('In the reader’s language when it exists'),
  summary: z.string().optional().describe('The summary of the same translation as the title'),
  languages: z.array(z.object({ language: ArticleLanguage, status: ArticleStatus })),
  visibility: ArticleVisibility,
  products: z.array(ProductTag),
  verification: VerificationState,
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  viewCount: z.number().int(),
  updatedAt: z.string().datetime(),
});
export const ArticlePage = z.object({ items: z.array(ArticleListItem).describe('Newest change first'), nextCursor: z.string().nullable(), total: z.number().int() });
export type ArticlePage = z.infer<typeof ArticlePage>;

/** An article as a reader sees it: one published language, the others it exists in, and the reader's vote. */
export const ArticleView = z.object({
  id: z.uuid(),
  language: ArticleLanguage,
  title: z.string(),
  summary: z.string(),
  issue: z.string(),
  environment: z.string(),
  resolution: z.string(),
  visibility: ArticleVisibility,
  products: z.array(ProductTag),
  verification: Verification,
  languages: z.array(ArticleLanguage).describe('The published languages, to switch between'),
  attachments: z.array(ArticleAttachment),
  votes: z.object({ helpful: z.number().int(), notHelpful: z.number().int(), mine: z.enum(['up', 'down']).nullable() }),
  viewCount: z.number().int(),
  updatedAt: z.string().datetime().describe('When this language was last updated'),
  publishedAt: z.string().datetime().nullable(),
});
export type ArticleView = z.infer<typeof ArticleView>;

export const ArticleViewQuery = z.object({ lang: ArticleLanguage.optional().describe("Which language; the reader's own, else the first published") });

export const VoteBody = z.object({ value: z.enum(['up', 'down']) });
export const VoteResult = z.object({ helpful: z.number().int(), notHelpful: z.number().int(), mine: z.enum(['up', 'down']).nullable() });

/** What "publish as article" on a closed case creates: a draft linked back to the case. */
export const ArticleFromCase = z.object({ id: z.uuid(), created: z.boolean().describe('false when the case already had its article') });

/** The portal's list: status and visibility are implied (published, for customers or public). */
export const PortalArticleListQuery = ArticleListQuery.omit({ status: true, visibility: true }).extend({
  verification: z.enum(['verified', 'unverified']).optional().describe('Verified now, or not (a lapsed verification is not)'),
});
export type PortalArticleListQuery = z.infer<typeof PortalArticleListQuery>;

/** An attachment upload: the raw bytes as the body, the file name here. */
export const UploadArticleAttachmentQuery = z.object({ name: z.string().min(1).max(255).describe('The file name, as chosen') });

export const SuggestionOpenedBody = z.object({ wizardId: z.uuid(), articleId: z.uuid() });
