import { Alert, Button, FileButton, Group, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n, type Message } from '../../../lib/i18n';
import { tone } from '../../../components';
import type { HistoryEntry } from '../model/history-entry';
import { exportCsv, exportJson, IMPORT_MAX_BYTES, parseImport } from '../model/history-transfer';
import { downloadText, timestampForFileName } from './download';
import { historyStore } from './history-store-instance';

type Outcome =
  { kind: 'imported'; added: number; skipped: number } | { kind: 'refused'; reason: Message };

/** Export (JSON, CSV) and Import (JSON): loaded only when the history page is opened. */
export default function HistoryTransfer({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t, tm } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | undefined>();

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
            <Menu.Item
              onClick={() =>
                downloadText(
                  `kms-console-history-${timestampForFileName()}.json`,
                  'application/json',
                  exportJson(entries),
                )
              }
            >
              {t('history.exportJson')}
            </Menu.Item>
            <Menu.Item
              onClick={() =>
                downloadText(
                  `kms-console-history-${timestampForFileName()}.csv`,
                  'text/csv',
                  exportCsv(entries),
                )
              }
            >
              {t('history.exportCsv')}
            </Menu.Item>
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
      <div aria-live="polite">
        {outcome?.kind === 'imported' && (
          <Text size="sm" className={tone.success} mt="xs">
            {t('history.import.done', { added: outcome.added, skipped: outcome.skipped })}
          </Text>
        )}
      </div>
      {outcome?.kind === 'refused' && (
        <Alert
          role="alert"
          color="red"
          variant="light"
          title={t('history.import.refused')}
          withCloseButton
          closeButtonLabel={t('common.dismiss')}
          onClose={() => setOutcome(undefined)}
          mt="xs"
        >
          <Text size="sm">{tm(outcome.reason)}</Text>
          <Text size="sm" mt={4}>
            {t('history.import.unchanged')}
          </Text>
        </Alert>
      )}
    </>
  );
}
