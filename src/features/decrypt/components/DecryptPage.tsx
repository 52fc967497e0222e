import { Paper, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n';
import { contextToPairs, KmsErrorAlert } from '../../ui';
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
      <Stack gap={4}>
        <Title order={1} tabIndex={-1} data-page-title>
          {t('decrypt.title')}
        </Title>
        <Text c="dimmed">{prefill ? t('decrypt.introPrefilled') : t('decrypt.intro')}</Text>
      </Stack>
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
