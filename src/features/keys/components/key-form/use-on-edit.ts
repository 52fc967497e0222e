import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

/**
 * Calls `onEdit` whenever a field of the form changes, by the operator or by the form itself
 * (a key chosen, an algorithm following it); not on a reset. A form uses it to drop the last
 * call's error: it was about inputs that are no longer there.
 */
export function useOnEdit<Values extends FieldValues>(
  form: UseFormReturn<Values>,
  onEdit: (() => void) | undefined,
): void {
  const latest = useRef(onEdit);
  useEffect(() => {
    latest.current = onEdit;
  }, [onEdit]);
  const { watch } = form;
  useEffect(() => {
    const subscription = watch((_values, { name }) => {
      if (name !== undefined) latest.current?.();
    });
    return () => subscription.unsubscribe();
  }, [watch]);
}
