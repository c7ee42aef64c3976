import { isLanguage, type Language } from './language';

interface LanguageHints {
  /** The value of localStorage `atrium.lang`, if any. */
  stored: string | null;
  /** The browser's `navigator.languages`, most preferred first. */
  preferred: readonly string[];
}

/** Picks the language before the user is known: the saved choice, else Korean when the browser ranks any Korean before any English. */
export function detectLanguage({ stored, preferred }: LanguageHints): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('ko')) return 'ko';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
