import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  completeDictionary,
  dictionaryLoadCount,
  isDictionaryComplete,
  isDictionaryLoaded,
  loadDictionary,
  messageOf,
  subscribeToDictionaries,
} from './load-dictionary';
import type { MessageKey } from './dictionaries/en';
import { interpolate, type MessageParams } from './interpolate';
import { LOCALE_STORAGE_KEY, type Locale } from './locale';
import { decodeMessage, type Message } from './message';

export interface I18n {
  locale: Locale;
  /** Translates a key of the dictionary. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Whether the dictionary has this key (e.g. an explanation for an error code). */
  has: (key: string) => key is MessageKey;
  /** Translates a Message, or a string that may hold an encoded one (from zod / RHF). */
  tm: (message: Message | string | undefined) => string;
  setLocale: (locale: Locale) => Promise<void>;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage can be off (private mode, policy); the choice then lasts for this page only.
  }
}

export function I18nProvider({
  initialLocale,
  children,
}: {
  initialLocale: Locale;
  children: ReactNode;
}) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    if (!isDictionaryLoaded(initialLocale)) {
      throw new Error(`Load the ${initialLocale} dictionary before rendering.`);
    }
    return initialLocale;
  });
  // Re-render when the dictionary's second part arrives (see load-dictionary.ts).
  const loads = useSyncExternalStore(subscribeToDictionaries, dictionaryLoadCount);

  // Right after the first paint, fetch the rest of the language on screen.
  useEffect(() => {
    completeDictionary(locale).catch(() => {
      // Offline or a missed chunk: the lazy pages and error alerts ask again when they need it.
    });
  }, [locale]);

  const setLocale = useCallback(async (next: Locale) => {
    await Promise.all([loadDictionary(next), completeDictionary(next)]);
    document.documentElement.lang = next;
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    void loads;
    // A key whose part is not loaded yet shows as itself: visible in a test, never blank.
    const t = (key: MessageKey, params?: MessageParams) =>
      interpolate(messageOf(locale, key) ?? key, params);
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    const numbers = new Intl.NumberFormat(locale);
    return {
      locale,
      t,
      has: (key): key is MessageKey => messageOf(locale, key as MessageKey) !== undefined,
      tm: (message) => {
        if (message === undefined) return '';
        if (typeof message !== 'string') return t(message.key, message.params);
        const decoded = decodeMessage(message);
        return decoded ? t(decoded.key, decoded.params) : message;
      },
      setLocale,
      formatDateTime: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
      },
      formatNumber: (value) => numbers.format(value),
    };
  }, [locale, loads, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const context = use(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>.');
  return context;
}

/**
 * For a component of the first view that may show a message of the dictionary's second part
 * (an error explanation): suspends until that part is there, which is at most a moment after
 * the first paint.
 */
export function useCompleteMessages(): void {
  const { locale } = useI18n();
  if (!isDictionaryComplete(locale)) use(completeDictionary(locale));
}
