import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en/translation.json';
import ko from '../locales/ko/translation.json';
import { detectLanguage } from './detect-language';
import { languageStorageKey } from './set-language';

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(languageStorageKey);
  } catch {
    return null;
  }
}

const initialLanguage = detectLanguage({
  stored: readStoredLanguage(),
  preferred: navigator.languages?.length ? navigator.languages : [navigator.language],
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: initialLanguage,
  fallbackLng: 'ko',
  supportedLngs: ['ko', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

document.documentElement.lang = initialLanguage;

export { i18n };
