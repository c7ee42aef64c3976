import { useTranslation } from 'react-i18next';

/** Picks the text of the UI language from `{ en, ko }` (the vendor writes both), falling back to the other. */
export function useLocalized(): (text: { en: string; ko: string }) => string {
  const { i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'ko';
  return (text) => text[language] || text[language === 'en' ? 'ko' : 'en'];
}
