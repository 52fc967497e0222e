import { useI18n } from '../../../lib/i18n';
import type { HistoryEntry } from '../model/history-entry';
import { RecordCard } from './RecordCard';

export interface HistoryEntryCardProps {
  entry: HistoryEntry;
  onDecrypt: (entry: HistoryEntry) => void;
  onReuse: (entry: HistoryEntry) => void;
  onDelete: (entry: HistoryEntry) => void;
}

/** One entry of this browser's own history. */
export function HistoryEntryCard({ entry, onDecrypt, onReuse, onDelete }: HistoryEntryCardProps) {
  const { t } = useI18n();
  return (
    <RecordCard
      view={{
        title: entry.label ?? entry.keyAlias ?? t('history.unlistedKey'),
        createdAt: entry.createdAt,
        keySpec: entry.keySpec,
        algorithm: entry.algorithm,
        keyId: entry.keyId,
        encryptionContext: entry.encryptionContext,
        ...(entry.cipherText !== undefined ? { cipherText: entry.cipherText } : {}),
        ...(entry.file ? { file: entry.file } : {}),
      }}
      onDecrypt={() => onDecrypt(entry)}
      onReuse={() => onReuse(entry)}
      onDelete={() => onDelete(entry)}
    />
  );
}
