import { useEffect, useRef } from 'react';
import {
  useForm,
  useWatch,
  type DefaultValues,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { KeyDetails } from '../../../../shared/kms';
import type { KeyFormContext, KeyFormValues } from '../../model/key-form';
import { useKeyLookup, type KeyLookup } from '../use-key-lookup';

type Algorithm = KeyFormValues['algorithm'];

/** What sets one key-aware form apart; declared once per form, outside any component. */
export interface KeyFormRules<Values extends KeyFormValues> {
  /** The form's resolver for what is known of the chosen key. */
  resolverFor: (context: KeyFormContext) => Resolver<Values>;
  /** The algorithm to switch to once the key is known; undefined keeps the chosen one. */
  algorithmForKnownKey: (key: KeyDetails, current: Algorithm) => Algorithm | undefined;
  /** The algorithm to set when a key is picked from the list; undefined keeps the chosen one. */
  algorithmForPickedKey: (key: KeyDetails) => Algorithm | undefined;
}

/** What the shared fields need of a key-aware form, whatever its other fields. */
export interface KeyFormKit {
  /**
   * The same form seen through its key-aware fields. react-hook-form cannot resolve field
   * paths of a generic `Values`, so the kit works on this view of the fields all forms share.
   */
  fields: UseFormReturn<KeyFormValues>;
  lookup: KeyLookup;
  key: KeyDetails | undefined;
  algorithm: Algorithm;
  algorithmForPickedKey: (key: KeyDetails) => Algorithm | undefined;
}

export interface KeyForm<Values extends KeyFormValues> extends KeyFormKit {
  form: UseFormReturn<Values>;
}

/**
 * A react-hook-form form whose rules depend on the chosen key: the key is looked up as it is
 * typed, the resolver sees it, and the algorithm follows it.
 */
export function useKeyForm<Values extends KeyFormValues>(
  defaultValues: DefaultValues<Values>,
  { resolverFor, algorithmForKnownKey, algorithmForPickedKey }: KeyFormRules<Values>,
): KeyForm<Values> {
  // The schema depends on the chosen key, known only after the form exists: the resolver
  // reads it from this ref, refreshed on every render.
  const schemaContext = useRef<KeyFormContext>({ key: undefined });
  const form = useForm<Values>({
    defaultValues,
    resolver: (values, context, options) =>
      resolverFor(schemaContext.current)(values, context, options),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const fields = form as unknown as UseFormReturn<KeyFormValues>;
  const { control, getValues, setValue, trigger, formState } = fields;
  const keyId = useWatch({ control, name: 'keyId' });
  const algorithm = useWatch({ control, name: 'algorithm' });
  const lookup = useKeyLookup(keyId);
  const { key } = lookup;
  schemaContext.current = { key };

  // A key learnt later (describe-key) may not take the algorithm shown: pick another; and
  // once the form was submitted, re-check it against what is now known of the key.
  const { isSubmitted } = formState;
  useEffect(() => {
    const next = key ? algorithmForKnownKey(key, getValues('algorithm')) : undefined;
    if (next !== undefined) setValue('algorithm', next);
    if (isSubmitted) void trigger();
  }, [key, getValues, setValue, trigger, isSubmitted, algorithmForKnownKey]);

  return { form, fields, lookup, key, algorithm, algorithmForPickedKey };
}
