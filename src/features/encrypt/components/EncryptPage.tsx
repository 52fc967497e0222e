import { Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, startTransition, useCallback, useDeferredValue, useState } from 'react';
import { flushSync } from 'react-dom';
import { useI18n } from '../../i18n';
import { useConfig } from '../../session';
import { contextToPairs } from '../../ui';
import { EMPTY_ENCRYPT_FORM, type EncryptFormValues } from '../model/encrypt-form';
import type { EncryptPrefill, EncryptionResult } from '../model/encryption-result';
import { EncryptForm } from './EncryptForm';

/**
 * The result view is not part of the first view, so it is its own chunk (bench/page-weight.ts
 * holds the first load to its budget). Its download starts when Encrypt is pressed, alongside
 * the encrypt-data call, so it is normally there before the ciphertext is.
 */
let encryptResultLoaded = false;
const loadEncryptResult = () =>
  import('./EncryptResult').then((module) => {
    encryptResultLoaded = true;
    return module;
  });
const EncryptResult = lazy(() =>
  loadEncryptResult().then((module) => ({ default: module.EncryptResult })),
);

export interface EncryptPageProps {
  /** Key, algorithm and context to start from ("Reuse" in the history). */
  prefill?: EncryptPrefill;
  /** Called once per successful encryption, e.g. to record it in the history. */
  onEncrypted: (result: EncryptionResult) => void;
}

/** The encryption on screen, with the plaintext held in memory for Verify only. */
interface Shown {
  result: EncryptionResult;
  plainText: string;
}

function initialValues(prefill: EncryptPrefill | undefined): EncryptFormValues {
  if (!prefill) return EMPTY_ENCRYPT_FORM;
  return {
    keyId: prefill.keyId,
    algorithm: prefill.algorithm,
    contextPairs: contextToPairs(prefill.encryptionContext),
    plainText: '',
  };
}

const startLoadingResult = () => void loadEncryptResult();

export default function EncryptPage({ prefill, onEncrypted }: EncryptPageProps) {
  const { t } = useI18n();
  const config = useConfig();
  const [defaultValues] = useState(() => initialValues(prefill));
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  // The form hears that it is hidden in a render after the one that shows the result, so the
  // ciphertext's render is the result view's alone (the form is memoised, its props stable).
  const formHidden = useDeferredValue(shown !== undefined);

  const showEncryption = useCallback(
    (result: EncryptionResult, values: EncryptFormValues) => {
      const showResult = () => setShown({ result, plainText: values.plainText });
      // The ciphertext goes on screen first, in one synchronous render, and the history is
      // written after it. Should the result view's code still be on its way, a transition
      // keeps the form on screen rather than a loader.
      if (encryptResultLoaded) flushSync(showResult);
      else startTransition(showResult);
      onEncrypted(result);
    },
    [onEncrypted],
  );

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} tabIndex={-1} data-page-title>
          {t('encrypt.title')}
        </Title>
        <Text c="dimmed">{t('encrypt.intro')}</Text>
      </Stack>
      <Paper
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'lg' }}
        style={shown ? { display: 'none' } : undefined}
      >
        <EncryptForm
          defaultValues={defaultValues}
          hidden={formHidden}
          onEncrypting={startLoadingResult}
          onEncrypted={showEncryption}
        />
      </Paper>
      {shown && (
        <EncryptResult
          result={shown.result}
          plainText={shown.plainText}
          config={config.data}
          // Back to the form with the same key, algorithm and context, ready for new text.
          onBack={() => setShown(undefined)}
        />
      )}
    </Stack>
  );
}
