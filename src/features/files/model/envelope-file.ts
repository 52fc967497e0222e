import {
  createDecryptStream,
  createEncryptStream,
  type EncryptionContext,
  type EnvelopeHeaderInfo,
  type Keyring,
} from '../../../shared/envelope';
import { countingStream } from './progress';
import type { ByteSink } from './sinks';

export interface FileJob {
  /** The operator's file (a File is a Blob): read as a stream, never whole. */
  readonly input: Blob;
  readonly sink: ByteSink;
  /** Bytes of the input read so far. */
  readonly onProgress?: (bytesRead: number) => void;
}

export interface FileJobResult {
  readonly header: EnvelopeHeaderInfo;
  /** The output for the download button; undefined when it went straight to disk. */
  readonly output: Blob | undefined;
}

async function drain(readable: ReadableStream<Uint8Array>, sink: ByteSink): Promise<void> {
  const reader = readable.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    await sink.write(value);
  }
}

function inputStream(job: FileJob): ReadableStream<Uint8Array> {
  const stream = job.input.stream() as ReadableStream<Uint8Array>;
  return job.onProgress ? stream.pipeThrough(countingStream(job.onProgress)) : stream;
}

/** Runs `work`; on any failure the sink is discarded before the error goes on. */
async function committedOrDiscarded(sink: ByteSink, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    await sink.discard(error);
    throw error;
  }
  return sink.commit();
}

/**
 * File → envelope, in constant memory: the data key is asked for first (a refusal fails before
 * a byte is read), then the file streams through the frames into the sink.
 */
export async function encryptFileToSink(
  job: FileJob,
  keyring: Keyring,
  encryptionContext: EncryptionContext,
): Promise<FileJobResult> {
  const transform = await createEncryptStream(keyring, { encryptionContext });
  const output = await committedOrDiscarded(job.sink, () =>
    drain(inputStream(job).pipeThrough(transform), job.sink),
  );
  return { header: transform.header, output };
}

/**
 * Envelope → file. The sink sees verified frames only, and the output exists for the operator
 * only once the envelope ended exactly after its final frame; otherwise it is discarded.
 */
export async function decryptFileToSink(job: FileJob, keyring: Keyring): Promise<FileJobResult> {
  const transform = createDecryptStream(keyring);
  const output = await committedOrDiscarded(job.sink, () =>
    drain(inputStream(job).pipeThrough(transform), job.sink),
  );
  return { header: await transform.header, output };
}
