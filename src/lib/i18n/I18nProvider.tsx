import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { loadDictionary, loadedDictionary } from './load-dictionary';
import type { Dictionary, MessageKey } from './dictionaries/en';
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
  const [state, setState] = useState<{ locale: Locale; dictionary: Dictionary }>(() => {
    const dictionary = loadedDictionary(initialLocale);
    if (!dictionary) throw new Error(`Load the ${initialLocale} dictionary before rendering.`);
    return { locale: initialLocale, dictionary };
  });

  const setLocale = useCallback(async (locale: Locale) => {
    const dictionary = await loadDictionary(locale);
    document.documentElement.lang = locale;
    rememberLocale(locale);
    setState({ locale, dictionary });
  }, []);

  const value = useMemo<I18n>(() => {
    const { locale, dictionary } = state;
    const t = (key: MessageKey, params?: MessageParams) => interpolate(dictionary[key], params);
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    const numbers = new Intl.NumberFormat(locale);
    return {
      locale,
      t,
      has: (key): key is MessageKey => Object.hasOwn(dictionary, key),
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
  }, [state, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const context = use(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>.');
  return context;
}
