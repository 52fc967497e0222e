import { Alert, Button, Group, Menu, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { cursorPages } from '../../../lib/api/cursor-pages';
import { useI18n } from '../../../lib/i18n';
import { KmsErrorAlert } from '../../../components';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import type { HistoryItem } from '../../../shared/console/history';
import {
  deleteRecord,
  exportUrl,
  listRecords,
  teamHistoryKeys,
  updateLabel,
} from '../api/team-history';
import { entryOfItem } from '../model/team-entry';
import { teamOutbox } from '../model/team-outbox';
import type { HistoryPageProps } from './HistoryPage';
import { ImportOffer } from './ImportOffer';
import { NoRecords, RecordList } from './RecordList';
import { TeamRecordCard } from './TeamRecordCard';
import { useTransient } from './use-transient';

/** The team history: every console user's records, searched on the server, newest first. */
export default function TeamHistory({ onDecrypt, onReuse }: HistoryPageProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim());
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const status = useTransient<{ kind: 'deleted'; id: string } | { kind: 'labelSaved' }>();
  const waiting = useSyncExternalStore(teamOutbox.subscribe, teamOutbox.count);

  const records = useInfiniteQuery(
    cursorPages(teamHistoryKeys.records(q), (cursor) => listRecords(q, cursor)),
  );
  const refresh = () => void queryClient.invalidateQueries({ queryKey: teamHistoryKeys.all });

  // A record that waited in this browser has reached the store: show it.
  useEffect(() => {
    void teamOutbox.flush();
    return teamOutbox.subscribe(refresh);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once
  }, []);

  const items = useMemo(
    () =>
      (records.data?.pages ?? []).flatMap((page) => page.items).filter((i) => !hidden.has(i.id)),
    [records.data, hidden],
  );

  const onDelete = (item: HistoryItem) => {
    setHidden((current) => new Set(current).add(item.id));
    // Sent when the Undo has passed: a deleted record is hidden from every reader at once.
    status.show({ kind: 'deleted', id: item.id }, () => {
      void deleteRecord(item.id).finally(refresh);
    });
  };

  const undoDelete = (id: string) => {
    status.dismiss();
    setHidden((current) => {
      const next = new Set(current);
      next.delete(id);
      return next;
    });
  };

  const onLabel = async (item: HistoryItem, label: string | null) => {
    await updateLabel(item.id, label);
    status.show({ kind: 'labelSaved' });
    refresh();
  };

  const shown = status.current;
  return (
    <>
      {waiting > 0 && (
        <Alert color="yellow" variant="light" title={t('history.team.waitingTitle')}>
          {waiting === 1
            ? t('history.team.waitingOne')
            : t('history.team.waiting', { count: waiting })}
        </Alert>
      )}
      <ImportOffer onImported={refresh} />

      <Group justify="space-between" align="flex-end" gap="sm">
        <TextInput
          label={t('history.search')}
          description={t('history.team.searchHint')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          type="search"
          style={{ flex: '1 1 16rem' }}
        />
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default">{t('history.export')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={exportUrl('json')} download>
              {t('history.exportJson')}
            </Menu.Item>
            <Menu.Item component="a" href={exportUrl('csv')} download>
              {t('history.exportCsv')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>

      <Group gap="xs" role="status" mih={30}>
        {shown?.kind === 'deleted' && (
          <>
            <Text size="sm">{t('history.deleted')}</Text>
            <Button size="compact-sm" variant="subtle" onClick={() => undoDelete(shown.id)}>
              {t('history.undo')}
            </Button>
          </>
        )}
        {shown?.kind === 'labelSaved' && <Text size="sm">{t('history.label.saved')}</Text>}
      </Group>

      {records.error && <KmsErrorAlert title={t('history.team.failed')} error={records.error} />}
      {records.isSuccess && items.length === 0 ? (
        <NoRecords title={q ? t('history.team.noMatch') : t('history.emptyTitle')} />
      ) : (
        <RecordList>
          {items.map((item) => (
            <TeamRecordCard
              key={item.id}
              item={item}
              onDecrypt={(target) => onDecrypt(entryOfItem(target))}
              onReuse={(target) => onReuse(entryOfItem(target))}
              onDelete={onDelete}
              onLabel={onLabel}
            />
          ))}
        </RecordList>
      )}
      <LoadMoreButton query={records} label={t('history.team.loadMore')} />
    </>
  );
}
