import { Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, startTransition, useState } from 'react';
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
const loadEncryptResult = () => import('./EncryptResult');
const EncryptResult = lazy(() =>
  loadEncryptResult().then((module) => ({ default: module.EncryptResult })),
);

export interface EncryptPageProps {
  /** Key, algorithm and context to start from ("Reuse" in the history). */
  prefill?: EncryptPrefill;
  /** Called once per successful encryption, e.g. to record it in the history. */
  onEncrypted: (result: EncryptionResult) => void;
}

type View =
  | { kind: 'form'; values: EncryptFormValues; generation: number }
  | { kind: 'result'; values: EncryptFormValues; result: EncryptionResult; generation: number };

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
  const [view, setView] = useState<View>(() => ({
    kind: 'form',
    values: initialValues(prefill),
    generation: 0,
  }));

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} tabIndex={-1} data-page-title>
          {t('encrypt.title')}
        </Title>
        <Text c="dimmed">{t('encrypt.intro')}</Text>
      </Stack>
      {view.kind === 'form' ? (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <EncryptForm
            key={view.generation}
            defaultValues={view.values}
            focusPlainText={view.generation > 0}
            onEncrypting={() => void loadEncryptResult()}
            onEncrypted={(result, values) => {
              onEncrypted(result);
              // A transition keeps the form on screen, rather than a loader, should the
              // result view's code still be on its way.
              startTransition(() =>
                setView({ kind: 'result', values, result, generation: view.generation + 1 }),
              );
            }}
          />
        </Paper>
      ) : (
        <EncryptResult
          result={view.result}
          plainText={view.values.plainText}
          config={config.data}
          onBack={() =>
            // Back to the form with the same key, algorithm and context, ready for new text.
            setView({
              kind: 'form',
              values: { ...view.values, plainText: '' },
              generation: view.generation + 1,
            })
          }
        />
      )}
    </Stack>
  );
}
