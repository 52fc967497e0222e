import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { KmsErrorAlert } from '../../../components';
import {
  HISTORY_IMPORT_MAX_ENTRIES,
  type LocalHistoryEntry,
} from '../../../shared/console/history';
import { importEntries } from '../api/team-history';
import type { HistoryEntry } from '../model/history-entry';
import { useHistory } from './history-store-instance';

/** Set once the operator imported or declined: the offer is made once per browser. */
export const IMPORT_OFFERED_KEY = 'kms-console.history.import-offered';

function offered(): boolean {
  try {
    return localStorage.getItem(IMPORT_OFFERED_KEY) !== null;
  } catch {
    return true;
  }
}

function markOffered(): void {
  try {
    localStorage.setItem(IMPORT_OFFERED_KEY, new Date().toISOString());
  } catch {
    // Without storage the offer comes back next visit; importing twice skips duplicates.
  }
}

/** What the import API takes of the local history: its text encryptions, without labels. */
function importable(entries: readonly HistoryEntry[]): LocalHistoryEntry[] {
  return entries.flatMap(({ label: _label, ...entry }) =>
    entry.cipherText === undefined ? [] : [entry],
  );
}

/** The entries this browser kept before the team history existed, offered for import once. */
export function ImportOffer({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const { entries } = useHistory();
  const [open, setOpen] = useState(() => !offered());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const [done, setDone] = useState<{ imported: number; skipped: number } | undefined>();
  const candidates = importable(entries);

  if (done) {
    return (
      <Text size="sm" role="status">
        {t('history.team.imported', done)}
      </Text>
    );
  }
  if (!open || candidates.length === 0) return null;

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const total = { imported: 0, skipped: 0 };
      for (let start = 0; start < candidates.length; start += HISTORY_IMPORT_MAX_ENTRIES) {
        const answer = await importEntries(
          candidates.slice(start, start + HISTORY_IMPORT_MAX_ENTRIES),
        );
        total.imported += answer.imported;
        total.skipped += answer.skipped;
      }
      markOffered();
      setDone(total);
      onImported();
    } catch (cause) {
      setError(cause instanceof Error ? cause : new Error(String(cause)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert color="blue" variant="light" title={t('history.team.importTitle')}>
      <Stack gap="xs">
        <Text size="sm">
          {candidates.length === 1
            ? t('history.team.importOfferOne')
            : t('history.team.importOffer', { count: candidates.length })}
        </Text>
        {error && <KmsErrorAlert title={t('history.import.refused')} error={error} />}
        <Group gap="xs">
          <Button size="xs" onClick={() => void run()} loading={busy}>
            {t('history.team.importAction')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              markOffered();
              setOpen(false);
            }}
          >
            {t('history.team.importDecline')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
