import { useCallback, useRef, useState } from 'react';
import type { EnvelopeHeaderInfo } from '../../../shared/envelope';
import type { FileJob, FileJobResult } from '../model/envelope-file';
import { progressOf, type Progress } from '../model/progress';
import { workerPool } from '../model/worker-pool';
import { chooseSaveTarget } from './save-target';

export interface FinishedFile {
  /** The output's name: `<name>.kmsenc`, or the original name back. */
  name: string;
  /** The input's size in bytes. */
  inputSize: number;
  seconds: number;
  header: EnvelopeHeaderInfo;
  /** For the download button; undefined when it was streamed to disk. */
  blob?: Blob;
  savedAs?: string;
}

export type FileJobState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: Progress }
  | { phase: 'done'; file: FinishedFile }
  | { phase: 'failed'; error: unknown };

/** Marks for bench/envelope.ts: from the button press to the output ready to download. */
export const JOB_MARKS = { start: 'kms-file-job-start', end: 'kms-file-job-end' } as const;

/**
 * One file encryption or decryption at a time: where the output goes, progress with MiB/s, and
 * the finished output (offered only once the whole stream succeeded).
 */
export function useFileJob() {
  const [state, setState] = useState<FileJobState>({ phase: 'idle' });
  const running = useRef(false);

  const run = useCallback(
    async (
      input: File,
      outputName: string,
      work: (job: FileJob) => Promise<FileJobResult>,
    ): Promise<FinishedFile | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      try {
        performance.mark(JOB_MARKS.start);
        const target = await chooseSaveTarget(outputName);
        if (!target) return undefined;
        const started = performance.now();
        const report = (bytes: number) =>
          setState({
            phase: 'running',
            progress: progressOf(bytes, input.size, performance.now() - started),
          });
        report(0);
        const result = await work({
          input,
          sink: target.sink,
          onProgress: report,
          pool: workerPool(),
        });
        performance.mark(JOB_MARKS.end);
        const file: FinishedFile = {
          name: outputName,
          inputSize: input.size,
          seconds: (performance.now() - started) / 1000,
          header: result.header,
          ...(result.output ? { blob: result.output } : {}),
          ...(target.savedAs !== undefined ? { savedAs: target.savedAs } : {}),
        };
        setState({ phase: 'done', file });
        return file;
      } catch (error) {
        setState({ phase: 'failed', error });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [],
  );

  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, run, reset };
}
