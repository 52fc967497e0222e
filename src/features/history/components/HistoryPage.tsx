import { Alert, Button, Group, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { AlertIcon, PageHeader, tone } from '../../../components';
import type { HistoryEntry } from '../model/history-entry';
import { HISTORY_CAP, type HistoryWarning } from '../model/history-store';
import { PAGE_SIZE, pageOf, searchHistory } from '../model/history-search';
import { ClearHistoryButton } from './ClearHistoryButton';
import { HistoryEntryCard } from './HistoryEntryCard';
import { NoRecords, RecordList } from './RecordList';
import type { TransferOutcome } from './HistoryTransfer';
import { historyStore, useHistory, useHistoryNotice } from './history-store-instance';
import { useTransient } from './use-transient';

const HistoryTransfer = lazy(() => import('./HistoryTransfer'));
const TeamHistory = lazy(() => import('./TeamHistory'));

export interface HistoryPageProps {
  onDecrypt: (entry: HistoryEntry) => void;
  onReuse: (entry: HistoryEntry) => void;
  /** The console keeps a team history (GET /api/config): show the shared records. */
  teamHistory?: boolean;
}

const WARNING_KEYS: Record<HistoryWarning['kind'], MessageKey> = {
  unreadable: 'history.warning.unreadable',
  newerVersion: 'history.warning.newerVersion',
  skippedEntries: 'history.warning.skippedEntries',
  unavailable: 'history.warning.unavailable',
};

function warningParams(warning: HistoryWarning): Record<string, string | number> {
  if (warning.kind === 'skippedEntries') return { count: warning.count };
  if (warning.kind === 'newerVersion') return { version: warning.version };
  return {};
}

type Status =
  { kind: 'deleted'; entry: HistoryEntry } | { kind: 'imported'; added: number; skipped: number };

export default function HistoryPage({ onDecrypt, onReuse, teamHistory }: HistoryPageProps) {
  const { t, formatNumber } = useI18n();
  const titleId = useId();
  return (
    <Stack gap="lg" component="section" aria-labelledby={titleId}>
      <PageHeader
        title={t('history.title')}
        intro={
          teamHistory
            ? t('history.team.intro')
            : t('history.intro', { cap: formatNumber(HISTORY_CAP) })
        }
        titleId={titleId}
      />
      {teamHistory ? (
        <Suspense fallback={<Text role="status">{t('layout.loading')}</Text>}>
          <TeamHistory onDecrypt={onDecrypt} onReuse={onReuse} />
        </Suspense>
      ) : (
        <BrowserHistory onDecrypt={onDecrypt} onReuse={onReuse} />
      )}
    </Stack>
  );
}

/** The history this browser keeps by itself (CONSOLE_HISTORY=off, or no store). */
function BrowserHistory({ onDecrypt, onReuse }: HistoryPageProps) {
  const { t, tm, formatNumber } = useI18n();
  const { entries, warnings } = useHistory();
  const notice = useHistoryNotice();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [refusal, setRefusal] = useState<TransferOutcome & { kind: 'refused' }>();
  const status = useTransient<Status>();

  const matching = useMemo(() => searchHistory(entries, query), [entries, query]);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const currentPage = Math.min(page, pages);
  const shown = pageOf(matching, currentPage);
  const current = status.current;

  const onTransfer = (outcome: TransferOutcome) => {
    if (outcome.kind === 'refused') {
      setRefusal(outcome);
      return;
    }
    setRefusal(undefined);
    status.show(outcome);
  };

  return (
    <>
      {warnings.map((warning) => (
        <Alert
          key={warning.kind}
          role="alert"
          color="yellow"
          variant="light"
          icon={<AlertIcon />}
          title={t('history.warning.title')}
        >
          {t(WARNING_KEYS[warning.kind], warningParams(warning))}
        </Alert>
      ))}
      {notice && (
        <Alert
          color="blue"
          variant="light"
          title={t('history.trimmedTitle')}
          withCloseButton
          closeButtonLabel={t('common.dismiss')}
          onClose={() => historyStore.dismissNotice()}
        >
          {t('history.trimmed', { count: notice.count, cap: formatNumber(HISTORY_CAP) })}
        </Alert>
      )}

      <Group justify="space-between" align="flex-end" gap="sm">
        <TextInput
          label={t('history.search')}
          placeholder={t('history.searchPlaceholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setPage(1);
          }}
          type="search"
          style={{ flex: '1 1 16rem' }}
        />
        <Group gap="xs" align="flex-start">
          <Suspense
            fallback={
              <Group gap="xs">
                <Button variant="default" disabled>
                  {t('history.export')}
                </Button>
                <Button variant="default" disabled>
                  {t('history.import')}
                </Button>
              </Group>
            }
          >
            <HistoryTransfer entries={entries} onOutcome={onTransfer} />
          </Suspense>
          <ClearHistoryButton count={entries.length} />
        </Group>
      </Group>

      {refusal && (
        <Alert
          role="alert"
          color="red"
          variant="light"
          title={t('history.import.refused')}
          withCloseButton
          closeButtonLabel={t('common.dismiss')}
          onClose={() => setRefusal(undefined)}
        >
          <Text size="sm">{tm(refusal.reason)}</Text>
          <Text size="sm" mt={4}>
            {t('history.import.unchanged')}
          </Text>
        </Alert>
      )}

      <Group gap="xs" mih={30}>
        <Text size="sm" c="dimmed" role="status">
          {query
            ? t('history.matching', { count: matching.length, total: entries.length })
            : entries.length === 1
              ? t('history.countOne')
              : t('history.count', { count: entries.length })}
        </Text>
        <Group gap="xs" aria-live="polite">
          {current?.kind === 'imported' && (
            <Text size="sm" className={tone.success}>
              {current.added === 1
                ? t('history.import.doneOne', { skipped: current.skipped })
                : t('history.import.done', { added: current.added, skipped: current.skipped })}
            </Text>
          )}
          {current?.kind === 'deleted' && (
            <>
              <Text size="sm">{t('history.deleted')}</Text>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => {
                  historyStore.importEntries([current.entry]);
                  status.dismiss();
                }}
              >
                {t('history.undo')}
              </Button>
            </>
          )}
        </Group>
      </Group>

      {entries.length === 0 ? (
        <NoRecords title={t('history.emptyTitle')} detail={t('history.empty')} />
      ) : (
        <RecordList>
          {shown.map((entry) => (
            <HistoryEntryCard
              key={entry.id}
              entry={entry}
              onDecrypt={onDecrypt}
              onReuse={onReuse}
              onDelete={(target) => {
                historyStore.remove(target.id);
                status.show({ kind: 'deleted', entry: target });
              }}
            />
          ))}
        </RecordList>
      )}

      {pages > 1 && (
        <Group justify="center" component="nav" aria-label={t('history.pagination')}>
          <Pagination
            total={pages}
            value={currentPage}
            onChange={setPage}
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? t('history.previousPage') : t('history.nextPage'),
            })}
            getItemProps={(item) => ({ 'aria-label': t('history.pageN', { page: item }) })}
          />
        </Group>
      )}
    </>
  );
}
