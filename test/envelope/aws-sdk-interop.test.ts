// Interop with the official AWS Encryption SDK for JavaScript (@aws-crypto/client-node): it
// decrypts our committed raw-AES vectors, and we decrypt what it encrypts with suite 0x0478.
// Both directions passing means our envelope is the published message format, not a lookalike.
import {
  AlgorithmSuiteIdentifier,
  buildClient,
  CommitmentPolicy,
  RawAesKeyringNode,
  RawAesWrappingSuiteIdentifier,
} from '@aws-crypto/client-node';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptBytes, encryptBytes, parseHeader, rawAesKeyring } from '../../src/shared/envelope';

const VECTOR_DIR = path.resolve(import.meta.dirname, '../../src/shared/envelope/vectors');

interface RawAesVector {
  name: string;
  encryptionContext: Record<string, string>;
  plaintextHex: string;
  envelopeHex: string;
  keyring: { type: string; keyNamespace: string; keyName: string; wrappingKeyHex: string };
}

const rawAesVectors: RawAesVector[] = readdirSync(VECTOR_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(path.join(VECTOR_DIR, file), 'utf8')) as RawAesVector)
  .filter((vector) => vector.keyring.type === 'raw-aes');

const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

function sdkKeyring(keyNamespace: string, keyName: string, wrappingKey: Uint8Array) {
  return new RawAesKeyringNode({
    keyNamespace,
    keyName,
    // The SDK wants a buffer of its own (Node's small Buffers share a pool).
    unencryptedMasterKey: new Uint8Array(wrappingKey),
    wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
  });
}

describe('the AWS Encryption SDK reads our envelopes', () => {
  it('has raw-AES vectors to read', () => {
    expect(rawAesVectors.length).toBeGreaterThanOrEqual(2);
  });

  it.each(rawAesVectors.map((vector) => [vector.name, vector] as const))(
    'decrypts vector %s to its plaintext and context',
    async (_name, vector) => {
      const { keyNamespace, keyName, wrappingKeyHex } = vector.keyring;
      const keyring = sdkKeyring(keyNamespace, keyName, Buffer.from(wrappingKeyHex, 'hex'));
      const { plaintext, messageHeader } = await decrypt(
        keyring,
        Buffer.from(vector.envelopeHex, 'hex'),
      );
      expect(Buffer.from(plaintext).toString('hex')).toBe(vector.plaintextHex);
      expect(messageHeader.suiteId).toBe(
        AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY,
      );
      expect(messageHeader.encryptionContext).toEqual(vector.encryptionContext);
    },
  );

  it('decrypts a fresh multi-frame envelope of ours', async () => {
    const wrappingKey = randomBytes(32);
    const plaintext = randomBytes(300_000);
    const envelope = await encryptBytes(
      rawAesKeyring({ keyNamespace: 'interop', keyName: 'ours', wrappingKey }),
      plaintext,
      { encryptionContext: { direction: 'ours-to-sdk' }, frameLength: 65_536 },
    );
    const { plaintext: read } = await decrypt(sdkKeyring('interop', 'ours', wrappingKey), envelope);
    expect(Buffer.compare(Buffer.from(read), plaintext)).toBe(0);
  });
});

describe('we read what the AWS Encryption SDK writes', () => {
  it('decrypts an SDK message of suite 0x0478 with the same raw AES key', async () => {
    const wrappingKey = randomBytes(32);
    const plaintext = randomBytes(100_000);
    const { result } = await encrypt(sdkKeyring('interop', 'sdk', wrappingKey), plaintext, {
      suiteId: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY,
      encryptionContext: { direction: 'sdk-to-ours', 'non-ascii': 'é🔐' },
      frameLength: 4096,
    });
    const header = await parseHeader(result);
    expect(header.suiteId).toBe(0x0478);
    expect(header.frameLength).toBe(4096);

    const read = await decryptBytes(
      rawAesKeyring({ keyNamespace: 'interop', keyName: 'sdk', wrappingKey }),
      result,
    );
    expect(Buffer.compare(Buffer.from(read.plaintext), plaintext)).toBe(0);
    expect(read.header.encryptionContext).toEqual({
      direction: 'sdk-to-ours',
      'non-ascii': 'é🔐',
    });
  });

  it('refuses an SDK message whose last byte was changed', async () => {
    const wrappingKey = randomBytes(32);
    const { result } = await encrypt(sdkKeyring('interop', 'sdk', wrappingKey), randomBytes(10), {
      suiteId: AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY,
    });
    result[result.length - 1] = (result[result.length - 1] ?? 0) ^ 1;
    await expect(
      decryptBytes(rawAesKeyring({ keyNamespace: 'interop', keyName: 'sdk', wrappingKey }), result),
    ).rejects.toMatchObject({ kind: 'frame-changed' });
  });
});
