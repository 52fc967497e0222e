import { useState, type ReactNode } from 'react';
import { FileDone } from './FileDone';
import type { FileDropZoneProps } from './FileDropZone';
import { useFileJob } from './use-file-job';
import { useFileText } from './use-file-text';

/**
 * What the Encrypt and Decrypt file panels share: the chosen file, the job, the drop zone's
 * state, and the finished view with its "another file" reset.
 */
export function useFilePanel(direction: 'encrypt' | 'decrypt') {
  const ft = useFileText();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [fileMissing, setFileMissing] = useState(false);
  const job = useFileJob();
  const { state } = job;

  /** The file to work on; undefined (and the drop zone says so) when none was chosen. */
  const requireFile = (): File | undefined => {
    if (!file) setFileMissing(true);
    return file;
  };

  const done: ReactNode =
    state.phase === 'done' ? (
      <FileDone
        direction={direction}
        input={file}
        file={state.file}
        onAnother={() => {
          setFile(undefined);
          job.reset();
        }}
      />
    ) : undefined;

  const dropZone: Omit<FileDropZoneProps, 'label' | 'hint'> = {
    file,
    disabled: state.phase === 'running',
    onFile: (chosen) => {
      setFile(chosen);
      setFileMissing(false);
      if (state.phase === 'failed') job.reset();
    },
    ...(fileMissing && { error: ft('fileMode.fileRequired') }),
  };

  return { job, state, requireFile, done, dropZone };
}
