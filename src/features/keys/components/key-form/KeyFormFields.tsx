import { Group, NativeSelect } from '@mantine/core';
import type { PublicConfig } from '../../../../shared/console/config';
import { Controller } from 'react-hook-form';
import { ContextSection } from '../../../../components';
import { useI18n } from '../../../../lib/i18n';
import {
  contextApplies,
  isAsymmetricKey,
  offeredAlgorithms,
  type KeyFormValues as Fields,
} from '../../model/key-form';
import { KeyDetailsButton } from '../key-details/KeyDetailsButton';
import { KeyPicker } from '../KeyPicker';
import type { KeyAvailabilityRule } from '../../model/key-options';
import type { KeyFormKit } from './use-key-form';

export interface KeyFormFieldsProps {
  kit: KeyFormKit;
  /** Where the key details panel links to; undefined while GET /api/config is pending. */
  config?: PublicConfig;
  keyLabel: string;
  keyRequired?: boolean;
  algorithmLabel: string;
  /** Shown under the algorithm select, e.g. which spec the offered algorithms belong to. */
  algorithmDescription?: string;
  /** Offers "no algorithm" ('') under this label, unless the key is known to be asymmetric. */
  noAlgorithmLabel?: string;
  contextDescription: string;
  /** Which keys the picker lets the operator choose (default: those that can encrypt now). */
  keyAvailability?: KeyAvailabilityRule;
}

/** Key picker, algorithm and encryption-context pairs: the part every key-aware form shares. */
export function KeyFormFields({
  kit,
  config,
  keyLabel,
  keyRequired,
  algorithmLabel,
  algorithmDescription,
  noAlgorithmLabel,
  contextDescription,
  keyAvailability,
}: KeyFormFieldsProps) {
  const { t, tm } = useI18n();
  const { fields, lookup, key, algorithm, algorithmForPickedKey } = kit;
  const { control, setValue, formState } = fields;
  const offered = offeredAlgorithms(key);
  // A key that only signs takes no algorithm at all: say so instead of offering any.
  const signOnly = offered.length === 0;
  const algorithmOptions = signOnly
    ? [{ value: '', label: t('keys.noAlgorithm') }]
    : [
        ...(noAlgorithmLabel !== undefined && !isAsymmetricKey(key)
          ? [{ value: '', label: noAlgorithmLabel }]
          : []),
        ...offered.map((value) => ({ value, label: t(`algorithm.${value}`) })),
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
            {...(keyAvailability ? { availability: keyAvailability } : {})}
            error={fieldState.error?.message}
          />
        )}
      />
      {key && (
        <Group justify="flex-end" mt={-12}>
          <KeyDetailsButton keyId={key.key_id} config={config} />
        </Group>
      )}
      {/* Controlled: the options change with the key, and the shown value must follow. */}
      <Controller
        control={control}
        name="algorithm"
        render={({ field, fieldState }) => (
          <NativeSelect
            ref={field.ref}
            name={field.name}
            value={signOnly ? '' : field.value}
            disabled={signOnly}
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
