import { Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { consoleKeyring } from '../api/kms-keyring';
import { decryptFileToSink } from '../model/envelope-file';
import { decryptedFileName } from '../model/file-names';
import { FileDropZone } from './FileDropZone';
import { FileJobFooter } from './FileJobFooter';
import { useFilePanel } from './use-file-panel';
import { useFileText } from './use-file-text';

/**
 * File mode of the Decrypt page. The envelope names its key and context, so the file is all
 * it takes. Decrypted frames are held (in Blob parts, or the save picker's swap file) and
 * offered only once the envelope verified to its end: a changed, truncated or foreign file
 * yields nothing at all.
 */
export default function DecryptFilePanel() {
  const ft = useFileText();
  const { job, state, requireFile, done, dropZone } = useFilePanel('decrypt');

  const decrypt = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = requireFile();
    if (!file) return;
    void job.run(file, decryptedFileName(file.name), (fileJob) =>
      decryptFileToSink(fileJob, consoleKeyring()),
    );
  };

  if (done) return done;

  return (
    <form onSubmit={decrypt} noValidate aria-label={ft('fileMode.decrypt.formLabel')}>
      <Stack gap="lg">
        <FileDropZone
          label={ft('fileMode.decrypt.file')}
          hint={ft('fileMode.dropDecrypt')}
          {...dropZone}
        />
        <FileJobFooter direction="decrypt" state={state} />
      </Stack>
    </form>
  );
}
