import { en, type Dictionary } from './dictionary-en';
import type { Locale } from './locale';

const loaded: Partial<Record<Locale, Dictionary>> = { en };

/** The dictionary of a locale, fetching the Chinese chunk the first time it is needed. */
export async function loadDictionary(locale: Locale): Promise<Dictionary> {
  const cached = loaded[locale];
  if (cached) return cached;
  const { zhCN } = await import('./dictionary-zh-CN');
  loaded['zh-CN'] = zhCN;
  return zhCN;
}

/** Synchronous lookup for a dictionary already loaded (English always is). */
export function loadedDictionary(locale: Locale): Dictionary | undefined {
  return loaded[locale];
}
