import { Alert, Loader, Paper, Stack } from '@mantine/core';
import { Suspense, useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { completeLoadedDictionaries, useI18n } from '../../../lib/i18n';
import { contextToPairs, PageHeader } from '../../../components';
import type { PublicConfig } from '../../../shared/console';
import type { EncryptDataRequest, KeyDetails } from '../../../shared/kms';
import {
  EncryptFilePanel,
  LongTextEnvelope,
  ModeSwitch,
  type InputMode,
  type LongTextRequest,
} from '../../files';
import { lastKeyId, rememberLastKey } from '../../keys';
import { useEncryptData } from '../api/encrypt-data';
import { EMPTY_ENCRYPT_FORM, type EncryptFormValues } from '../model/encrypt-form';
import { linkPrefillFromHash } from '../model/link-prefill';
import {
  encryptionResultOf,
  type EncryptPrefill,
  type EncryptionResult,
} from '../model/encryption-result';
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
  resultViewLoading ??= Promise.all([import('./EncryptResult'), completeLoadedDictionaries()]).then(
    ([module]) => (resultView = module.EncryptResult),
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
  /** Where the result's commands point; undefined while GET /api/config is pending. */
  config: PublicConfig | undefined;
  /** Called once per successful encryption, e.g. to record it in the history. */
  onEncrypted: (result: EncryptionResult) => void;
}

/** The encryption on screen, with the plaintext held in memory for Verify only. */
interface Shown {
  result: EncryptionResult;
  plainText: string;
}

/**
 * Where the form starts: a history entry's key, algorithm and context ("Reuse"); else a link's
 * key and algorithm; else the key last used in this browser. The algorithm of a key without
 * one follows the key once it is known.
 */
function initialValues(prefill: EncryptPrefill | undefined): EncryptFormValues {
  if (!prefill) {
    const link = linkPrefillFromHash(window.location.hash);
    return {
      ...EMPTY_ENCRYPT_FORM,
      keyId: link.keyId ?? lastKeyId(),
      ...(link.algorithm ? { algorithm: link.algorithm } : {}),
    };
  }
  return {
    keyId: prefill.keyId,
    algorithm: prefill.algorithm,
    contextPairs: contextToPairs(prefill.encryptionContext),
    plainText: '',
    label: '',
  };
}

export default function EncryptPage({ prefill, config, onEncrypted }: EncryptPageProps) {
  const { t } = useI18n();
  const [defaultValues] = useState(() => initialValues(prefill));
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const [viewFailed, setViewFailed] = useState(false);
  const [mode, setMode] = useState<InputMode>('text');
  const [longText, setLongText] = useState<LongTextRequest | undefined>(undefined);
  const ResultView = shown ? resultView : undefined;
  // The form hears that it is hidden in a render after the one that shows the result, so the
  // ciphertext's render is the result view's alone (the form is memoised, its props stable).
  const formHidden = useDeferredValue(shown !== undefined);
  const encrypt = useEncryptData();
  const { mutateAsync, reset: resetEncrypt } = encrypt;

  // Behind a result, the last call's answer is dropped with the form's plaintext.
  useEffect(() => {
    if (formHidden) resetEncrypt();
  }, [formHidden, resetEncrypt]);

  // The button is not disabled while a request is out (see EncryptForm's busy flag), so this
  // keeps a second press from sending a second encryption.
  const inFlight = useRef(false);

  const submit = useCallback(
    async (request: EncryptDataRequest, key: KeyDetails | undefined, label?: string) => {
      if (inFlight.current) return;
      inFlight.current = true;
      startLoadingResultView();
      const response = await mutateAsync(request).catch(() => undefined);
      inFlight.current = false;
      if (!response) return;
      const result = encryptionResultOf(request, response, key, label);
      rememberLastKey(result.keyId);
      // The ciphertext goes on screen first, in one synchronous render, and the history is
      // written after it.
      const showResult = () =>
        flushSync(() => {
          setViewFailed(false);
          setShown({ result, plainText: request.plain_text });
        });
      if (resultView) showResult();
      else loadResultView().then(showResult, () => setViewFailed(true));
      onEncrypted(result);
    },
    [mutateAsync, onEncrypted],
  );

  return (
    <Stack gap="lg">
      <PageHeader title={t('encrypt.title')} intro={t('encrypt.intro')} />
      <ModeSwitch value={mode} onChange={setMode} />
      {mode === 'file' && (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Suspense fallback={<Loader size="sm" />}>
            <EncryptFilePanel config={config} />
          </Suspense>
        </Paper>
      )}
      {/* The text form stays mounted in File mode, so switching back keeps what was typed. */}
      <Paper
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'lg' }}
        style={shown || longText || mode === 'file' ? { display: 'none' } : undefined}
      >
        <EncryptForm
          defaultValues={defaultValues}
          hidden={formHidden}
          pending={encrypt.isPending}
          error={encrypt.error}
          onEdit={encrypt.error ? resetEncrypt : undefined}
          onSubmit={submit}
          config={config}
          onEncryptAsEnvelope={setLongText}
        />
      </Paper>
      {mode === 'text' && longText && (
        <Suspense fallback={<Loader size="sm" />}>
          <LongTextEnvelope request={longText} onBack={() => setLongText(undefined)} />
        </Suspense>
      )}
      {mode === 'text' && viewFailed && (
        <Alert color="red" variant="light" role="alert" title={t('result.viewFailed')}>
          {t('result.viewFailedDetail')}
        </Alert>
      )}
      {mode === 'text' && shown && ResultView && (
        <ResultView
          result={shown.result}
          plainText={shown.plainText}
          config={config}
          // Back to the form with the same key, algorithm and context, ready for new text.
          onBack={() => setShown(undefined)}
        />
      )}
    </Stack>
  );
}
