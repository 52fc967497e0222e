import { Button, FileButton, Group, Menu } from '@mantine/core';
import { useI18n, type Message } from '../../../lib/i18n';
import type { HistoryEntry } from '../model/history-entry';
import { exportCsv, exportJson, IMPORT_MAX_BYTES, parseImport } from '../model/history-transfer';
import { downloadText, timestampForFileName } from './download';
import { historyStore } from './history-store-instance';

export type TransferOutcome =
  { kind: 'imported'; added: number; skipped: number } | { kind: 'refused'; reason: Message };

export interface HistoryTransferProps {
  entries: readonly HistoryEntry[];
  /** The page shows the outcome in its own place, not squeezed into the toolbar. */
  onOutcome: (outcome: TransferOutcome) => void;
}

/** JSON to import back; CSV for reading in a spreadsheet. */
const EXPORTS = [
  { extension: 'json', type: 'application/json', write: exportJson, label: 'history.exportJson' },
  { extension: 'csv', type: 'text/csv', write: exportCsv, label: 'history.exportCsv' },
] as const;

/** Export (JSON, CSV) and Import (JSON): loaded only when the history page is opened. */
export default function HistoryTransfer({ entries, onOutcome: setOutcome }: HistoryTransferProps) {
  const { t } = useI18n();

  const onImport = async (file: File | null) => {
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      setOutcome({ kind: 'refused', reason: { key: 'history.import.tooLarge' } });
      return;
    }
    const result = parseImport(await file.text());
    if (!result.ok) {
      setOutcome({ kind: 'refused', reason: result.reason });
      return;
    }
    const { added } = historyStore.importEntries(result.entries);
    setOutcome({ kind: 'imported', added, skipped: result.entries.length - added });
  };

  return (
    <>
      <Group gap="xs">
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" disabled={entries.length === 0}>
              {t('history.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {EXPORTS.map(({ extension, type, write, label }) => (
              <Menu.Item
                key={extension}
                onClick={() =>
                  downloadText(
                    `kms-console-history-${timestampForFileName()}.${extension}`,
                    type,
                    write(entries),
                  )
                }
              >
                {t(label)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <FileButton onChange={(file) => void onImport(file)} accept="application/json,.json">
          {(props) => (
            <Button variant="default" {...props}>
              {t('history.import')}
            </Button>
          )}
        </FileButton>
      </Group>
    </>
  );
}
