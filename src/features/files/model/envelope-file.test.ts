import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvelopeError, parseHeader, rawAesKeyring } from '../../../shared/envelope';
import { decryptFileToSink, encryptFileToSink } from './envelope-file';
import { blobSink, type ByteSink } from './sinks';

const keyring = rawAesKeyring({
  keyNamespace: 'files-test',
  keyName: 'file-key',
  wrappingKey: randomBytes(32),
});
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Test inputs are plain ArrayBuffer-backed arrays (no SharedArrayBuffer). */
const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
const bytesOf = async (blob: Blob | undefined) => new Uint8Array(await blob!.arrayBuffer());

/** A Blob sink that also says whether the output was committed or discarded. */
function watchedSink(): ByteSink & { outcome: 'open' | 'committed' | 'discarded' } {
  const inner = blobSink();
  const sink = {
    outcome: 'open' as 'open' | 'committed' | 'discarded',
    write: (chunk: Uint8Array) => inner.write(chunk),
    async commit() {
      sink.outcome = 'committed';
      return inner.commit();
    },
    async discard(reason: unknown) {
      sink.outcome = 'discarded';
      return inner.discard(reason);
    },
  };
  return sink;
}

async function encrypted(plaintext: Uint8Array, context = {}) {
  const result = await encryptFileToSink(
    { input: blobOf(plaintext), sink: blobSink() },
    keyring,
    context,
  );
  return { ...result, envelope: await bytesOf(result.output) };
}

describe('encryptFileToSink / decryptFileToSink', () => {
  it('round-trips a 3 MiB file through Web Streams, reporting progress to the end', async () => {
    const plaintext = randomBytes(3 * 1024 * 1024 + 5);
    const { header, envelope } = await encrypted(plaintext, { purpose: 'test' });
    expect(envelope.length).toBeGreaterThan(plaintext.length);
    expect((await parseHeader(envelope)).headerFingerprint).toBe(header.headerFingerprint);

    const counts: number[] = [];
    const sink = watchedSink();
    const decrypted = await decryptFileToSink(
      { input: new Blob([envelope]), sink, onProgress: (bytes) => counts.push(bytes) },
      keyring,
    );
    expect(sink.outcome).toBe('committed');
    expect(decrypted.header.encryptionContext).toEqual({ purpose: 'test' });
    expect(decrypted.header.headerFingerprint).toBe(header.headerFingerprint);
    expect(sha256(await bytesOf(decrypted.output))).toBe(sha256(plaintext));
    expect(counts.at(-1)).toBe(envelope.length);
  });

  it('encrypts an empty file into an envelope that decrypts to nothing', async () => {
    const { envelope } = await encrypted(new Uint8Array(0));
    const { output } = await decryptFileToSink(
      { input: new Blob([envelope]), sink: blobSink() },
      keyring,
    );
    expect(output?.size).toBe(0);
  });

  it.each([
    ['a flipped byte in a frame', 'frame-changed', (e: Uint8Array) => flip(e, e.length - 5000)],
    ['a truncated file', 'truncated', (e: Uint8Array) => e.subarray(0, e.length - 100)],
    ['a file that is no envelope', 'not-an-envelope', () => randomBytes(4096).fill(0x41, 0, 1)],
  ])('discards the output of %s (%s)', async (_name, kind, damage) => {
    const { envelope } = await encrypted(randomBytes(2 * 1024 * 1024 + 10));
    const sink = watchedSink();
    const failure = decryptFileToSink({ input: blobOf(damage(envelope)), sink }, keyring);
    await expect(failure).rejects.toBeInstanceOf(EnvelopeError);
    await expect(failure).rejects.toMatchObject({ kind });
    expect(sink.outcome).toBe('discarded');
  });

  it('asks for the data key before reading the file, and writes nothing on refusal', async () => {
    const sink = watchedSink();
    let reads = 0;
    const input = new Blob([randomBytes(10)]);
    const counted = { stream: () => (reads++, input.stream()) } as unknown as Blob;
    await expect(
      encryptFileToSink(
        { input: counted, sink },
        {
          onEncrypt: () => Promise.reject(new Error('KMS.0209')),
          onDecrypt: () => Promise.reject(new Error('unused')),
        },
        {},
      ),
    ).rejects.toMatchObject({ kind: 'data-key-unavailable' });
    expect(reads).toBe(0);
    expect(sink.outcome).toBe('open');
  });
});

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}
