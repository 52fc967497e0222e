import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { dangerButtonProps, TrashIcon } from '../../../components';
import { historyStore } from './history-store-instance';

/** Clearing cannot be undone and the ciphertexts may exist nowhere else: ask first. */
export function ClearHistoryButton({ count }: { count: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="outline"
        {...dangerButtonProps}
        leftSection={<TrashIcon />}
        onClick={() => setOpen(true)}
        disabled={count === 0}
      >
        {t('history.clear')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('history.clearTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Stack>
          <Text size="sm">{t('history.clearExplanation', { count })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              onClick={() => {
                historyStore.clear();
                setOpen(false);
              }}
            >
              {t('history.clearConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
