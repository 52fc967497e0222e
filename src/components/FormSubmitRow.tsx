import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FormSubmitRowProps {
  label: string;
  icon: ReactNode;
  /** Shows the button's loader (the button stays enabled: the form guards a second press). */
  loading: boolean;
  /** A short tip beside the button, e.g. a keyboard shortcut. */
  hint?: string;
}

/** The end of a form: its submit button on the right, an optional tip on the left. */
export function FormSubmitRow({ label, icon, loading, hint }: FormSubmitRowProps) {
  return (
    <Group justify={hint === undefined ? 'flex-end' : 'space-between'} align="center">
      {hint !== undefined && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <Button type="submit" size="md" leftSection={icon} loading={loading}>
        {label}
      </Button>
    </Group>
  );
}
