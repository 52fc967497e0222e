import { Button } from '@mantine/core';
import { LOCALE_NAMES, LOCALES } from '../model/locale';
import { GlobeIconSmall } from './GlobeIconSmall';
import { useI18n } from './I18nProvider';

/**
 * Two languages: one button offering the other one, labelled in that language so a reader
 * of either can find it. The provider remembers the choice.
 */
export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  const other = LOCALES.find((option) => option !== locale) ?? 'en';
  return (
    <Button
      variant="subtle"
      color="gray"
      size="compact-sm"
      leftSection={<GlobeIconSmall />}
      aria-label={t('language.switchTo', { language: LOCALE_NAMES[other] })}
      title={t('language.current', { language: LOCALE_NAMES[locale] })}
      onClick={() => void setLocale(other)}
    >
      <span lang={other}>{LOCALE_NAMES[other]}</span>
    </Button>
  );
}
