import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { HistoryItem } from '../../../shared/console/history';
import { entryView } from '../model/record-view';
import { entryOfItem } from '../model/team-entry';
import { RecordCard } from './RecordCard';

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
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.label ?? '');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await onLabel(item, draft.trim() === '' ? null : draft.trim());
      setEditing(false);
    } finally {
      setSaving(false);
    }
  };

  const labelEditor = editing ? (
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
  ) : null;

  return (
    <RecordCard
      view={{
        ...entryView(entryOfItem(item), t('history.unlistedKey')),
        actor: item.actor,
        ...(item.label && item.key_alias ? { keyNote: ` (${item.key_alias})` } : {}),
      }}
      onDecrypt={() => onDecrypt(item)}
      onReuse={() => onReuse(item)}
      onDelete={() => onDelete(item)}
      onEditLabel={() => {
        setDraft(item.label ?? '');
        setEditing(true);
      }}
      labelEditor={labelEditor}
    />
  );
}
