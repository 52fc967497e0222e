import { Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { growingText } from '../../../components';
import { Panel } from '../../../components/Panel';

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
    <Panel label={label}>
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
    </Panel>
  );
}
