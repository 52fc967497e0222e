import { Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './form-submit-row.module.css';

export interface FormSubmitRowProps {
  label: string;
  icon: ReactNode;
  /** Shows the button's loader (the button stays enabled: the form guards a second press). */
  loading: boolean;
  /** A short tip beside the button, e.g. a keyboard shortcut. */
  hint?: string;
}

/**
 * The end of a form: its submit button on the right, an optional tip on the left. Busy, the
 * button swaps its icon for a spinner and keeps its text (Mantine's `loading` hides the label,
 * leaving an empty button on screen and a pressed-looking one to a screen reader).
 */
export function FormSubmitRow({ label, icon, loading, hint }: FormSubmitRowProps) {
  return (
    <Group justify={hint === undefined ? 'flex-end' : 'space-between'} align="center">
      {hint !== undefined && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <Button
        type="submit"
        size="md"
        classNames={{ root: classes.submit, label: classes.label }}
        // data-loading without Mantine's `loading`, which would also disable the button.
        mod={{ loading }}
        leftSection={loading ? <Loader size={16} color="currentColor" aria-hidden="true" /> : icon}
        aria-busy={loading || undefined}
      >
        {label}
      </Button>
    </Group>
  );
}
