import i18n from 'i18next';
import type { Language } from './language';

export const languageStorageKey = 'atrium.lang';

/** Switches the UI language and remembers it in this browser. */
export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Storage can be unavailable (private mode); the switch still applies for this visit.
  }
  if (i18n.language !== language) void i18n.changeLanguage(language);
}
