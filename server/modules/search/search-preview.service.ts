import { asc, eq } from 'drizzle-orm';
import { caseStatusLabel, formatCaseNumber } from '../../../common/cases';
import { verificationState, type ArticleLanguage, type SearchKind } from '../../../common/knowledge';
import type { Locale } from '../../../common/locale';
import type { SearchPreview } from '../../../common/schemas/search';
import { articles, articleTranslations } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { OrganizationAccess } from '../organizations/organization-access';
import { consoleArticleBase, presentAttachment } from '../knowledge/article-present';
import { listArticleAttachments } from '../knowledge/articles.repository';
import { memberVisibility, staffVisibility } from './search.service';
import { isEntryVisible, type SearchVisibility } from './search.repository';
import {
  findBulletinForPreview,
  findCaseForPreview,
  findFileForPreview,
  findLicensedSite,
  findReleaseForPreview,
  listArticleProducts,
} from './search-sources.repository';

/**
 * The quick view of a search result: enough to read it without leaving the list. Whether the
 * reader may see it is decided by the index's rules (the same as the results), then the source is
 * read for its current words.
 */

const LABELS = {
  en: {
    product: 'Product', version: 'Version', type: 'Type', updated: 'Updated', released: 'Released', status: 'Status', number: 'Case number',
    legacy: 'Old number', site: 'Site', opened: 'Opened', languages: 'Languages', size: 'Size', published: 'Published', draft: 'Draft',
    issue: 'Issue', environment: 'Environment', resolution: 'Resolution', manual: 'Manual', release_notes: 'Release notes',
    notice: 'Notice', known_issue: 'Known issue', document: 'Document', yes: 'Yes', no: 'No', verified: 'Verified',
  },
  ko: {
    product: '제품', version: '버전', type: '종류', updated: '업데이트', released: '출시일', status: '상태', number: '케이스 번호',
    legacy: '이전 번호', site: '사이트', opened: '접수일', languages: '언어', size: '크기', published: '게시', draft: '초안',
    issue: '문제', environment: '환경', resolution: '해결 방법', manual: '매뉴얼', release_notes: '릴리스 노트',
    notice: '공지', known_issue: '알려진 문제', document: '문서', yes: '예', no: '아니요', verified: '검증일',
  },
} as const;
const LANGUAGE_NAMES: Record<Locale, Record<string, string>> = { en: { ko: 'Korean', en: 'English' }, ko: { ko: '한국어', en: '영어' } };

type Face = 'portal' | 'console';
type Meta = SearchPreview['meta'];

const isoOf = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
/**
 * A fact that is an instant, sent whole: the reader's day is not UTC's, so the web app shows it as
 * the day it falls on in the reader's time zone, as it shows the date at the top of the quick view.
 */
const instantMeta = (label: string, value: Date | string): Meta[number] => ({ label, value: isoOf(value), type: 'instant' });
/** A calendar day (`YYYY-MM-DD`) as the instant it begins, UTC. */
const dayStart = (day: string) => `${day}T00:00:00.000Z`;

function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

interface PreviewReader {
  face: Face;
  visibility: SearchVisibility;
  locale: Locale;
  /** The language of the result opened (an article's translation): shown when readable, else the reader's. */
  language: ArticleLanguage | undefined;
  /** The member's organization and the sites whose products they see (portal). */
  organizationId: string | null;
  productSiteIds: readonly string[] | null;
  /** Staff who write articles see drafts. */
  drafts: boolean;
}

async function productHref(ctx: ServiceContext, reader: PreviewReader, productId: string): Promise<string> {
  if (reader.face === 'console') return `/console/catalog/products/${productId}`;
  const siteId = await findLicensedSite(ctx.db, reader.organizationId!, productId, reader.productSiteIds);
  return siteId ? `/portal/products/${siteId}/${productId}` : '/portal/products';
}

