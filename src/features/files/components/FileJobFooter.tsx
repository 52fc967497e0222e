import { Button } from '@mantine/core';
import { LockIcon, UnlockIcon } from '../../../components';
import { FileFailureAlert } from './FileFailureAlert';
import { FileProgress } from './FileProgress';
import type { FileJobState } from './use-file-job';
import { useFileText } from './use-file-text';

/** Under a file form: the running job's progress or its failure, then the submit button. */
export function FileJobFooter({
  direction,
  state,
}: {
  direction: 'encrypt' | 'decrypt';
  state: FileJobState;
}) {
  const ft = useFileText();
  return (
    <>
      {state.phase === 'running' && (
        <FileProgress
          label={ft(`fileMode.${direction}.progress` as const)}
          progress={state.progress}
        />
      )}
      {state.phase === 'failed' && (
        <FileFailureAlert title={ft(`fileMode.${direction}.failed` as const)} error={state.error} />
      )}
      <Button
        type="submit"
        leftSection={direction === 'encrypt' ? <LockIcon /> : <UnlockIcon />}
        loading={state.phase === 'running'}
        style={{ alignSelf: 'flex-start' }}
      >
        {ft(`fileMode.${direction}.submit` as const)}
      </Button>
    </>
  );
}
