import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, Textarea, TextInput } from '@mantine/core';
import { lazy, memo, Suspense, useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { PublicConfig } from '../../../shared/console/config';
import {
  PLAIN_TEXT_MAX_BYTES,
  utf8ByteLength,
  type EncryptDataRequest,
  type KeyDetails,
} from '../../../shared/kms';
import {
  FormSubmitRow,
  growingText,
  KmsErrorAlert,
  LockIcon,
  tone,
  useDelayedFlag,
} from '../../../components';
import { useI18n } from '../../../lib/i18n';
import { LongTextOffer, type LongTextRequest } from '../../files';
import {
  algorithmsForKey,
  contextField,
  KeyFormFields,
  plainTextLimitForKey,
  useKeyForm,
  useOnEdit,
  type KeyFormRules,
} from '../../keys';
import {
  buildEncryptFormSchema,
  ENCRYPT_LABEL_MAX_CHARS,
  isBlankPlainText,
  toEncryptRequest,
  type EncryptFormValues,
} from '../model/encrypt-form';

// Shown only for a whitespace-only plaintext: not part of the first load.
const BlankPlainTextWarning = lazy(() =>
  import('./BlankPlainTextWarning').then((module) => ({ default: module.BlankPlainTextWarning })),
);

/** A request slower than this shows the button's loader; a faster one would only flash it. */
const BUSY_INDICATOR_DELAY_MS = 200;

const ENCRYPT_FORM_RULES: KeyFormRules<EncryptFormValues> = {
  resolverFor: (context) => zodResolver(buildEncryptFormSchema(context)),
  // A key learnt later (describe-key) may not take the algorithm shown: take its first one.
  algorithmForKnownKey: (key, current) => {
    const allowed = algorithmsForKey(key);
    return allowed.length > 0 && (current === '' || !allowed.includes(current))
      ? allowed[0]
      : undefined;
  },
  // Choosing a listed key picks the first algorithm its spec takes.
  algorithmForPickedKey: (key) => algorithmsForKey(key)[0],
};

export interface EncryptFormProps {
  defaultValues: EncryptFormValues;
  /**
   * The result of an encryption is shown instead. The form stays mounted (tearing it down and
   * building it again was a visible share of the Encrypt → ciphertext time), but forgets the
   * plaintext; shown again, it is ready for the next one with the same key and context.
   */
  hidden?: boolean;
  /** The page's encrypt-data call is out. */
  pending: boolean;
  /** Why the last encrypt-data call failed, shown above the button. */
  error: Error | null;
  /** A field changed: the last call's error is about inputs that are gone. */
  onEdit?: () => void;
  /** A valid request, with the key it names when the form knows it. */
  onSubmit: (request: EncryptDataRequest, key: KeyDetails | undefined, label?: string) => void;
  /** Where the key details panel links to (the cloud console); undefined while loading. */
  config?: PublicConfig;
  /** A text over encrypt-data's limit, to encrypt as an envelope instead (issue 11). */
  onEncryptAsEnvelope?: (request: LongTextRequest) => void;
}

export const EncryptForm = memo(function EncryptForm({
  defaultValues,
  hidden = false,
  pending,
  error,
  onEdit,
  onSubmit,
  config,
  onEncryptAsEnvelope,
}: EncryptFormProps) {
  const { t, tm } = useI18n();
  const kit = useKeyForm(defaultValues, ENCRYPT_FORM_RULES);
  const { form, key } = kit;
  const { control, handleSubmit, getValues, register, formState, setFocus, reset } = form;
  // A whitespace-only plaintext waits here for the operator's confirmation (issue 13).
  const [blankRequest, setBlankRequest] = useState<EncryptDataRequest | undefined>(undefined);
  useOnEdit(form, () => {
    setBlankRequest(undefined);
    onEdit?.();
  });

  // Hidden behind a result: drop the plaintext at once (after the result is on screen), and
  // the label, which named that encryption;
  // shown again: the next thing to type is the plaintext.
  const wasHidden = useRef(hidden);
  useEffect(() => {
    if (hidden === wasHidden.current) return;
    wasHidden.current = hidden;
    if (hidden) reset({ ...getValues(), plainText: '', label: '' });
    else setFocus('plainText');
  }, [hidden, reset, getValues, setFocus]);

  const algorithm = useWatch({ control, name: 'algorithm' });
  const plainText = useWatch({ control, name: 'plainText' });
  const limit = plainTextLimitForKey(key, algorithm);
  const bytes = utf8ByteLength(plainText);
  const busy = useDelayedFlag(pending, BUSY_INDICATOR_DELAY_MS);

  return (
    <form
      onSubmit={handleSubmit((values) => {
        const request = toEncryptRequest(values);
        if (isBlankPlainText(values.plainText)) setBlankRequest(request);
        else onSubmit(request, key, values.label?.trim());
      })}
      noValidate
      aria-label={t('encrypt.formLabel')}
    >
      <Stack gap="lg">
        <KeyFormFields
          kit={kit}
          config={config}
          keyLabel={t('encrypt.keyId')}
          keyRequired
          algorithmLabel={t('encrypt.algorithm')}
          algorithmDescription={
            key ? t('encrypt.algorithmForSpec', { spec: key.key_spec }) : t('encrypt.algorithmAll')
          }
          contextDescription={t('context.encryptDescription')}
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
        <TextInput
          label={t('history.labelField')}
          description={t('history.labelHint')}
          maxLength={ENCRYPT_LABEL_MAX_CHARS}
          autoComplete="off"
          {...register('label')}
        />
        {onEncryptAsEnvelope &&
          bytes > PLAIN_TEXT_MAX_BYTES &&
          algorithm === 'SYMMETRIC_DEFAULT' && (
            <Suspense fallback={null}>
              <LongTextOffer
                bytes={bytes}
                limit={PLAIN_TEXT_MAX_BYTES}
                onEncrypt={async () => {
                  // The text is over the limit by design here: check only the key and context.
                  if (!(await form.trigger(['keyId', 'contextPairs']))) return;
                  const values = getValues();
                  onEncryptAsEnvelope({
                    keyId: values.keyId,
                    plainText: values.plainText,
                    encryptionContext: contextField(values).encryption_context ?? {},
                  });
                }}
              />
            </Suspense>
          )}
        {error && <KmsErrorAlert title={t('encrypt.failed')} error={error} />}
        {blankRequest && (
          <Suspense fallback={null}>
            <BlankPlainTextWarning
              onConfirm={() => {
                setBlankRequest(undefined);
                onSubmit(blankRequest, key, getValues('label')?.trim());
              }}
              onCancel={() => {
                setBlankRequest(undefined);
                setFocus('plainText');
              }}
            />
          </Suspense>
        )}
        <FormSubmitRow
          label={t('encrypt.submit')}
          icon={<LockIcon />}
          loading={busy}
          hint={t('encrypt.submitHint')}
        />
      </Stack>
    </form>
  );
});
