import {
  blobReader,
  openEnvelope,
  prepareEncryption,
  type ByteReader,
  type DeriveMessageKeys,
  type EncryptionContext,
  type EnvelopeHeaderInfo,
  type Keyring,
} from '../../../shared/envelope';
import { fromHex } from '../../../shared/envelope/bytes';
import { deriveContentKey, webCryptoCipher } from '../../../shared/envelope/keys';
import { runBody, type BodyKeys, type RunPool } from './frame-runs';
import { countingReader } from './progress';
import type { ByteSink } from './sinks';

export interface FileJob {
  /** The operator's file (a File is a Blob): read by slices, never whole. */
  readonly input: Blob;
  readonly sink: ByteSink;
  /** Bytes of the input read so far. */
  readonly onProgress?: (bytesRead: number) => void;
  /** Threads for the frames (the panels' workers); without, one reader in this thread. */
  readonly pool?: RunPool;
}

export interface FileJobResult {
  readonly header: EnvelopeHeaderInfo;
  /** The output for the download button; undefined when it went straight to disk. */
  readonly output: Blob | undefined;
}

async function drain(chunks: AsyncIterable<Uint8Array>, sink: ByteSink): Promise<void> {
  for await (const chunk of chunks) await sink.write(chunk);
}

function inputReader(job: FileJob): ByteReader {
  const reader = blobReader(job.input);
  return job.onProgress ? countingReader(reader, job.onProgress) : reader;
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
 * The default WebCrypto derivation, keeping hold of the non-extractable content key so that
 * worker threads can be handed it (by structured clone, never as bytes).
 */
function keptContentKey() {
  let contentKey: CryptoKey | undefined;
  const derive: DeriveMessageKeys = async (dataKey, messageId, usage) => {
    const derived = await deriveContentKey(dataKey, messageId, usage);
    contentKey = derived.contentKey;
    return { cipher: webCryptoCipher(derived.contentKey), commitKey: derived.commitKey };
  };
  const keysOf = (op: BodyKeys['op'], header: EnvelopeHeaderInfo): BodyKeys => {
    if (!contentKey) throw new Error('No content key was derived.');
    const { frameLength } = header;
    return { op, key: contentKey, messageId: fromHex(header.messageId), frameLength };
  };
  return { derive, keysOf };
}

/**
 * File → envelope, in constant memory: the data key is asked for first (a refusal fails before
 * a byte is read), then the file goes through the frames into the sink.
 */
export async function encryptFileToSink(
  job: FileJob,
  keyring: Keyring,
  encryptionContext: EncryptionContext,
): Promise<FileJobResult> {
  const keys = keptContentKey();
  const prepared = await prepareEncryption(keyring, {
    encryptionContext,
    deriveMessageKeys: keys.derive,
  });
  const output = await committedOrDiscarded(job.sink, async () => {
    await job.sink.write(prepared.header);
    if (!job.pool) return drain(prepared.frames(inputReader(job)), job.sink);
    const bodyKeys = keys.keysOf('encrypt', prepared.headerInfo);
    return runBody(job.pool, bodyKeys, job.input, job.sink, job.onProgress);
  });
  return { header: prepared.headerInfo, output };
}

/**
 * Envelope → file. The sink sees verified frames only, and the output exists for the operator
 * only once the envelope ended exactly after its final frame; otherwise it is discarded.
 */
export async function decryptFileToSink(job: FileJob, keyring: Keyring): Promise<FileJobResult> {
  const keys = keptContentKey();
  let header: EnvelopeHeaderInfo | undefined;
  const output = await committedOrDiscarded(job.sink, async () => {
    const opened = await openEnvelope(inputReader(job), keyring, {
      deriveMessageKeys: keys.derive,
    });
    header = opened.header;
    if (!job.pool) return drain(opened.plaintext, job.sink);
    const body = job.input.slice(header.headerLength);
    const offset = header.headerLength;
    const onProgress = job.onProgress && ((bytes: number) => job.onProgress?.(offset + bytes));
    return runBody(job.pool, keys.keysOf('decrypt', header), body, job.sink, onProgress);
  });
  if (!header) throw new Error('The decryption ended without a verified header.');
  return { header, output };
}
