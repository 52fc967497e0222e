import { describe, expect, it } from 'vitest';
import { decryptBytes, encryptBytes } from './bytes-api';
import { IV_LENGTH, SEQUENCE_NUMBER_END, TAG_LENGTH } from './constants';
import { decryptMessage, openEnvelope } from './decrypt';
import { encryptMessage } from './encrypt';
import { parseHeader } from './header-info';
import {
  chunksOf,
  collectBytes as collect,
  expectEnvelopeError,
  fixedDataKeyKeyring,
  patternBytes,
  testKeyring,
} from './test-helpers';

const FRAME = 1024;
const REGULAR_OVERHEAD = 4 + IV_LENGTH + TAG_LENGTH;
const FINAL_OVERHEAD = 4 + 4 + IV_LENGTH + 4 + TAG_LENGTH;

describe('envelope round trip', () => {
  const keyring = testKeyring();
  const sizes = [0, 1, FRAME - 1, FRAME, FRAME + 1, 5 * FRAME + 3, 4 * FRAME];

  it.each(sizes)('encrypts and decrypts %i bytes with the layout of the spec', async (size) => {
    const plaintext = patternBytes(size);
    const envelope = await encryptBytes(keyring, plaintext, {
      frameLength: FRAME,
      encryptionContext: { purpose: 'round-trip', size: String(size) },
    });
    const header = await parseHeader(envelope);
    // Full frames are regular; the remainder (a full frame for exact multiples) is final.
    const regularFrames = size === 0 ? 0 : Math.ceil(size / FRAME) - 1;
    const finalLength = size - regularFrames * FRAME;
    expect(envelope.length).toBe(
      header.headerLength +
        regularFrames * (FRAME + REGULAR_OVERHEAD) +
        finalLength +
        FINAL_OVERHEAD,
    );
    const finalStart = header.headerLength + regularFrames * (FRAME + REGULAR_OVERHEAD);
    const view = new DataView(envelope.buffer, envelope.byteOffset);
    expect(view.getUint32(finalStart)).toBe(SEQUENCE_NUMBER_END);
    expect(view.getUint32(finalStart + 4)).toBe(regularFrames + 1);

    const { plaintext: decrypted, header: verified } = await decryptBytes(keyring, envelope);
    expect(decrypted).toEqual(plaintext);
    expect(verified.authenticated).toBe(true);
    expect(verified.encryptionContext).toEqual({ purpose: 'round-trip', size: String(size) });
    expect(verified.headerFingerprint).toBe(header.headerFingerprint);
  });

  it('gives the same result whatever the input and envelope chunk sizes', async () => {
    const plaintext = patternBytes(3 * FRAME + 17, 5);
    for (const inputChunk of [1, 7, FRAME, FRAME + 1, 10 * FRAME]) {
      const envelope = await collect(
        encryptMessage(chunksOf(plaintext, inputChunk), keyring, { frameLength: FRAME }),
      );
      for (const envelopeChunk of [1, 13, 4096]) {
        const decrypted = await collect(decryptMessage(chunksOf(envelope, envelopeChunk), keyring));
        expect(decrypted).toEqual(plaintext);
      }
    }
  });

  it('uses a fresh message id and data key for every envelope', async () => {
    const plaintext = patternBytes(100);
    const first = await parseHeader(await encryptBytes(keyring, plaintext));
    const second = await parseHeader(await encryptBytes(keyring, plaintext));
    expect(first.messageId).not.toBe(second.messageId);
    expect(first.headerFingerprint).not.toBe(second.headerFingerprint);
  });

  it('reports the verified header before any plaintext is read', async () => {
    const envelope = await encryptBytes(keyring, patternBytes(10), {
      encryptionContext: { file: 'a.txt' },
    });
    const opened = await openEnvelope(chunksOf(envelope, 64), keyring);
    expect(opened.header.encryptionContext).toEqual({ file: 'a.txt' });
    expect(opened.header.encryptedDataKeys[0]?.providerId).toBe('test');
    expect(await collect(opened.plaintext)).toEqual(patternBytes(10));
  });

  it('refuses invalid encrypt options', async () => {
    const plaintext = patternBytes(1);
    for (const frameLength of [0, -1, 1.5, 16 * 1024 * 1024 + 1]) {
      const error = await expectEnvelopeError(encryptBytes(keyring, plaintext, { frameLength }));
      expect(error.kind).toBe('invalid-input');
    }
    const reserved = await expectEnvelopeError(
      encryptBytes(keyring, plaintext, { encryptionContext: { 'aws-crypto-public-key': 'x' } }),
    );
    expect(reserved.kind).toBe('invalid-input');
    const huge = await expectEnvelopeError(
      encryptBytes(keyring, plaintext, { encryptionContext: { big: 'x'.repeat(70_000) } }),
    );
    expect(huge.kind).toBe('invalid-input');
  });

  it('says data-key-unavailable when the keyring cannot produce a data key', async () => {
    const failing = {
      onEncrypt: () => Promise.reject(new Error('KMS.0209 key disabled')),
      onDecrypt: () => Promise.reject(new Error('unused')),
    };
    const error = await expectEnvelopeError(encryptBytes(failing, patternBytes(1)));
    expect(error.kind).toBe('data-key-unavailable');
    expect((error.cause as Error).message).toContain('KMS.0209');
  });

  it('wipes the data key the keyring handed over', async () => {
    const dataKey = patternBytes(32, 9);
    const handedOver: Uint8Array[] = [];
    const keyring = fixedDataKeyKeyring(dataKey);
    const watching = {
      onEncrypt: async (request: Parameters<typeof keyring.onEncrypt>[0]) => {
        const materials = await keyring.onEncrypt(request);
        handedOver.push(materials.dataKey);
        return materials;
      },
      onDecrypt: async (request: Parameters<typeof keyring.onDecrypt>[0]) => {
        const key = await keyring.onDecrypt(request);
        handedOver.push(key);
        return key;
      },
    };
    const envelope = await encryptBytes(watching, patternBytes(50));
    await decryptBytes(watching, envelope);
    expect(handedOver).toHaveLength(2);
    for (const key of handedOver) expect(key.every((byte) => byte === 0)).toBe(true);
  });
});
