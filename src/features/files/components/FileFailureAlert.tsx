import { Alert, Stack } from '@mantine/core';
import { AlertIcon, KmsErrorAlert } from '../../../components';
import { fileFailureOf, kmsCauseOf } from '../model/file-failure';
import { useFileText } from './use-file-text';

/** Says which way a file (or armored text) failed, with the KMS error behind it if any. */
export function FileFailureAlert({ title, error }: { title: string; error: unknown }) {
  const ft = useFileText();
  const failure = fileFailureOf(error);
  const cause = kmsCauseOf(error);
  return (
    <Stack gap="xs">
      <Alert role="alert" color="red" variant="light" icon={<AlertIcon size={20} />} title={title}>
        {failure === 'generic'
          ? ft('fileMode.failure.generic', {
              message: error instanceof Error ? error.message : String(error),
            })
          : ft(`fileMode.failure.${failure}`)}
      </Alert>
      {cause && <KmsErrorAlert title={title} error={cause} />}
    </Stack>
  );
}
