import { z } from 'zod';
import { queryText } from './query-text';
import { ARTICLE_LANGUAGES, ARTICLE_VISIBILITIES, DOCUMENT_SUBTYPES, SEARCH_KINDS } from '../knowledge';

/**
 * The one search box (issue 7): articles, documents, releases and cases, in the portal (what the
 * member may see in one organization) and in the console (what the staff member may see).
 */

export const SearchKind = z.enum(SEARCH_KINDS);
export const DocumentSubtype = z.enum(DOCUMENT_SUBTYPES);

/** A comma-separated list of kinds (`types=article,document`); absent means all. */
const KindList = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
    for (const kind of kinds) {
      if (!(SEARCH_KINDS as readonly string[]).includes(kind)) {
        ctx.addIssue({ code: 'custom', message: `unknown type ${kind.slice(0, 20)}` });
        return z.NEVER;
      }
    }
    return kinds as (typeof SEARCH_KINDS)[number][];
  });

export const SearchQuery = z.object({
  q: queryText().max(10_000).default('').describe('Any words; longer text is cut to its first 500 characters'),
  types: KindList.optional(),
  productId: z.uuid().optional(),
  language: z.enum(ARTICLE_LANGUAGES).optional().describe('Articles and cases in this language; documents and releases, which have none, stay'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(1_000).default(0),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResult = z.object({
  kind: SearchKind,
  id: z.uuid().describe('What the result opens: the article, document, release or case'),
  subtype: DocumentSubtype.nullable().describe('For documents'),
  title: z.string(),
  snippet: z.string().describe('Plain text around the first match'),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])).describe('[start, end) offsets of matched words in the snippet'),
  titleHighlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  products: z.array(z.object({ id: z.uuid(), name: z.string() })),
  language: z.enum(ARTICLE_LANGUAGES).nullable(),
  reference: z.string().nullable().describe('Case number or release version'),
  verified: z.boolean(),
  draft: z.boolean().describe('Only staff see drafts'),
  visibility: z.enum(ARTICLE_VISIBILITIES).nullable().describe('For articles: who may read it (staff only, customers or anyone); null for other kinds'),
  date: z.string().datetime().describe('Last updated'),
  href: z.string().describe('The page of the result in this face (portal or console)'),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResults = z.object({
  items: z.array(SearchResult),
  total: z.number().int().describe('Matches the member may see (with the filters)'),
  counts: z.object({ article: z.number().int(), document: z.number().int(), release: z.number().int(), case: z.number().int() }).describe('Matches by type, without the type filter'),
  capped: z.boolean().describe('More matched than are counted (1,000): the total and the counts are "at least"'),
  query: z.string().describe('The query as searched (trimmed, cut to 500 characters)'),
  corrected: z.array(z.object({ from: z.string(), to: z.string() })).describe('Latin words corrected for typos'),
});
export type SearchResults = z.infer<typeof SearchResults>;

/** A result's quick view: enough to read it without leaving the list. */
export const SearchPreview = z.object({
  kind: SearchKind,
  id: z.uuid(),
  subtype: DocumentSubtype.nullable(),
  title: z.string(),
  language: z.enum(ARTICLE_LANGUAGES).nullable(),
  body: z.string().describe('Markdown (articles, bulletins, release notes, case description) or plain text'),
  meta: z
    .array(
      z.object({
        label: z.string(),
        value: z.string(),
        type: z
          .enum(['text', 'instant'])
          .optional()
          .describe('`instant`: `value` is an ISO 8601 instant (when it was updated or opened), to show as the day it falls on in the reader’s time zone; otherwise text to show as it is'),
      }),
    )
    .describe('Product, version, status, date…, labels in the reader’s language'),
  verified: z.boolean(),
  visibility: z.enum(ARTICLE_VISIBILITIES).nullable().describe('For articles: who may read it (staff only, customers or anyone); null for other kinds'),
  date: z.string().datetime(),
  dated: z.enum(['updated', 'released', 'published']).describe('What `date` is: when the article or case was last updated, the release (or its file) came out, or the bulletin was published'),
  attachments: z
    .array(z.object({ id: z.uuid(), contentType: z.string(), url: z.string() }))
    .describe('An article’s own attachments at the reader’s address for them, so that its images show; empty for other kinds'),
  href: z.string(),
});
export type SearchPreview = z.infer<typeof SearchPreview>;

export const SearchPreviewParams = z.object({ kind: SearchKind, id: z.uuid() });
