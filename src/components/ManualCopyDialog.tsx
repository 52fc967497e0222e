import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useI18n } from '../lib/i18n';
import { selectText } from '../lib/clipboard';

/** Shown only when the clipboard refuses: the text, selected, for Ctrl+C. Loaded on demand. */
export default function ManualCopyDialog({ text, onClose }: { text: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('copy.manualTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <Stack>
        <Text size="sm">{t('copy.manualExplanation')}</Text>
        <Textarea
          label={t('copy.manualLabel')}
          value={text}
          readOnly
          autosize
          minRows={3}
          maxRows={14}
          ref={(element) => {
            if (element) selectText(element);
          }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
