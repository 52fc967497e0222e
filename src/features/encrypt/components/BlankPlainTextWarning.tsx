import { Button, Group } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { WarningAlert } from '../../../components/WarningAlert';
import { useI18n } from '../../../lib/i18n';

/** The confirm step before a whitespace-only plaintext is encrypted. */
export function BlankPlainTextWarning({
  onConfirm,
  onCancel,
}: {
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The question is the next thing to answer: keyboard focus goes to it.
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <WarningAlert title={t('encrypt.blankTitle')}>
      {t('encrypt.blankDetail')}
      <Group gap="sm" mt="sm">
        <Button ref={confirmRef} size="sm" onClick={onConfirm}>
          {t('encrypt.blankConfirm')}
        </Button>
        <Button size="sm" variant="default" onClick={onCancel}>
          {t('encrypt.blankCancel')}
        </Button>
      </Group>
    </WarningAlert>
  );
}
