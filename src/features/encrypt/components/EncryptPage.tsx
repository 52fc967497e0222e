import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useDeferredValue, useState } from 'react';
import { flushSync } from 'react-dom';
import { useI18n } from '../../i18n';
import { useConfig } from '../../session';
import { contextToPairs } from '../../ui';
import { EMPTY_ENCRYPT_FORM, type EncryptFormValues } from '../model/encrypt-form';
import type { EncryptPrefill, EncryptionResult } from '../model/encryption-result';
import { EncryptForm } from './EncryptForm';

type ResultView = typeof import('./EncryptResult').EncryptResult;

/**
 * The result view is not part of the first view, so it is its own chunk (bench/page-weight.ts
 * holds the first load to its budget). Its download starts when Encrypt is pressed, alongside
 * the encrypt-data call, so it is normally there before the ciphertext is. It is held here
 * rather than behind React.lazy: a lazy component suspends on its first render even when its
 * code is already loaded, which in the synchronous render below showed the page's loader.
 */
let resultView: ResultView | undefined;
let resultViewLoading: Promise<ResultView> | undefined;

function loadResultView(): Promise<ResultView> {
  resultViewLoading ??= import('./EncryptResult').then(
    (module) => (resultView = module.EncryptResult),
    (error: unknown) => {
      resultViewLoading = undefined; // let the next encryption try again
      throw error;
    },
  );
  return resultViewLoading;
}

const startLoadingResultView = () => void loadResultView().catch(() => undefined);

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

export default function EncryptPage({ prefill, onEncrypted }: EncryptPageProps) {
  const { t } = useI18n();
  const config = useConfig();
  const [defaultValues] = useState(() => initialValues(prefill));
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const [viewFailed, setViewFailed] = useState(false);
  const ResultView = shown ? resultView : undefined;
  // The form hears that it is hidden in a render after the one that shows the result, so the
  // ciphertext's render is the result view's alone (the form is memoised, its props stable).
  const formHidden = useDeferredValue(shown !== undefined);

  const showEncryption = useCallback(
    (result: EncryptionResult, values: EncryptFormValues) => {
      // The ciphertext goes on screen first, in one synchronous render, and the history is
      // written after it.
      const showResult = () =>
        flushSync(() => {
          setViewFailed(false);
          setShown({ result, plainText: values.plainText });
        });
      if (resultView) showResult();
      else loadResultView().then(showResult, () => setViewFailed(true));
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
          onEncrypting={startLoadingResultView}
          onEncrypted={showEncryption}
        />
      </Paper>
      {viewFailed && (
        <Alert color="red" variant="light" role="alert" title={t('result.viewFailed')}>
          {t('result.viewFailedDetail')}
        </Alert>
      )}
      {shown && ResultView && (
        <ResultView
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
