import { isArmoredEnvelope } from '../../../shared/envelope/armor';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Stack, Text, Textarea } from '@mantine/core';
import type { PublicConfig } from '../../../shared/console/config';
import type { DecryptDataRequest } from '../../../shared/kms';
import { FormSubmitRow, growingText, UnlockIcon } from '../../../components';
import { useI18n } from '../../../lib/i18n';
import {
  algorithmsForKey,
  isAsymmetricKey,
  KeyFormFields,
  useKeyForm,
  useOnEdit,
  type KeyFormRules,
} from '../../keys';
import {
  buildDecryptFormSchema,
  toDecryptRequest,
  type DecryptFormValues,
} from '../model/decrypt-form';
import type { FindInHistory } from '../model/decrypt-prefill';
import { PrefillNote } from './PrefillNote';
import { useCipherTextPrefill, type FilledFrom } from './use-cipher-text-prefill';

const DECRYPT_FORM_RULES: KeyFormRules<DecryptFormValues> = {
  resolverFor: (context) => zodResolver(buildDecryptFormSchema(context)),
  // Asymmetric ciphertext needs its algorithm: once such a key is known, offer its first one.
  algorithmForKnownKey: (key, current) => {
    if (!isAsymmetricKey(key)) return undefined;
    const allowed = algorithmsForKey(key);
    return current === '' || !allowed.includes(current) ? (allowed[0] ?? '') : undefined;
  },
  // Symmetric ciphertext needs no algorithm; asymmetric takes the spec's first.
  algorithmForPickedKey: (key) => (isAsymmetricKey(key) ? (algorithmsForKey(key)[0] ?? '') : ''),
};

export interface DecryptFormProps {
  defaultValues: DecryptFormValues;
  pending: boolean;
  onSubmit: (request: DecryptDataRequest) => void;
  /** A field changed: the last call's error is about inputs that are gone. */
  onEdit?: () => void;
  /** Finds a pasted ciphertext in the history, to fill in its key, algorithm and context. */
  findInHistory?: FindInHistory;
  /** Where the form's values came from when the page opened (a history entry). */
  initiallyFilledFrom?: FilledFrom;
  /** Where the key details panel links to. */
  config?: PublicConfig;
  /** An armored envelope (a long text, issue 11) was submitted instead of a ciphertext. */
  onSubmitEnvelope?: (armored: string) => void;
}

export function DecryptForm({
  defaultValues,
  pending,
  onSubmit,
  onEdit,
  findInHistory,
  initiallyFilledFrom,
  config,
  onSubmitEnvelope,
}: DecryptFormProps) {
  const { t, tm } = useI18n();
  const kit = useKeyForm(defaultValues, DECRYPT_FORM_RULES);
  const { handleSubmit, register, formState } = kit.form;
  useOnEdit(kit.form, onEdit);
  const filledFrom = useCipherTextPrefill(kit.form, findInHistory, initiallyFilledFrom);

  return (
    <form
      onSubmit={handleSubmit((values) =>
        onSubmitEnvelope && isArmoredEnvelope(values.cipherText)
          ? onSubmitEnvelope(values.cipherText)
          : onSubmit(toDecryptRequest(values)),
      )}
      noValidate
      aria-label={t('decrypt.formLabel')}
    >
      <Stack gap="lg">
        <Stack gap={4}>
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
          <PrefillNote filledFrom={filledFrom} />
        </Stack>
        {/* A standing hint, not news: role="note" rather than Alert's default "alert". */}
        <Alert role="note" variant="light" color="gray" title={t('decrypt.asymmetricTitle')}>
          <Text size="sm">{t('decrypt.asymmetricHint')}</Text>
        </Alert>
        <KeyFormFields
          kit={kit}
          config={config}
          keyLabel={t('decrypt.keyId')}
          algorithmLabel={t('decrypt.algorithm')}
          noAlgorithmLabel={t('decrypt.algorithmNotNeeded')}
          contextDescription={t('context.decryptDescription')}
        />
        <FormSubmitRow label={t('decrypt.submit')} icon={<UnlockIcon />} loading={pending} />
      </Stack>
    </form>
  );
}
