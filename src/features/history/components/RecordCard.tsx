import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import { CopyButton, dangerButtonProps, TrashIcon, tone } from '../../../components';
import type { RecordView } from '../model/record-view';

export interface RecordCardProps {
  view: RecordView;
  onDecrypt: () => void;
  onReuse: () => void;
  onDelete: () => void;
  /** Offers "Edit label" (team history). */
  onEditLabel?: () => void;
  /** Shown under the title while the label is being edited. */
  labelEditor?: ReactNode;
}

/** One remembered encryption: its key, algorithm and context, and what can be done with it. */
export function RecordCard({ view, labelEditor, ...actions }: RecordCardProps) {
  const { onDecrypt, onReuse, onDelete, onEditLabel } = actions;
  const { t, formatDateTime } = useI18n();
  const titleId = useId();
  const context = Object.entries(view.encryptionContext);
  const { cipherText, file } = view;
  return (
    <Paper component="li" withBorder radius="md" p="md" aria-labelledby={titleId}>
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} id={titleId}>
              {view.title}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={view.createdAt}>{formatDateTime(view.createdAt)}</time>
              {view.actor !== undefined && ` · ${t('history.team.by', { actor: view.actor })}`}
            </Text>
          </Stack>
          <Group gap={4}>
            {view.keySpec && (
              <Badge variant="outline" color="gray" radius="sm">
                {view.keySpec}
              </Badge>
            )}
            <Badge variant="light" radius="sm">
              {view.algorithm}
            </Badge>
          </Group>
        </Group>
        {labelEditor}
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            {t('history.keyId')}{' '}
          </Text>
          <span className={tone.uuid}>{view.keyId}</span>
          {view.keyNote}
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
            {file ? t('files.history.file') : t('history.cipherText')}{' '}
          </Text>
          {file ? `${file.name} · ${file.size} B · ${file.fingerprint}` : cipherText}
        </Text>
        <Group gap="xs" mt={4}>
          {cipherText !== undefined && (
            <Button size="xs" onClick={onDecrypt} aria-describedby={titleId}>
              {t('history.decrypt')}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={onReuse} aria-describedby={titleId}>
            {t('history.reuse')}
          </Button>
          {cipherText !== undefined && (
            <CopyButton label={t('history.copyCipherText')} value={cipherText} size="xs" />
          )}
          {onEditLabel && (
            <Button size="xs" variant="default" onClick={onEditLabel} aria-describedby={titleId}>
              {t('history.label.edit')}
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            {...dangerButtonProps}
            leftSection={<TrashIcon size={14} />}
            onClick={onDelete}
            aria-describedby={titleId}
          >
            {t('history.delete')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
