import { Alert, Code, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useCompleteMessages, useI18n } from '../lib/i18n';
import { AlertIcon } from './icons';

/** What any failed call carries: the KMS error shape, or a client-side code. */
export interface KmsErrorLike {
  code: string;
  message: string;
  status?: number;
}

/**
 * A failed call's error as the alert shows it: the server's or client's code when it has one
 * (the console's ApiError), otherwise a network failure with the browser's own message.
 */
function asKmsErrorLike(error: KmsErrorLike | Error): KmsErrorLike {
  const { code } = error as { code?: unknown };
  return typeof code === 'string'
    ? (error as KmsErrorLike)
    : { code: 'CLIENT.NETWORK', message: error.message };
}

/** Which service's own words a code carries: the KMS's, or the console server's. */
function sourceOf(code: string): 'kms' | 'console' | 'client' {
  if (code.startsWith('CONSOLE.')) return 'console';
  if (code.startsWith('CLIENT.')) return 'client';
  return 'kms';
}

/**
 * Shows a failure the way an operator can act on it: the code as the service sent it, what it
 * means in plain words (in the chosen language), and the service's own text (English, as the
 * KMS sends it) as a secondary detail. A code this console cannot explain has only the
 * service's text, which is then the explanation.
 */
export function KmsErrorAlert(props: { title: string; error: KmsErrorLike | Error }) {
  // The explanations are in the dictionary's second part: in the rare case an error comes back
  // before it, the alert waits for it rather than suspend the whole page.
  return (
    <Suspense fallback={null}>
      <ExplainedError {...props} />
    </Suspense>
  );
}

function ExplainedError({ title, error: failure }: { title: string; error: KmsErrorLike | Error }) {
  useCompleteMessages();
  const { t, has } = useI18n();
  const error = asKmsErrorLike(failure);
  const explanationKey = `kmsError.${error.code}`;
  const known = has(explanationKey);
  const detailLabel =
    sourceOf(error.code) === 'console' ? t('error.fromConsole') : t('error.fromKms');
  return (
    <Alert role="alert" color="red" variant="light" icon={<AlertIcon size={20} />} title={title}>
      <Text size="sm" fw={600}>
        <Code>{error.code}</Code>
        {error.status !== undefined && (
          <Text span size="sm" ml={6}>
            {t('error.httpStatus', { status: error.status })}
          </Text>
        )}
      </Text>
      <Text size="sm" mt={6}>
        {known ? t(explanationKey) : t('kmsError.unknown')}
      </Text>
      {error.message && (
        <Text size={known ? 'xs' : 'sm'} mt={6}>
          {detailLabel} <span lang="en">{error.message}</span>
        </Text>
      )}
    </Alert>
  );
}
