import { Paper, Stack, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { growingText } from '../../../components';

/** A long text shown read-only in a section named like its field, with what goes under it. */
export function LongTextPanel({
  label,
  hint,
  value,
  children,
}: {
  label: string;
  hint: string;
  value: string;
  children: ReactNode;
}) {
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-label={label}
    >
      <Stack gap="md">
        <Textarea
          label={label}
          description={hint}
          value={value}
          readOnly
          rows={8}
          classNames={{ input: growingText.text }}
          spellCheck={false}
        />
        {children}
      </Stack>
    </Paper>
  );
}
