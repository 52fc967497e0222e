/** The languages the console speaks. English ships in the first bundle; Chinese is loaded on demand. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_STORAGE_KEY = 'kms-console.locale';

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first browser language the console supports; English when none matches. */
export function localeFromBrowser(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The remembered choice wins over the browser's preference. */
export function initialLocale(stored: string | null, languages: readonly string[]): Locale {
  return isLocale(stored) ? stored : localeFromBrowser(languages);
}
