import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { HistoryIcon } from '../../../components';

/** The list the history cards stand in (each card is its `li`). */
export function RecordList({ children }: { children: ReactNode }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}

/** What stands where the list would be when there is nothing to list. */
export function NoRecords({ title, detail }: { title: string; detail?: string }) {
  return (
    <Stack align="center" gap="xs" py="xl">
      <HistoryIcon size={32} />
      <Text fw={600}>{title}</Text>
      {detail !== undefined && (
        <Text size="sm" c="dimmed" ta="center">
          {detail}
        </Text>
      )}
    </Stack>
  );
}
