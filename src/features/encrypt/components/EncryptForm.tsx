import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, Textarea } from '@mantine/core';
import { memo, useEffect, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { utf8ByteLength, type EncryptDataRequest, type KeyDetails } from '../../../shared/kms';
import {
  FormSubmitRow,
  growingText,
  KmsErrorAlert,
  LockIcon,
  tone,
  useDelayedFlag,
} from '../../../components';
import { useI18n } from '../../../lib/i18n';
import {
  algorithmsForKey,
  KeyFormFields,
  plainTextLimitForKey,
  useKeyForm,
  type KeyFormRules,
} from '../../keys';
import {
  buildEncryptFormSchema,
  toEncryptRequest,
  type EncryptFormValues,
} from '../model/encrypt-form';

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
  /** A valid request, with the key it names when the form knows it. */
  onSubmit: (request: EncryptDataRequest, key: KeyDetails | undefined) => void;
}

export const EncryptForm = memo(function EncryptForm({
  defaultValues,
  hidden = false,
  pending,
  error,
  onSubmit,
}: EncryptFormProps) {
  const { t, tm } = useI18n();
  const kit = useKeyForm(defaultValues, ENCRYPT_FORM_RULES);
  const { form, key } = kit;
  const { control, handleSubmit, getValues, register, formState, setFocus, reset } = form;

  // Hidden behind a result: drop the plaintext at once (after the result is on screen);
  // shown again: the next thing to type is the plaintext.
  const wasHidden = useRef(hidden);
  useEffect(() => {
    if (hidden === wasHidden.current) return;
    wasHidden.current = hidden;
    if (hidden) reset({ ...getValues(), plainText: '' });
    else setFocus('plainText');
  }, [hidden, reset, getValues, setFocus]);

  const algorithm = useWatch({ control, name: 'algorithm' });
  const plainText = useWatch({ control, name: 'plainText' });
  const limit = plainTextLimitForKey(key, algorithm);
  const bytes = utf8ByteLength(plainText);
  const busy = useDelayedFlag(pending, BUSY_INDICATOR_DELAY_MS);

  return (
    <form
      onSubmit={handleSubmit((values) => onSubmit(toEncryptRequest(values), key))}
      noValidate
      aria-label={t('encrypt.formLabel')}
    >
      <Stack gap="lg">
        <KeyFormFields
          kit={kit}
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
        {error && <KmsErrorAlert title={t('encrypt.failed')} error={error} />}
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
