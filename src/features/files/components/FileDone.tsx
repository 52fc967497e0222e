import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { CheckIcon } from '../../../components';
import { formatByteSize } from '../model/file-names';
import classes from './files.module.css';
import { downloadBlob } from './save-target';
import type { FinishedFile } from './use-file-job';
import { useFileText } from './use-file-text';

export interface FileDoneProps {
  direction: 'encrypt' | 'decrypt';
  /** The file the operator gave, named in the summary. */
  input: File | undefined;
  file: FinishedFile;
  onAnother: () => void;
}

/** The finished output: download it (or where it was saved), and the envelope's facts. */
export function FileDone({ direction, input, file, onAnother }: FileDoneProps) {
  const ft = useFileText();
  const { blob } = file;
  const summary = ft(`fileMode.${direction}.done` as const, {
    name: input?.name ?? '',
    size: input ? formatByteSize(input.size) : '',
    seconds: file.seconds.toFixed(1),
  });
  const downloadLabel = ft(`fileMode.${direction}.download` as const);
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<CheckIcon size={20} />} role="status">
        {summary}
      </Alert>
      {file.savedAs !== undefined && (
        <Text size="sm">{ft('fileMode.saved', { name: file.savedAs })}</Text>
      )}
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {ft('fileMode.fingerprint')}
        </Text>
        <Text className={classes.fingerprint}>{file.header.headerFingerprint}</Text>
      </Stack>
      <Group>
        {blob && (
          <>
            <Button onClick={() => downloadBlob(blob, file.name)}>{downloadLabel}</Button>
            <Text size="sm" c="dimmed">
              {file.name} · {formatByteSize(blob.size)}
            </Text>
          </>
        )}
        <Button variant="default" onClick={onAnother}>
          {ft('fileMode.another')}
        </Button>
      </Group>
    </Stack>
  );
}
