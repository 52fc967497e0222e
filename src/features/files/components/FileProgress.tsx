import { Stack, Text } from '@mantine/core';
import { formatByteSize } from '../model/file-names';
import type { Progress } from '../model/progress';
import classes from './files.module.css';
import { useFileText } from './use-file-text';

/** A native progress bar (role progressbar, named by `label`) and its bytes and speed. */
export function FileProgress({ label, progress }: { label: string; progress: Progress }) {
  const ft = useFileText();
  return (
    <Stack gap={4}>
      <progress
        className={classes.progress}
        aria-label={label}
        max={100}
        value={progress.percent}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {ft('fileMode.progress', {
          done: formatByteSize(progress.bytesDone),
          total: formatByteSize(progress.bytesTotal),
          speed: progress.mibPerSecond === undefined ? '…' : progress.mibPerSecond.toFixed(0),
        })}
      </Text>
    </Stack>
  );
}
