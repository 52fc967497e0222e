export { I18nProvider, useI18n, type I18n } from './components/I18nProvider';
export { LanguageSwitcher } from './components/LanguageSwitcher';
export type { Dictionary, MessageKey } from './model/dictionary-en';
export { loadDictionary } from './model/dictionaries';
export {
  initialLocale,
  isLocale,
  LOCALE_NAMES,
  LOCALE_STORAGE_KEY,
  LOCALES,
  localeFromBrowser,
  type Locale,
} from './model/locale';
export { decodeMessage, encodeMessage, type Message } from './model/message';
export { interpolate, placeholdersOf, type MessageParams } from './model/interpolate';
