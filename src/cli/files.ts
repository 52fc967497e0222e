/**
 * The command line's file jobs: the envelope format of src/shared/envelope over positional
 * file reads, node:crypto and an output that appears only once complete and on disk.
 */
import { open } from 'node:fs/promises';
import { openEnvelope } from '../shared/envelope/decrypt';
import { prepareEncryption } from '../shared/envelope/encrypt';
import type { EncryptionContext } from '../shared/envelope/encryption-context';
import type { EnvelopeHeaderInfo } from '../shared/envelope/header-info';
import type { Keyring } from '../shared/envelope/keyring';
import { fileReader, openAtomicOutput, type AtomicOutput } from './file-io';
import { deriveNodeKeys } from './node-cipher';

export interface FileJob {
  readonly inPath: string;
  readonly outPath: string;
  readonly keyring: Keyring;
  /** Replace an existing output; by default that is an EEXIST error. */
  readonly overwrite: boolean;
}

async function writeAll(output: AtomicOutput, chunks: AsyncIterable<Uint8Array>) {
  try {
    for await (const chunk of chunks) await output.write(chunk);
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
}

/** The data key first: a KMS refusal must leave no file behind. */
export async function encryptFile(
  job: FileJob,
  encryptionContext: EncryptionContext,
): Promise<EnvelopeHeaderInfo> {
  const input = await open(job.inPath, 'r');
  try {
    const prepared = await prepareEncryption(job.keyring, {
      encryptionContext,
      deriveMessageKeys: deriveNodeKeys,
    });
    const output = await openAtomicOutput(job.outPath, job.overwrite);
    await writeAll(
      output,
      (async function* () {
        yield prepared.header;
        yield* prepared.frames(fileReader(input));
      })(),
    );
    return prepared.headerInfo;
  } finally {
    await input.close();
  }
}

/**
 * The output is created only once the header verified, and appears under `outPath` only if
 * every frame verified and the envelope ended exactly after its final frame.
 */
export async function decryptFile(job: FileJob): Promise<EnvelopeHeaderInfo> {
  const input = await open(job.inPath, 'r');
  try {
    const opened = await openEnvelope(fileReader(input), job.keyring, {
      deriveMessageKeys: deriveNodeKeys,
    });
    await writeAll(await openAtomicOutput(job.outPath, job.overwrite), opened.plaintext);
    return opened.header;
  } finally {
    await input.close();
  }
}
