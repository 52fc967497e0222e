import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { CopyButton, dangerButtonProps, TrashIcon, tone } from '../../../components';
import type { HistoryItem } from '../../../shared/console/history';

export interface TeamRecordCardProps {
  item: HistoryItem;
  onDecrypt: (item: HistoryItem) => void;
  onReuse: (item: HistoryItem) => void;
  onDelete: (item: HistoryItem) => void;
  onLabel: (item: HistoryItem, label: string | null) => Promise<void>;
}

/** One record of the team history: who, when, with which key and context; label editable. */
export function TeamRecordCard({
  item,
  onDecrypt,
  onReuse,
  onDelete,
  onLabel,
}: TeamRecordCardProps) {
  const { t, formatDateTime } = useI18n();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.label ?? '');
  const [saving, setSaving] = useState(false);
  const context = Object.entries(item.encryption_context);

  const save = async () => {
    setSaving(true);
    try {
      await onLabel(item, draft.trim() === '' ? null : draft.trim());
      setEditing(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper component="li" withBorder radius="md" p="md" aria-labelledby={titleId}>
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} id={titleId}>
              {item.label ?? item.key_alias ?? t('history.unlistedKey')}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={item.created_at}>{formatDateTime(item.created_at)}</time>
              {' · '}
              {t('history.team.by', { actor: item.actor })}
            </Text>
          </Stack>
          <Group gap={4}>
            {item.key_spec && (
              <Badge variant="outline" color="gray" radius="sm">
                {item.key_spec}
              </Badge>
            )}
            <Badge variant="light" radius="sm">
              {item.encryption_algorithm}
            </Badge>
          </Group>
        </Group>
        {editing ? (
          <Group gap="xs" align="flex-end">
            <TextInput
              label={t('history.label')}
              value={draft}
              maxLength={200}
              onChange={(event) => setDraft(event.currentTarget.value)}
              style={{ flex: '1 1 12rem' }}
              data-autofocus
            />
            <Button size="xs" onClick={() => void save()} loading={saving}>
              {t('history.label.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : null}
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            {t('history.keyId')}{' '}
          </Text>
          <span className={tone.uuid}>{item.key_id}</span>
          {item.label && item.key_alias ? ` (${item.key_alias})` : ''}
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
        <Text size="xs" className={tone.mono} lineClamp={2}>
          <Text span size="xs" c="dimmed">
            {item.file ? `${item.file.name} · ` : `${t('history.cipherText')} `}
          </Text>
          {item.cipher_text ?? item.file?.fingerprint}
        </Text>
        <Group gap="xs" mt={4}>
          {item.cipher_text !== null && (
            <Button size="xs" onClick={() => onDecrypt(item)} aria-describedby={titleId}>
              {t('history.decrypt')}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            onClick={() => onReuse(item)}
            aria-describedby={titleId}
          >
            {t('history.reuse')}
          </Button>
          {item.cipher_text !== null && (
            <CopyButton label={t('history.copyCipherText')} value={item.cipher_text} size="xs" />
          )}
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              setDraft(item.label ?? '');
              setEditing(true);
            }}
            aria-describedby={titleId}
          >
            {t('history.label.edit')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            {...dangerButtonProps}
            leftSection={<TrashIcon size={14} />}
            onClick={() => onDelete(item)}
            aria-describedby={titleId}
          >
            {t('history.delete')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
