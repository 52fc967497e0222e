import { Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { WarningAlert } from '../../../components/WarningAlert';
import { useI18n } from '../../../lib/i18n';
import { sessionQueries } from '../api/get-session';

/**
 * The warning before the session ends, loaded only when it is due. It names the time rather
 * than counting down, so a screen reader announces it once. Asking for the session status
 * again is itself a use of the session: the server renews it, as any call would.
 */
export default function SessionExpiryWarning({ endsAt }: { endsAt: number }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const time = new Date(endsAt).toLocaleTimeString(locale);

  return (
    <WarningAlert title={t('session.endingTitle', { time })}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('session.endingDetail')}</Text>
        <Button
          size="sm"
          variant="default"
          onClick={() => void queryClient.refetchQueries({ queryKey: sessionQueries.status() })}
        >
          {t('session.stay')}
        </Button>
      </Group>
    </WarningAlert>
  );
}
