import { ARTICLE_LANGUAGES, type ArticleLanguage } from '@common/knowledge';

/** The article language a URL's `lang` names; null for anything else. */
export function readArticleLanguage(value: string | null | undefined): ArticleLanguage | null {
  return (ARTICLE_LANGUAGES as readonly string[]).includes(value ?? '') ? (value as ArticleLanguage) : null;
}

/** The languages in the order the pages list them (Korean first, as the server sends them). */
export function sortLanguages(languages: readonly ArticleLanguage[]): ArticleLanguage[] {
  return ARTICLE_LANGUAGES.filter((language) => languages.includes(language));
}

/** The languages the article does not have yet, which "Add translation" offers. */
export function missingLanguages(languages: readonly ArticleLanguage[]): ArticleLanguage[] {
  return ARTICLE_LANGUAGES.filter((language) => !languages.includes(language));
}

/**
 * The language tab the editor opens on: the one asked for (the URL's `lang`) when the article has
 * it, else the person's UI language when it has it, else its first language; null without any.
 */
export function pickEditorLanguage(available: readonly ArticleLanguage[], wanted: string | null | undefined, uiLanguage: string | null | undefined): ArticleLanguage | null {
  const sorted = sortLanguages(available);
  const asked = readArticleLanguage(wanted);
  if (asked && sorted.includes(asked)) return asked;
  const ui = readArticleLanguage(uiLanguage);
  if (ui && sorted.includes(ui)) return ui;
  return sorted[0] ?? null;
}
