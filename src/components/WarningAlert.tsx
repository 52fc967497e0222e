import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { AlertIcon } from './icons';

/** A warning that needs an answer now: announced at once (role alert), in the warning colour. */
export function WarningAlert({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Alert role="alert" color="orange" variant="light" icon={<AlertIcon size={20} />} title={title}>
      {children}
    </Alert>
  );
}
