import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import { CopyButton, dangerButtonProps, TrashIcon, tone } from '../../../components';
import type { HistoryEntry } from '../model/history-entry';

export interface HistoryEntryCardProps {
  entry: HistoryEntry;
  onDecrypt: (entry: HistoryEntry) => void;
  onReuse: (entry: HistoryEntry) => void;
  onDelete: (entry: HistoryEntry) => void;
}

export function HistoryEntryCard({ entry, onDecrypt, onReuse, onDelete }: HistoryEntryCardProps) {
  const { t, formatDateTime } = useI18n();
  const titleId = useId();
  const context = Object.entries(entry.encryptionContext);
  return (
    <Paper component="li" withBorder radius="md" p="md" aria-labelledby={titleId}>
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} id={titleId}>
              {entry.label ?? entry.keyAlias ?? t('history.unlistedKey')}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
            </Text>
          </Stack>
          <Group gap={4}>
            {entry.keySpec && (
              <Badge variant="outline" color="gray" radius="sm">
                {entry.keySpec}
              </Badge>
            )}
            <Badge variant="light" radius="sm">
              {entry.algorithm}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            {t('history.keyId')}{' '}
          </Text>
          <span className={tone.uuid}>{entry.keyId}</span>
        </Text>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('history.context')}
          </Text>
          {context.length === 0 ? (
            <Text size="sm">{t('history.noContext')}</Text>
          ) : (
            context.map(([key, value]) => (
              <Badge key={key} variant="outline" color="gray" tt="none" radius="sm">
                {key} = {value}
              </Badge>
            ))
          )}
        </Group>
        {entry.file ? (
          <Text size="xs" className={tone.mono} lineClamp={2}>
            <Text span size="xs" c="dimmed">
              {t('files.history.file')}{' '}
            </Text>
            {entry.file.name} · {entry.file.size} B · {entry.file.fingerprint}
          </Text>
        ) : (
          <Text size="xs" className={tone.mono} lineClamp={2}>
            <Text span size="xs" c="dimmed">
              {t('history.cipherText')}{' '}
            </Text>
            {entry.cipherText}
          </Text>
        )}
        <Group gap="xs" mt={4}>
          {entry.cipherText !== undefined && (
            <Button size="xs" onClick={() => onDecrypt(entry)} aria-describedby={titleId}>
              {t('history.decrypt')}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            onClick={() => onReuse(entry)}
            aria-describedby={titleId}
          >
            {t('history.reuse')}
          </Button>
          {entry.cipherText !== undefined && (
            <CopyButton label={t('history.copyCipherText')} value={entry.cipherText} size="xs" />
          )}
          <Button
            size="xs"
            variant="subtle"
            {...dangerButtonProps}
            leftSection={<TrashIcon size={14} />}
            onClick={() => onDelete(entry)}
            aria-describedby={titleId}
          >
            {t('history.delete')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
