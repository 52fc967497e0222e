import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../lib/i18n';

/**
 * What a page shows while its code or the session check is on the way: the page's own h1 (so
 * the page has its heading from the first paint, and nothing jumps when the page arrives) and
 * a status that screen readers announce. The spinner itself is decoration.
 */
export function PageLoader({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Group role="status" aria-label={t('layout.loading')} gap="sm" py="xl" justify="center">
        <Loader size="sm" aria-hidden="true" />
        <Text c="dimmed">{t('layout.loading')}</Text>
      </Group>
    </Stack>
  );
}
