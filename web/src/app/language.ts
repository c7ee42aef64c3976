/** The languages the UI is written in; Korean is the primary one. */
export const languages = ['ko', 'en'] as const;

export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return value === 'ko' || value === 'en';
}
