import { NativeSelect } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { ContextSection } from '../../../../components';
import { useI18n } from '../../../../lib/i18n';
import {
  contextApplies,
  isAsymmetricKey,
  offeredAlgorithms,
  type KeyFormValues as Fields,
} from '../../model/key-form';
import { KeyPicker } from '../KeyPicker';
import type { KeyFormKit } from './use-key-form';

export interface KeyFormFieldsProps {
  kit: KeyFormKit;
  keyLabel: string;
  keyRequired?: boolean;
  algorithmLabel: string;
  /** Shown under the algorithm select, e.g. which spec the offered algorithms belong to. */
  algorithmDescription?: string;
  /** Offers "no algorithm" ('') under this label, unless the key is known to be asymmetric. */
  noAlgorithmLabel?: string;
  contextDescription: string;
}

/** Key picker, algorithm and encryption-context pairs: the part every key-aware form shares. */
export function KeyFormFields({
  kit,
  keyLabel,
  keyRequired,
  algorithmLabel,
  algorithmDescription,
  noAlgorithmLabel,
  contextDescription,
}: KeyFormFieldsProps) {
  const { t, tm } = useI18n();
  const { fields, lookup, key, algorithm, algorithmForPickedKey } = kit;
  const { control, setValue, formState } = fields;
  const algorithmOptions = [
    ...(noAlgorithmLabel !== undefined && !isAsymmetricKey(key)
      ? [{ value: '', label: noAlgorithmLabel }]
      : []),
    ...offeredAlgorithms(key).map((value) => ({ value, label: t(`algorithm.${value}`) })),
  ];

  return (
    <>
      <Controller
        control={control}
        name="keyId"
        render={({ field, fieldState }) => (
          <KeyPicker
            label={keyLabel}
            required={keyRequired}
            value={field.value}
            inputRef={field.ref}
            onBlur={field.onBlur}
            onChange={(next) => {
              field.onChange(next);
              const picked = lookup.keys.find((candidate) => candidate.key_id === next);
              const algorithmToSet = picked ? algorithmForPickedKey(picked) : undefined;
              if (algorithmToSet !== undefined) setValue('algorithm', algorithmToSet);
            }}
            lookup={lookup}
            error={fieldState.error?.message}
          />
        )}
      />
      {/* Controlled: the options change with the key, and the shown value must follow. */}
      <Controller
        control={control}
        name="algorithm"
        render={({ field, fieldState }) => (
          <NativeSelect
            ref={field.ref}
            name={field.name}
            value={field.value}
            onChange={(event) => field.onChange(event.currentTarget.value as Fields['algorithm'])}
            onBlur={field.onBlur}
            label={algorithmLabel}
            {...(algorithmDescription !== undefined
              ? {
                  description: algorithmDescription,
                  inputWrapperOrder: ['label', 'input', 'description', 'error'],
                }
              : {})}
            data={algorithmOptions}
            error={fieldState.error?.message ? tm(fieldState.error.message) : undefined}
          />
        )}
      />
      <Controller
        control={control}
        name="contextPairs"
        render={({ field }) => (
          <ContextSection
            enabled={contextApplies(algorithm)}
            pairs={field.value}
            onChange={field.onChange}
            description={contextDescription}
            errors={formState.errors.contextPairs}
          />
        )}
      />
    </>
  );
}
