import { Button } from '@mantine/core';
import { LOCALE_NAMES, LOCALES, useI18n } from '../lib/i18n';
import { GlobeIcon } from './icons';

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
      leftSection={<GlobeIcon />}
      aria-label={t('language.switchTo', { language: LOCALE_NAMES[other] })}
      title={t('language.current', { language: LOCALE_NAMES[locale] })}
      onClick={() => void setLocale(other)}
    >
      <span lang={other}>{LOCALE_NAMES[other]}</span>
    </Button>
  );
}
