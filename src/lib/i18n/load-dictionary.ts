import type { CoreMessages, MessageKey, RestMessages } from './dictionaries/en';
import type { Messages } from './dictionaries/types';
import type { Locale } from './locale';

interface Importers {
  core: () => Promise<Messages<CoreMessages>>;
  rest: () => Promise<Messages<RestMessages>>;
}

// Each language is two chunks: the first view's messages, awaited before the first paint, and
// the rest (other pages, error explanations), fetched right after it. A visitor downloads only
// the language the page shows, and the first load stays within its budget in either language.
const importers: Record<Locale, Importers> = {
  en: {
    core: async () => (await import('./dictionaries/en/core')).enCore,
    rest: async () => (await import('./dictionaries/en/rest')).enRest,
  },
  'zh-CN': {
    core: async () => (await import('./dictionaries/zh-CN/core')).zhCNCore,
    rest: async () => (await import('./dictionaries/zh-CN/rest')).zhCNRest,
  },
};

const cores: Partial<Record<Locale, Messages<CoreMessages>>> = {};
const rests: Partial<Record<Locale, Messages<RestMessages>>> = {};
const restRequests: Partial<Record<Locale, Promise<void>>> = {};
const listeners = new Set<() => void>();
let loadCount = 0;

/** The first view's messages of a locale, fetched the first time they are needed. */
export async function loadDictionary(locale: Locale): Promise<void> {
  cores[locale] ??= await importers[locale].core();
}

/**
 * All the messages of a locale. The promise is the same for every call until it settles (React's
 * `use` needs a stable one); a failed fetch is forgotten so that the next call retries it.
 */
export function completeDictionary(locale: Locale): Promise<void> {
  restRequests[locale] ??= importers[locale].rest().then(
    (rest) => {
      rests[locale] = rest;
      loadCount += 1;
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      delete restRequests[locale];
      throw error;
    },
  );
  return restRequests[locale];
}

export function isDictionaryComplete(locale: Locale): boolean {
  return rests[locale] !== undefined;
}

/** Completes every language whose first-view part is loaded (the one on screen, in practice). */
export function completeLoadedDictionaries(): Promise<void> {
  const loaded = Object.keys(cores) as Locale[];
  return Promise.all(loaded.map(completeDictionary)).then(() => undefined);
}

/** A message of a loaded part, or undefined while its part is still on its way. */
export function messageOf(locale: Locale, key: MessageKey): string | undefined {
  const core = cores[locale];
  if (core && Object.hasOwn(core, key)) return core[key as keyof CoreMessages];
  const rest = rests[locale];
  if (rest && Object.hasOwn(rest, key)) return rest[key as keyof RestMessages];
  return undefined;
}

export function isDictionaryLoaded(locale: Locale): boolean {
  return cores[locale] !== undefined;
}

/** For useSyncExternalStore: a change each time a rest part arrives. */
export function subscribeToDictionaries(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function dictionaryLoadCount(): number {
  return loadCount;
}
