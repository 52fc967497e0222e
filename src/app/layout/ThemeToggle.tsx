import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import { MoonIcon, SunIcon } from '../../components';

/** Light/dark switch; Mantine's colour-scheme manager remembers the choice. */
export function ThemeToggle() {
  const { t } = useI18n();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={next === 'dark' ? t('theme.toDark') : t('theme.toLight')}
      title={next === 'dark' ? t('theme.toDark') : t('theme.toLight')}
      onClick={() => setColorScheme(next)}
    >
      {computed === 'dark' ? <SunIcon size={18} /> : <MoonIcon size={18} />}
    </ActionIcon>
  );
}
