export { I18nProvider, useCompleteMessages, useI18n, type I18n } from './I18nProvider';
export { lazyWithMessages } from './lazy-with-messages';
export type { Dictionary, MessageKey } from './dictionaries/en';
export { completeLoadedDictionaries, loadDictionary } from './load-dictionary';
export {
  initialLocale,
  isLocale,
  LOCALE_NAMES,
  LOCALE_STORAGE_KEY,
  LOCALES,
  localeFromBrowser,
  type Locale,
} from './locale';
export { decodeMessage, encodeMessage, type Message } from './message';
export { interpolate, placeholdersOf, type MessageParams } from './interpolate';
