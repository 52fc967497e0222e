import { useI18n } from '../../../lib/i18n';
import type { HistoryEntry } from '../model/history-entry';
import { entryView } from '../model/record-view';
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
      view={entryView(entry, t('history.unlistedKey'))}
      onDecrypt={() => onDecrypt(entry)}
      onReuse={() => onReuse(entry)}
      onDelete={() => onDelete(entry)}
    />
  );
}
