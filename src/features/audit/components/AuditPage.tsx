import { Alert, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { cursorPages } from '../../../lib/api/cursor-pages';
import { useI18n } from '../../../lib/i18n';
import { KmsErrorAlert, PageHeader, tone } from '../../../components';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { AUDIT_ACTIONS } from '../../../shared/console/history';
import { auditKeys, listAudit, NO_AUDIT_FILTERS, type AuditFilterValues } from '../api/audit';

export interface AuditPageProps {
  /** False when the console keeps no team history: there is no audit to read. */
  teamHistory: boolean;
}

export default function AuditPage({ teamHistory }: AuditPageProps) {
  const { t, formatDateTime } = useI18n();
  const titleId = useId();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTERS);
  const applied = useDeferredValue(filters);
  const events = useInfiniteQuery({
    ...cursorPages(auditKeys.list(applied), (cursor) => listAudit(applied, cursor)),
    enabled: teamHistory,
  });
  const set = (name: keyof AuditFilterValues) => (value: string) =>
    setFilters((current) => ({ ...current, [name]: value }));
  const items = (events.data?.pages ?? []).flatMap((page) => page.items);

  return (
    <Stack gap="lg" component="section" aria-labelledby={titleId}>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} titleId={titleId} />
      {!teamHistory ? (
        <Alert color="blue" variant="light">
          {t('audit.off')}
        </Alert>
      ) : (
        <>
          <SimpleGrid
            cols={{ base: 1, xs: 2, md: 3 }}
            spacing="sm"
            component="fieldset"
            aria-label={t('audit.filters')}
            style={{ border: 0, padding: 0, margin: 0 }}
          >
            <TextInput
              label={t('audit.actor')}
              value={filters.actor}
              onChange={(e) => set('actor')(e.currentTarget.value)}
            />
            <NativeSelect
              label={t('audit.action')}
              value={filters.action}
              onChange={(e) => set('action')(e.currentTarget.value)}
              data={[{ value: '', label: t('audit.anyAction') }, ...AUDIT_ACTIONS]}
            />
            <TextInput
              label={t('audit.keyId')}
              value={filters.keyId}
              onChange={(e) => set('keyId')(e.currentTarget.value)}
              classNames={{ input: tone.mono }}
            />
            <TextInput
              label={t('audit.outcome')}
              description={t('audit.outcomeHint')}
              value={filters.outcome}
              onChange={(e) => set('outcome')(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('audit.from')}
              value={filters.from}
              onChange={(e) => set('from')(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('audit.to')}
              value={filters.to}
              onChange={(e) => set('to')(e.currentTarget.value)}
            />
          </SimpleGrid>
          {events.error && <KmsErrorAlert title={t('audit.failed')} error={events.error} />}
          {events.isSuccess && items.length === 0 ? (
            <Text role="status">{t('audit.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-labelledby={titleId}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.time')}</Table.Th>
                    <Table.Th>{t('audit.actor')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.keyId')}</Table.Th>
                    <Table.Th>{t('audit.outcome')}</Table.Th>
                    <Table.Th>{t('audit.requestId')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((event) => (
                    <Table.Tr key={event.id}>
                      <Table.Td>
                        <time dateTime={event.created_at}>{formatDateTime(event.created_at)}</time>
                      </Table.Td>
                      <Table.Td>{event.actor}</Table.Td>
                      <Table.Td>{event.action}</Table.Td>
                      <Table.Td className={tone.mono}>{event.key_id ?? ''}</Table.Td>
                      <Table.Td className={event.outcome === 'ok' ? undefined : tone.danger}>
                        {event.outcome}
                      </Table.Td>
                      <Table.Td className={tone.mono}>{event.request_id ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <LoadMoreButton query={events} label={t('audit.loadMore')} />
        </>
      )}
    </Stack>
  );
}
