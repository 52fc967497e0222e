import { Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export interface PanelProps {
  /** The id of the heading that names the section… */
  labelledBy?: string;
  /** …or its name, where it shows no heading. */
  label?: string;
  children: ReactNode;
}

/** A bordered section of a page: results and long texts stand in one. */
export function Panel({ labelledBy, label, children }: PanelProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={labelledBy}
      aria-label={label}
    >
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}