async function previewArticle(ctx: ServiceContext, reader: PreviewReader, articleId: string): Promise<SearchPreview | undefined> {
  const [article] = await ctx.db.select().from(articles).where(eq(articles.id, articleId));
  // The index may lag the article by a moment: a withdrawn article is not shown meanwhile.
  if (!article || (reader.face === 'portal' && article.visibility === 'internal')) return undefined;
  const translations = await ctx.db.select().from(articleTranslations).where(eq(articleTranslations.articleId, articleId)).orderBy(asc(articleTranslations.language));
  const readable = translations.filter((t) => t.status === 'published' || (reader.face === 'console' && reader.drafts));
  const translation =
    readable.find((t) => t.language === reader.language) ?? readable.find((t) => t.language === reader.locale) ?? readable.find((t) => t.status === 'published') ?? readable[0];
  if (!translation) return undefined;
  const labels = LABELS[reader.locale];
  const sections = [
    translation.summary,
    ...(['issue', 'environment', 'resolution'] as const).filter((key) => translation[key].trim()).map((key) => `### ${labels[key]}\n\n${translation[key]}`),
  ].filter((part) => part.trim());
  const products = await listArticleProducts(ctx.db, articleId);
  const meta: Meta = [];
  if (products.length) meta.push({ label: labels.product, value: products.map((p) => p.name).join(', ') });
  meta.push({ label: labels.languages, value: readable.filter((t) => t.status === 'published' || reader.face === 'console').map((t) => LANGUAGE_NAMES[reader.locale][t.language]!).join(', ') });
  if (translation.status !== 'published') meta.push({ label: labels.status, value: labels.draft });
  meta.push(instantMeta(labels.updated, translation.updatedAt));
  const verified = verificationState(article.verifiedAt, article.verificationExpiresAt, ctx.clock.now()) === 'verified';
  // When it was verified, as the article's page shows beside its flag.
  if (verified && article.verifiedAt) meta.push(instantMeta(labels.verified, article.verifiedAt));
  return {
    kind: 'article',
    id: articleId,
    subtype: null,
    title: translation.title,
    language: translation.language,
    body: sections.join('\n\n'),
    meta,
    verified,
    visibility: article.visibility,
    date: translation.updatedAt.toISOString(),
    dated: 'updated',
    attachments: (await listArticleAttachments(ctx.db, articleId)).map((row) => {
      const { id, contentType, url } = presentAttachment(row, reader.face === 'portal' ? `/api/v1/organizations/${reader.organizationId}/articles/${articleId}` : consoleArticleBase(articleId));
      return { id, contentType, url };
    }),
    href: reader.face === 'portal' ? `/portal/knowledge/${articleId}?lang=${translation.language}` : `/console/knowledge/${articleId}`,
  };
}

async function previewDocument(ctx: ServiceContext, reader: PreviewReader, id: string): Promise<SearchPreview | undefined> {
  const labels = LABELS[reader.locale];
  const file = await findFileForPreview(ctx.db, id);
  if (file) {
    if (file.removedAt || (reader.face === 'portal' && !file.publishedAt)) return undefined;
    const subtype = file.resourceType as 'manual' | 'release_notes';
    return {
      kind: 'document',
      id,
      subtype,
      title: file.fileName,
      language: null,
      body: subtype === 'release_notes' ? file.notes : '',
      meta: [
        { label: labels.type, value: labels[subtype] },
        { label: labels.product, value: file.productName },
        { label: labels.version, value: file.version },
        { label: labels.released, value: file.releasedOn },
        { label: labels.size, value: formatSize(file.size) },
        ...(file.publishedAt ? [] : [{ label: labels.status, value: labels.draft }]),
      ],
      verified: false,
      visibility: null,
      date: dayStart(file.releasedOn),
      dated: 'released',
      attachments: [],
      href: await productHref(ctx, reader, file.productId),
    };
  }
  const bulletin = await findBulletinForPreview(ctx.db, id);
  if (!bulletin) return undefined;
  return {
    kind: 'document',
    id,
    subtype: bulletin.kind,
    title: bulletin.title,
    language: null,
    body: bulletin.body,
    meta: [
      { label: labels.type, value: labels[bulletin.kind] },
      { label: labels.product, value: bulletin.productName },
      ...(bulletin.releaseVersion ? [{ label: labels.version, value: bulletin.releaseVersion }] : []),
      { label: labels.published, value: bulletin.publishedOn },
    ],
    verified: false,
    visibility: null,
    date: dayStart(bulletin.publishedOn),
    dated: 'published',
    attachments: [],
    href: await productHref(ctx, reader, bulletin.productId),
  };
}

