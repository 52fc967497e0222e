import { Text } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';
import type { FilledFrom } from './use-cipher-text-prefill';

/**
 * Says where the key fields' values came from. A live region that is always there, so the
 * change is announced when a pasted ciphertext fills them in.
 */
export function PrefillNote({ filledFrom }: { filledFrom: FilledFrom | undefined }) {
  const { t, formatDateTime } = useI18n();
  let note = '';
  if (filledFrom?.source === 'history') {
    note = filledFrom.createdAt
      ? t('decrypt.filledFromHistoryAt', { time: formatDateTime(filledFrom.createdAt) })
      : t('decrypt.filledFromHistory');
  } else if (filledFrom?.source === 'cipherText') {
    note = t('decrypt.filledFromCipherText');
  } else if (filledFrom?.source === 'nothing') {
    note = t('decrypt.namesNoKey');
  }
  return (
    <Text role="status" size="sm">
      {note}
    </Text>
  );
}
