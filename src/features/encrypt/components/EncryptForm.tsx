import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { memo, useEffect, useRef } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { ENCRYPTION_ALGORITHMS, utf8ByteLength } from '../../../shared/kms';
import { useI18n } from '../../i18n';
import { algorithmsForKey, KeyPicker, plainTextLimitForKey, useKeyLookup } from '../../keys';
import {
  ContextSection,
  growingText,
  KmsErrorAlert,
  LockIcon,
  pairsToContext,
  tone,
  useDelayedFlag,
} from '../../ui';
import { useEncryptData } from '../api/encrypt-data';
import {
  buildEncryptFormSchema,
  contextAllowed,
  toEncryptRequest,
  type EncryptFormContext,
  type EncryptFormValues,
} from '../model/encrypt-form';
import type { EncryptionResult } from '../model/encryption-result';

/** A request slower than this shows the button's loader; a faster one would only flash it. */
const BUSY_INDICATOR_DELAY_MS = 200;

export interface EncryptFormProps {
  defaultValues: EncryptFormValues;
  /**
   * The result of an encryption is shown instead. The form stays mounted (tearing it down and
   * building it again was a visible share of the Encrypt → ciphertext time), but forgets the
   * plaintext; shown again, it is ready for the next one with the same key and context.
   */
  hidden?: boolean;
  /** The request is valid and about to be sent. */
  onEncrypting?: () => void;
  onEncrypted: (result: EncryptionResult, values: EncryptFormValues) => void;
}

export const EncryptForm = memo(function EncryptForm({
  defaultValues,
  hidden = false,
  onEncrypting,
  onEncrypted,
}: EncryptFormProps) {
  const { t, tm } = useI18n();
  const encrypt = useEncryptData();
  // The schema depends on the chosen key, known only after the form exists: the resolver
  // reads it from this ref, refreshed on every render.
  const schemaContext = useRef<EncryptFormContext>({ key: undefined });
  const form = useForm<EncryptFormValues>({
    defaultValues,
    resolver: (values, context, options) =>
      zodResolver(buildEncryptFormSchema(schemaContext.current))(values, context, options),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const {
    control,
    handleSubmit,
    setValue,
    getValues,
    register,
    formState,
    trigger,
    setFocus,
    reset,
  } = form;
  const { reset: resetRequest } = encrypt;

  // Hidden behind a result: drop the plaintext and the last submission's state at once (after
  // the result is on screen); shown again: the next thing to type is the plaintext.
  const wasHidden = useRef(hidden);
  useEffect(() => {
    if (hidden === wasHidden.current) return;
    wasHidden.current = hidden;
    if (hidden) {
      reset({ ...getValues(), plainText: '' });
      resetRequest();
    } else {
      setFocus('plainText');
    }
  }, [hidden, reset, getValues, resetRequest, setFocus]);
  const keyId = useWatch({ control, name: 'keyId' });
  const algorithm = useWatch({ control, name: 'algorithm' });
  const plainText = useWatch({ control, name: 'plainText' });
  const lookup = useKeyLookup(keyId);
  const { key } = lookup;

  schemaContext.current = { key };

  // A key learnt later (describe-key) may not take the algorithm shown: pick its first one;
  // and once the form was submitted, re-check it against what is now known of the key.
  const { isSubmitted } = formState;
  useEffect(() => {
    const allowed = algorithmsForKey(key);
    if (key && allowed.length > 0 && !allowed.includes(getValues('algorithm'))) {
      setValue('algorithm', allowed[0] ?? 'SYMMETRIC_DEFAULT');
    }
    if (isSubmitted) void trigger();
  }, [key, getValues, setValue, trigger, isSubmitted]);

  const allowed = algorithmsForKey(key);
  const offered = allowed.length > 0 ? allowed : ENCRYPTION_ALGORITHMS;
  const limit = plainTextLimitForKey(key, algorithm);
  const bytes = utf8ByteLength(plainText);
  const showContext = contextAllowed(algorithm);

  // The button is not disabled while a request is out (see busy), so this keeps a second
  // press from sending a second encryption.
  const inFlight = useRef(false);
  const busy = useDelayedFlag(encrypt.isPending, BUSY_INDICATOR_DELAY_MS);

  const onSubmit = handleSubmit(async (values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const request = toEncryptRequest(values);
    onEncrypting?.();
    const response = await encrypt.mutateAsync(request).catch(() => undefined);
    inFlight.current = false;
    if (!response) return;
    onEncrypted(
      {
        createdAt: new Date().toISOString(),
        keyId: response.key_id || values.keyId,
        ...(key?.key_alias ? { keyAlias: key.key_alias } : {}),
        ...(key ? { keySpec: key.key_spec } : {}),
        algorithm: values.algorithm,
        encryptionContext: request.encryption_context ?? pairsToContext([]),
        cipherText: response.cipher_text,
      },
      values,
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('encrypt.formLabel')}>
      <Stack gap="lg">
        <Controller
          control={control}
          name="keyId"
          render={({ field, fieldState }) => (
            <KeyPicker
              label={t('encrypt.keyId')}
              required
              value={field.value}
              inputRef={field.ref}
              onBlur={field.onBlur}
              onChange={(next) => {
                field.onChange(next);
                // Choosing a listed key picks the first algorithm its spec takes.
                const picked = lookup.keys.find((candidate) => candidate.key_id === next);
                const first = picked ? algorithmsForKey(picked)[0] : undefined;
                if (first) setValue('algorithm', first);
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
              onChange={(event) =>
                field.onChange(event.currentTarget.value as EncryptFormValues['algorithm'])
              }
              onBlur={field.onBlur}
              label={t('encrypt.algorithm')}
              description={
                key
                  ? t('encrypt.algorithmForSpec', { spec: key.key_spec })
                  : t('encrypt.algorithmAll')
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={offered.map((value) => ({ value, label: t(`algorithm.${value}`) }))}
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
              description={t('context.encryptDescription')}
              errors={formState.errors.contextPairs}
            />
          )}
        />
        <Textarea
          label={t('encrypt.plainText')}
          required
          rows={4}
          classNames={{ input: growingText.text }}
          description={
            <span className={bytes > limit ? tone.danger : undefined}>
              {t('encrypt.byteCounter', { bytes, limit })}
            </span>
          }
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={
            formState.errors.plainText?.message ? tm(formState.errors.plainText.message) : undefined
          }
          autoComplete="off"
          spellCheck={false}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
          {...register('plainText')}
        />
        {encrypt.error && <KmsErrorAlert title={t('encrypt.failed')} error={encrypt.error} />}
        <Group justify="space-between" align="center">
          <Text size="xs" c="dimmed">
            {t('encrypt.submitHint')}
          </Text>
          <Button type="submit" size="md" leftSection={<LockIcon />} loading={busy}>
            {t('encrypt.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
});
