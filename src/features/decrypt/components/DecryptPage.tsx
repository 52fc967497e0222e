import { Loader, Paper, Stack } from '@mantine/core';
import { Suspense, useState } from 'react';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { contextToPairs, KmsErrorAlert, PageHeader } from '../../../components';
import type { PublicConfig } from '../../../shared/console/config';
import { DecryptFilePanel, LongTextDecrypt, ModeSwitch, type InputMode } from '../../files';
import { useDecryptData } from '../api/decrypt-data';
import { EMPTY_DECRYPT_FORM, type DecryptFormValues } from '../model/decrypt-form';
import { decryptFailureCause, type DecryptFailureCause } from '../model/decrypt-failure';
import type { DecryptPrefill, FindInHistory } from '../model/decrypt-prefill';
import { DecryptForm } from './DecryptForm';
import { DecryptResult } from './DecryptResult';

export interface DecryptPageProps {
  prefill?: DecryptPrefill;
  /** The history's lookup by ciphertext: a pasted ciphertext found there fills the form. */
  findInHistory?: FindInHistory;
  config?: PublicConfig;
}

const FAILURE_TITLES: Record<DecryptFailureCause, MessageKey> = {
  asymmetricWithoutKey: 'decrypt.failedAsymmetricWithoutKey',
  missingContext: 'decrypt.failedMissingContext',
  contextDiffers: 'decrypt.failedContextDiffers',
  generic: 'decrypt.failed',
};

function initialValues(prefill: DecryptPrefill | undefined): DecryptFormValues {
  if (!prefill) return EMPTY_DECRYPT_FORM;
  return {
    cipherText: prefill.cipherText,
    keyId: prefill.keyId,
    algorithm: prefill.algorithm,
    contextPairs: contextToPairs(prefill.encryptionContext),
  };
}

export default function DecryptPage({ prefill, findInHistory, config }: DecryptPageProps) {
  const { t } = useI18n();
  const decrypt = useDecryptData();
  const [mode, setMode] = useState<InputMode>('text');
  const [armored, setArmored] = useState<string | undefined>(undefined);
  const failure =
    decrypt.error && decrypt.variables
      ? decryptFailureCause(
          decrypt.variables,
          (decrypt.error as Partial<{ code: string }>).code ?? undefined,
        )
      : 'generic';

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('decrypt.title')}
        intro={prefill ? t('decrypt.introPrefilled') : t('decrypt.intro')}
      />
      <ModeSwitch value={mode} onChange={setMode} />
      {mode === 'file' && (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Suspense fallback={<Loader size="sm" />}>
            <DecryptFilePanel />
          </Suspense>
        </Paper>
      )}
      <Paper
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'lg' }}
        style={mode === 'file' ? { display: 'none' } : undefined}
      >
        <DecryptForm
          defaultValues={initialValues(prefill)}
          pending={decrypt.isPending}
          findInHistory={findInHistory}
          initiallyFilledFrom={
            prefill ? { source: 'history', createdAt: prefill.createdAt } : undefined
          }
          config={config}
          onEdit={decrypt.error ? decrypt.reset : undefined}
          onSubmitEnvelope={(text) => {
            decrypt.reset();
            setArmored(text);
          }}
          onSubmit={(request) => {
            setArmored(undefined);
            decrypt.reset();
            decrypt.mutate(request);
          }}
        />
      </Paper>
      {mode === 'text' && decrypt.error && (
        <KmsErrorAlert title={t(FAILURE_TITLES[failure])} error={decrypt.error} />
      )}
      {mode === 'text' && armored !== undefined && (
        <Suspense fallback={<Loader size="sm" />}>
          <LongTextDecrypt key={armored} armored={armored} />
        </Suspense>
      )}
      {mode === 'text' && decrypt.data && (
        <DecryptResult key={decrypt.submittedAt} response={decrypt.data} />
      )}
    </Stack>
  );
}
