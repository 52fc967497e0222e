import { Paper, Stack } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';
import { contextToPairs, KmsErrorAlert, PageHeader } from '../../../components';
import { useDecryptData } from '../api/decrypt-data';
import { EMPTY_DECRYPT_FORM, type DecryptFormValues } from '../model/decrypt-form';
import type { DecryptPrefill } from '../model/decrypt-prefill';
import { DecryptForm } from './DecryptForm';
import { DecryptResult } from './DecryptResult';

export interface DecryptPageProps {
  prefill?: DecryptPrefill;
}

function initialValues(prefill: DecryptPrefill | undefined): DecryptFormValues {
  if (!prefill) return EMPTY_DECRYPT_FORM;
  return {
    cipherText: prefill.cipherText,
    keyId: prefill.keyId,
    algorithm: prefill.algorithm,
    contextPairs: contextToPairs(prefill.encryptionContext),
  };
}

export default function DecryptPage({ prefill }: DecryptPageProps) {
  const { t } = useI18n();
  const decrypt = useDecryptData();

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('decrypt.title')}
        intro={prefill ? t('decrypt.introPrefilled') : t('decrypt.intro')}
      />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <DecryptForm
          defaultValues={initialValues(prefill)}
          pending={decrypt.isPending}
          onSubmit={(request) => {
            decrypt.reset();
            decrypt.mutate(request);
          }}
        />
      </Paper>
      {decrypt.error && <KmsErrorAlert title={t('decrypt.failed')} error={decrypt.error} />}
      {decrypt.data && <DecryptResult key={decrypt.submittedAt} response={decrypt.data} />}
    </Stack>
  );
}
