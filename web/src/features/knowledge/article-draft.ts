import type { ArticleLanguage } from '@common/knowledge';
import { hasControlCharacter, hasControlCharacterInWrittenText } from '@common/schemas/text';
import type { ArticleTranslation, UpdateArticleBody } from '@common/schemas/knowledge';

/** The words of one language, as the editor's fields hold them. */
export interface ArticleWords {
  title: string;
  summary: string;
  issue: string;
  environment: string;
  resolution: string;
}
export type ArticleField = keyof ArticleWords;

export const ARTICLE_FIELDS: readonly ArticleField[] = ['title', 'summary', 'issue', 'environment', 'resolution'];

/** The longest text each field takes (as `common/schemas/knowledge.ts` says). */
export const FIELD_LIMITS: Record<ArticleField, number> = { title: 200, summary: 1_000, issue: 50_000, environment: 10_000, resolution: 50_000 };

/**
 * What the person typed in one language and has not saved yet, with the article's `updatedAt` it
 * was typed over: a save sends it as `expectedUpdatedAt`, so a save by someone else meanwhile is
 * refused (409 `articles.changed`) instead of overwritten.
 */
export interface LanguageDraft {
  words: ArticleWords;
  baseUpdatedAt: string;
}
export type EditorDrafts = Partial<Record<ArticleLanguage, LanguageDraft>>;

export const wordsOf = (translation: ArticleTranslation): ArticleWords => ({
  title: translation.title,
  summary: translation.summary,
  issue: translation.issue,
  environment: translation.environment,
  resolution: translation.resolution,
});

/** The fields whose text differs from the saved translation. */
export function changedFields(words: ArticleWords, translation: ArticleTranslation): ArticleField[] {
  return ARTICLE_FIELDS.filter((field) => words[field] !== translation[field]);
}

/** What the editor shows for a language: the unsaved draft, else the saved words. */
export function shownWords(drafts: EditorDrafts, translation: ArticleTranslation): ArticleWords {
  return drafts[translation.language]?.words ?? wordsOf(translation);
}

/** True when the language has typed text that differs from what is saved. */
export function isDirty(drafts: EditorDrafts, translation: ArticleTranslation): boolean {
  const draft = drafts[translation.language];
  return draft !== undefined && changedFields(draft.words, translation).length > 0;
}

/**
 * One keystroke: the language's draft with `field` set to `value`. The first change of a language
 * starts its draft over the saved words and remembers the article's `updatedAt` of that moment.
 */
export function editDraft(drafts: EditorDrafts, translation: ArticleTranslation, articleUpdatedAt: string, field: ArticleField, value: string): EditorDrafts {
  const current = drafts[translation.language] ?? { words: wordsOf(translation), baseUpdatedAt: articleUpdatedAt };
  return { ...drafts, [translation.language]: { ...current, words: { ...current.words, [field]: value } } };
}

/** Forgets a language's draft (after it was saved, or when the person discards it). */
export function dropDraft(drafts: EditorDrafts, language: ArticleLanguage): EditorDrafts {
  const { [language]: _dropped, ...rest } = drafts;
  return rest;
}

/**
 * After a change of one's own (a save, publish, verify…) the article's `updatedAt` moves on; the
 * drafts of the other languages were typed over one's own change, so they now stand on the new one.
 */
export function rebaseDrafts(drafts: EditorDrafts, updatedAt: string): EditorDrafts {
  return Object.fromEntries(Object.entries(drafts).map(([language, draft]) => [language, { ...draft, baseUpdatedAt: updatedAt }])) as EditorDrafts;
}

/**
 * After a language was saved: its draft goes when it still holds what was sent (else the person
 * typed on while it saved, and the rest stays as a draft), and every draft stands on the saved version.
 */
export function settleSaved(drafts: EditorDrafts, language: ArticleLanguage, sent: ArticleWords, updatedAt: string): EditorDrafts {
  const draft = drafts[language];
  const unchanged = draft !== undefined && ARTICLE_FIELDS.every((field) => draft.words[field] === sent[field]);
  return rebaseDrafts(unchanged ? dropDraft(drafts, language) : drafts, updatedAt);
}

/** The PATCH body that saves a language's draft: only the changed fields, with the `updatedAt` it was typed over. */
export function toUpdateBody(draft: LanguageDraft, translation: ArticleTranslation): UpdateArticleBody {
  const body: UpdateArticleBody = { language: translation.language, expectedUpdatedAt: draft.baseUpdatedAt };
  for (const field of changedFields(draft.words, translation)) body[field] = draft.words[field];
  return body;
}

export type FieldProblem = 'required' | 'tooLong' | 'controlCharacters';


/** What the server would refuse in these words, per field, so the editor says it before saving. */
export function validateWords(words: ArticleWords): Partial<Record<ArticleField, FieldProblem>> {
  const problems: Partial<Record<ArticleField, FieldProblem>> = {};
  for (const field of ARTICLE_FIELDS) {
    const value = words[field];
    if (field === 'title' && value.trim() === '') problems[field] = 'required';
    else if (value.length > FIELD_LIMITS[field]) problems[field] = 'tooLong';
    // The title is one line: no line break, tab or bidirectional override either.
    else if (field === 'title' ? hasControlCharacter(value) : hasControlCharacterInWrittenText(value)) problems[field] = 'controlCharacters';
  }
  return problems;
}

/** `![name](url)` for an attachment, with the characters that would end the alt text or the link escaped. */
export function imageMarkdown(name: string, url: string): string {
  const alt = name.replace(/[\\[\]]/g, (ch) => `\\${ch}`).replace(/[\r\n]+/g, ' ');
  const href = url.replace(/[\s()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `![${alt}](${href})`;
}

/**
 * Puts `insertion` into `text` at the selection (replacing it), on a line of its own, and answers
 * the new text and where the cursor goes after it. Without a selection it goes at the end.
 */
export function insertBlock(text: string, insertion: string, selectionStart: number | null = null, selectionEnd: number | null = selectionStart): { text: string; cursor: number } {
  const start = selectionStart === null ? text.length : Math.max(0, Math.min(selectionStart, text.length));
  const end = selectionEnd === null ? start : Math.max(start, Math.min(selectionEnd, text.length));
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  const block = `${lead}${insertion}${trail}`;
  return { text: `${before}${block}${after}`, cursor: before.length + lead.length + insertion.length };
}
