import type { Dictionary } from './dictionaries/en';
import type { Locale } from './locale';

// Every language is its own chunk, English included, so a visitor downloads only the one the
// first view shows: that keeps the first load within its budget in either language.
const importers: Record<Locale, () => Promise<Dictionary>> = {
  en: async () => (await import('./dictionaries/en')).en,
  'zh-CN': async () => (await import('./dictionaries/zh-CN')).zhCN,
};

const loaded: Partial<Record<Locale, Dictionary>> = {};

/** The dictionary of a locale, fetching its chunk the first time it is needed. */
export async function loadDictionary(locale: Locale): Promise<Dictionary> {
  const dictionary = loaded[locale] ?? (await importers[locale]());
  loaded[locale] = dictionary;
  return dictionary;
}

/** Synchronous lookup for a dictionary already loaded. */
export function loadedDictionary(locale: Locale): Dictionary | undefined {
  return loaded[locale];
}