async function previewRelease(ctx: ServiceContext, reader: PreviewReader, id: string): Promise<SearchPreview | undefined> {
  const release = await findReleaseForPreview(ctx.db, id);
  if (!release || (reader.face === 'portal' && !release.publishedAt)) return undefined;
  const labels = LABELS[reader.locale];
  return {
    kind: 'release',
    id,
    subtype: null,
    title: `${release.productName} ${release.version}`,
    language: null,
    body: release.notes,
    meta: [
      { label: labels.product, value: release.productName },
      { label: labels.version, value: release.version },
      { label: labels.released, value: release.releasedOn },
      ...(release.publishedAt ? [] : [{ label: labels.status, value: labels.draft }]),
    ],
    verified: false,
    visibility: null,
    date: dayStart(release.releasedOn),
    dated: 'released',
    attachments: [],
    href: await productHref(ctx, reader, release.productId),
  };
}

async function previewCase(ctx: ServiceContext, reader: PreviewReader, id: string): Promise<SearchPreview | undefined> {
  const row = await findCaseForPreview(ctx.db, id);
  if (!row) return undefined;
  const labels = LABELS[reader.locale];
  const body = row.resolution?.trim() ? `${row.description}\n\n### ${labels.resolution}\n\n${row.resolution}` : row.description;
  return {
    kind: 'case',
    id,
    subtype: null,
    title: row.subject,
    language: row.language,
    body,
    meta: [
      { label: labels.number, value: formatCaseNumber(row.number) },
      ...(row.legacyNumber ? [{ label: labels.legacy, value: row.legacyNumber }] : []),
      { label: labels.status, value: caseStatusLabel(row.status, reader.locale) },
      { label: labels.site, value: row.siteName },
      ...(row.productName ? [{ label: labels.product, value: row.productName }] : []),
      instantMeta(labels.opened, row.createdAt),
    ],
    verified: false,
    visibility: null,
    date: isoOf(row.updatedAt),
    dated: 'updated',
    attachments: [],
    href: reader.face === 'portal' ? `/portal/cases/${id}` : `/console/cases/${row.organizationId}/${id}`,
  };
}

const PREVIEWS: Record<SearchKind, (ctx: ServiceContext, reader: PreviewReader, id: string) => Promise<SearchPreview | undefined>> = {
  article: previewArticle,
  document: previewDocument,
  release: previewRelease,
  case: previewCase,
};

async function preview(ctx: ServiceContext, reader: PreviewReader, kind: SearchKind, id: string): Promise<SearchPreview> {
  if (!(await isEntryVisible(ctx.db, reader.visibility, kind, id))) throw notFound('search.not_found');
  const found = await PREVIEWS[kind](ctx, reader, id);
  if (!found) throw notFound('search.not_found');
  return found;
}

/**
 * A result's quick view in the portal, in the result's language when given (an article found in
 * Korean previews in Korean whatever the reader's language); 404 `search.not_found` for anything
 * the member's search would not show.
 */
export function previewForMember(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, kind: SearchKind, id: string, locale: Locale, language?: ArticleLanguage): Promise<SearchPreview> {
  const visibility = memberVisibility(access);
  return preview(
    ctx,
    {
      face: 'portal',
      visibility,
      locale: actor.locale ?? locale,
      language,
      organizationId: access.organization.id,
      productSiteIds: visibility.face === 'portal' ? visibility.productSiteIds : null,
      drafts: false,
    },
    kind,
    id,
  );
}

/** A result's quick view in the console, in the result's language when given. */
export function previewForStaff(ctx: ServiceContext, actor: Actor, kind: SearchKind, id: string, locale: Locale, language?: ArticleLanguage): Promise<SearchPreview> {
  const visibility = staffVisibility(actor);
  return preview(
    ctx,
    { face: 'console', visibility, locale: actor.locale ?? locale, language, organizationId: null, productSiteIds: null, drafts: visibility.face === 'console' && visibility.drafts },
    kind,
    id,
  );
}
