import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { ENCRYPTION_ALGORITHMS, type DecryptDataRequest } from '../../../shared/kms';
import { useI18n } from '../../i18n';
import { algorithmsForKey, isAsymmetricAlgorithm, KeyPicker, useKeyLookup } from '../../keys';
import { ContextSection, growingText, UnlockIcon } from '../../ui';
import {
  buildDecryptFormSchema,
  toDecryptRequest,
  type DecryptFormContext,
  type DecryptFormValues,
} from '../model/decrypt-form';

export interface DecryptFormProps {
  defaultValues: DecryptFormValues;
  pending: boolean;
  onSubmit: (request: DecryptDataRequest) => void;
}

export function DecryptForm({ defaultValues, pending, onSubmit }: DecryptFormProps) {
  const { t, tm } = useI18n();
  const schemaContext = useRef<DecryptFormContext>({ key: undefined });
  const form = useForm<DecryptFormValues>({
    defaultValues,
    resolver: (values, context, options) =>
      zodResolver(buildDecryptFormSchema(schemaContext.current))(values, context, options),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { control, handleSubmit, setValue, getValues, register, formState, trigger } = form;
  const keyId = useWatch({ control, name: 'keyId' });
  const algorithm = useWatch({ control, name: 'algorithm' });
  const lookup = useKeyLookup(keyId);
  const { key } = lookup;
  schemaContext.current = { key };

  const { isSubmitted } = formState;
  useEffect(() => {
    const allowed = algorithmsForKey(key);
    const current = getValues('algorithm');
    if (
      key &&
      !allowed.includes('SYMMETRIC_DEFAULT') &&
      (current === '' || !allowed.includes(current))
    ) {
      setValue('algorithm', allowed[0] ?? '');
    }
    if (isSubmitted) void trigger();
  }, [key, getValues, setValue, trigger, isSubmitted]);

  const allowed = key ? algorithmsForKey(key) : ENCRYPTION_ALGORITHMS;
  const asymmetricKey = key !== undefined && !allowed.includes('SYMMETRIC_DEFAULT');
  const options = [
    ...(asymmetricKey ? [] : [{ value: '', label: t('decrypt.algorithmNotNeeded') }]),
    ...(allowed.length > 0 ? allowed : ENCRYPTION_ALGORITHMS).map((value) => ({
      value,
      label: t(`algorithm.${value}`),
    })),
  ];
  const showContext = !isAsymmetricAlgorithm(algorithm);

  return (
    <form
      onSubmit={handleSubmit((values) => onSubmit(toDecryptRequest(values)))}
      noValidate
      aria-label={t('decrypt.formLabel')}
    >
      <Stack gap="lg">
        <Textarea
          label={t('decrypt.cipherText')}
          required
          rows={3}
          classNames={{ input: growingText.text }}
          style={{ '--growing-min-rows': 3, '--growing-max-rows': 10 }}
          description={t('decrypt.cipherTextHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={
            formState.errors.cipherText?.message
              ? tm(formState.errors.cipherText.message)
              : undefined
          }
          autoComplete="off"
          spellCheck={false}
          styles={{
            input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' },
          }}
          {...register('cipherText')}
        />
        <Alert variant="light" color="gray" title={t('decrypt.asymmetricTitle')}>
          <Text size="sm">{t('decrypt.asymmetricHint')}</Text>
        </Alert>
        <Controller
          control={control}
          name="keyId"
          render={({ field, fieldState }) => (
            <KeyPicker
              label={t('decrypt.keyId')}
              value={field.value}
              inputRef={field.ref}
              onBlur={field.onBlur}
              onChange={(next) => {
                field.onChange(next);
                const picked = lookup.keys.find((candidate) => candidate.key_id === next);
                if (!picked) return;
                const pickedAlgorithms = algorithmsForKey(picked);
                // Symmetric ciphertext needs no algorithm; asymmetric takes the spec's first.
                setValue(
                  'algorithm',
                  pickedAlgorithms.includes('SYMMETRIC_DEFAULT') ? '' : (pickedAlgorithms[0] ?? ''),
                );
              }}
              lookup={lookup}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="algorithm"
          render={({ field, fieldState }) => (
            <NativeSelect
              ref={field.ref}
              name={field.name}
              value={field.value}
              onChange={(event) =>
                field.onChange(event.currentTarget.value as DecryptFormValues['algorithm'])
              }
              onBlur={field.onBlur}
              label={t('decrypt.algorithm')}
              data={options}
              error={fieldState.error?.message ? tm(fieldState.error.message) : undefined}
            />
          )}
        />
        <Controller
          control={control}
          name="contextPairs"
          render={({ field }) => (
            <ContextSection
              enabled={showContext}
              pairs={field.value}
              onChange={field.onChange}
              description={t('context.decryptDescription')}
              errors={formState.errors.contextPairs}
            />
          )}
        />
        <Group justify="flex-end">
          <Button type="submit" size="md" leftSection={<UnlockIcon />} loading={pending}>
            {t('decrypt.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
