import { Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { consoleKeyring } from '../api/kms-keyring';
import { decryptFileToSink } from '../model/envelope-file';
import { decryptedFileName } from '../model/file-names';
import { FileDone } from './FileDone';
import { FileDropZone } from './FileDropZone';
import { FileJobFooter } from './FileJobFooter';
import { useFileJob } from './use-file-job';
import { useFileText } from './use-file-text';

/**
 * File mode of the Decrypt page. The envelope names its key and context, so the file is all
 * it takes. Decrypted frames are held (in Blob parts, or the save picker's swap file) and
 * offered only once the envelope verified to its end: a changed, truncated or foreign file
 * yields nothing at all.
 */
export default function DecryptFilePanel() {
  const ft = useFileText();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [fileMissing, setFileMissing] = useState(false);
  const job = useFileJob();
  const { state } = job;
  const running = state.phase === 'running';

  const decrypt = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setFileMissing(true);
      return;
    }
    void job.run(file, decryptedFileName(file.name), (fileJob) =>
      decryptFileToSink(fileJob, consoleKeyring()),
    );
  };

  if (state.phase === 'done') {
    return (
      <FileDone
        direction="decrypt"
        input={file}
        file={state.file}
        onAnother={() => {
          setFile(undefined);
          job.reset();
        }}
      />
    );
  }

  return (
    <form onSubmit={decrypt} noValidate aria-label={ft('fileMode.decrypt.formLabel')}>
      <Stack gap="lg">
        <FileDropZone
          label={ft('fileMode.decrypt.file')}
          hint={ft('fileMode.dropDecrypt')}
          file={file}
          disabled={running}
          onFile={(chosen) => {
            setFile(chosen);
            setFileMissing(false);
            if (state.phase === 'failed') job.reset();
          }}
          error={fileMissing ? ft('fileMode.fileRequired') : undefined}
        />
        <FileJobFooter direction="decrypt" state={state} />
      </Stack>
    </form>
  );
}
