import { describe, expect, it } from 'vitest';
import { EnvelopeError } from './errors';
import { createDecryptStream, createEncryptStream } from './web-streams';
import { collectBytes, expectEnvelopeError, patternBytes, testKeyring } from './test-helpers';

const FRAME = 4096;

function streamOf(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

async function* readAll(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
}

function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return collectBytes(readAll(stream));
}

describe('Web Streams adapters', () => {
  const keyring = testKeyring();

  it('encrypts and decrypts through pipeThrough, as File.stream() would feed them', async () => {
    const plaintext = patternBytes(10 * FRAME + 123);
    const encrypt = await createEncryptStream(keyring, {
      frameLength: FRAME,
      encryptionContext: { file: 'big.bin' },
    });
    expect(encrypt.header.encryptionContext).toEqual({ file: 'big.bin' });
    const envelope = await drain(streamOf(plaintext, 65_536).pipeThrough(encrypt));

    const decrypt = createDecryptStream(keyring);
    const decrypted = await drain(streamOf(envelope, 1000).pipeThrough(decrypt));
    expect(decrypted).toEqual(plaintext);
    const header = await decrypt.header;
    expect(header.authenticated).toBe(true);
    expect(header.headerFingerprint).toBe(encrypt.header.headerFingerprint);
  });

  it('errors the readable side, and the upstream pipe, when a frame was changed', async () => {
    const plaintext = patternBytes(40 * FRAME);
    const encrypt = await createEncryptStream(keyring, { frameLength: FRAME });
    const envelope = await drain(streamOf(plaintext, FRAME).pipeThrough(encrypt));
    // In the first frame, so the upstream is still writing when decryption fails.
    const target = encrypt.header.headerLength + 100;
    envelope[target] = (envelope[target] ?? 0) ^ 1;

    const decrypt = createDecryptStream(keyring);
    const source = streamOf(envelope, 512);
    const upstream = source.pipeTo(decrypt.writable);
    const error = await expectEnvelopeError(drain(decrypt.readable));
    expect(error.kind).toBe('frame-changed');
    await expect(upstream).rejects.toBeInstanceOf(EnvelopeError);
    await expect(decrypt.header).resolves.toMatchObject({ authenticated: true });
  });

  it('rejects the header promise when the header is not an envelope', async () => {
    const decrypt = createDecryptStream(keyring);
    const result = drain(
      streamOf(new TextEncoder().encode('plain text file'), 4).pipeThrough(decrypt),
    );
    expect((await expectEnvelopeError(result)).kind).toBe('not-an-envelope');
    expect((await expectEnvelopeError(decrypt.header)).kind).toBe('not-an-envelope');
  });

  it('rejects createEncryptStream before any plaintext is read when the keyring fails', async () => {
    const failing = {
      onEncrypt: () => Promise.reject(new Error('KMS.0209')),
      onDecrypt: () => Promise.reject(new Error('unused')),
    };
    const error = await expectEnvelopeError(createEncryptStream(failing));
    expect(error.kind).toBe('data-key-unavailable');
  });
});
