import { Alert, Code, Text } from '@mantine/core';
import { useI18n } from '../lib/i18n';
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

/**
 * Shows a failure the way an operator can act on it: the code as the service sent it, what it
 * means in plain words (in the chosen language), and the server's own text when it adds detail.
 */
export function KmsErrorAlert({
  title,
  error: failure,
}: {
  title: string;
  error: KmsErrorLike | Error;
}) {
  const { t, has } = useI18n();
  const error = asKmsErrorLike(failure);
  const explanationKey = `kmsError.${error.code}`;
  const explanation = has(explanationKey) ? t(explanationKey) : t('kmsError.unknown');
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
        {explanation}
      </Text>
      {error.message && (
        <Text size="sm" mt={6}>
          {t('error.serverSaid', { message: error.message })}
        </Text>
      )}
    </Alert>
  );
}
