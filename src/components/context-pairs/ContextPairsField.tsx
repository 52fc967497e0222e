import { ActionIcon, Button, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { useI18n } from '../../lib/i18n';
import type { ContextPair } from './context-pairs';
import { PlusIcon, XIcon } from '../icons';
import classes from './context-pairs.module.css';
import tone from '../tone.module.css';

export interface ContextPairErrors {
  /** Encoded messages per pair and field, as react-hook-form reports them. */
  pairs?: ReadonlyArray<{ key?: string; value?: string } | undefined>;
  /** A problem of the whole context (its size). */
  root?: string;
}

/** What react-hook-form reports for a form's `contextPairs` field. */
export type ContextPairsFieldErrors = FieldErrors<{ contextPairs: ContextPair[] }>['contextPairs'];

function fromFormErrors(errors: ContextPairsFieldErrors): ContextPairErrors {
  return {
    pairs: Array.isArray(errors)
      ? errors.map((pairError) =>
          pairError ? { key: pairError.key?.message, value: pairError.value?.message } : undefined,
        )
      : undefined,
    root: errors?.root?.message,
  };
}

export interface ContextPairsFieldProps {
  pairs: ContextPair[];
  onChange: (pairs: ContextPair[]) => void;
  errors?: ContextPairErrors;
  description: string;
}

const PAIR_PARTS = ['key', 'value'] as const;
const PART_LABELS = { key: 'context.keyLabel', value: 'context.valueLabel' } as const;

/** The encryption-context editor shared by the encrypt and decrypt forms. */
export function ContextPairsField({
  pairs,
  onChange,
  errors,
  description,
}: ContextPairsFieldProps) {
  const { t, tm } = useI18n();
  const baseId = useId();
  const focusAfterRender = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = undefined;
  });

  const update = (index: number, field: keyof ContextPair, value: string) =>
    onChange(pairs.map((pair, i) => (i === index ? { ...pair, [field]: value } : pair)));

  const add = () => {
    focusAfterRender.current = `${baseId}-key-${pairs.length}`;
    onChange([...pairs, { key: '', value: '' }]);
  };

  const remove = (index: number) => {
    const next = pairs.filter((_, i) => i !== index);
    // Keep the keyboard user in the list: the pair that moved up, else the add button.
    focusAfterRender.current =
      next.length === 0 ? `${baseId}-add` : `${baseId}-key-${Math.min(index, next.length - 1)}`;
    onChange(next);
  };

  return (
    <Fieldset
      legend={t('context.legend')}
      variant="unstyled"
      styles={{
        root: { padding: 0, margin: 0 },
        legend: { padding: 0, fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' },
      }}
    >
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {description}
        </Text>
        {pairs.map((pair, index) => {
          const pairErrors = errors?.pairs?.[index];
          const number = index + 1;
          return (
            <div key={index} className={classes.pair}>
              {PAIR_PARTS.map((part) => (
                <div key={part} className={classes[part]}>
                  <TextInput
                    // The key input is where focus goes when a pair is added.
                    id={part === 'key' ? `${baseId}-key-${index}` : undefined}
                    label={t(PART_LABELS[part], { n: number })}
                    value={pair[part]}
                    onChange={(event) => update(index, part, event.currentTarget.value)}
                    error={pairErrors?.[part] ? tm(pairErrors[part]) : undefined}
                    autoComplete="off"
                    spellCheck={false}
                  />
                </div>
              ))}
              <div className={classes.remove}>
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('context.remove')}
                  title={t('context.removeNumbered', { n: number })}
                  onClick={() => remove(index)}
                >
                  <XIcon />
                </ActionIcon>
              </div>
            </div>
          );
        })}
        {errors?.root && (
          <Text size="sm" role="alert" className={tone.danger}>
            {tm(errors.root)}
          </Text>
        )}
        <div>
          <Button
            id={`${baseId}-add`}
            variant="default"
            size="sm"
            leftSection={<PlusIcon />}
            onClick={add}
          >
            {t('context.add')}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}

export interface ContextSectionProps extends Omit<ContextPairsFieldProps, 'errors'> {
  /** False for asymmetric algorithms, which take no context: a note says so instead. */
  enabled: boolean;
  errors: ContextPairsFieldErrors;
}

/** The context part of the encrypt and decrypt forms: the editor, or why there is none. */
export function ContextSection({ enabled, errors, ...field }: ContextSectionProps) {
  const { t } = useI18n();
  if (enabled) return <ContextPairsField {...field} errors={fromFormErrors(errors)} />;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('context.legend')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('context.notForAsymmetric')}
      </Text>
    </Stack>
  );
}
