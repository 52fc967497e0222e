// Shared by the envelope tests (not shipped): keyrings and a stand-in for the KMS data-key API.
import { concatBytes, fromHex, toHex } from './bytes';
import { EnvelopeError } from './errors';
import type { CallKms, DataKeyRequests } from './kms-keyring';
import type { Keyring } from './keyring';
import { rawAesKeyring } from './raw-aes-keyring';

export const WRAPPING_KEY = fromHex(
  '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
);

export function testKeyring(wrappingKey: Uint8Array = WRAPPING_KEY): Keyring {
  return rawAesKeyring({ keyNamespace: 'test', keyName: 'wrapping-key', wrappingKey });
}

/** A keyring that hands out one fixed data key and never checks anything (header tests). */
export function fixedDataKeyKeyring(dataKey: Uint8Array): Keyring {
  return {
    async onEncrypt() {
      return {
        dataKey: dataKey.slice(),
        encryptedDataKeys: [
          {
            providerId: 'fixed',
            providerInfo: new Uint8Array(0),
            encryptedDataKey: new Uint8Array(1),
          },
        ],
      };
    },
    async onDecrypt() {
      return dataKey.slice();
    },
  };
}

export async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) {
    yield bytes.slice(offset, offset + size);
  }
}

/** Every chunk of an async source, joined. */
export async function collectBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concatBytes(...parts);
}

export function patternBytes(length: number, seed = 0): Uint8Array {
  const out = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) out[index] = (index * 31 + seed) % 251;
  return out;
}

export async function expectEnvelopeError(promise: Promise<unknown>): Promise<EnvelopeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EnvelopeError) return error;
    throw new Error(`Expected an EnvelopeError, got ${String(error)}`, { cause: error });
  }
  throw new Error('Expected an EnvelopeError, but the promise resolved.');
}

export interface KmsCall {
  operation: keyof DataKeyRequests;
  body: DataKeyRequests[keyof DataKeyRequests];
}

export class FakeKmsError extends Error {
  constructor(readonly errorCode: string) {
    super(errorCode);
  }
}

/**
 * Stands in for Huawei KMS's data-key API with real AES-GCM: the "cipher_text" is the data key
 * wrapped under a master key with the key id and the canonical encryption context as AAD, so a
 * wrong key or context fails as it would at the cloud (KMS.2201-like).
 */
export function fakeDataKeyKms(keyIds: readonly string[]): { callKms: CallKms; calls: KmsCall[] } {
  const calls: KmsCall[] = [];
  const masterKey = globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const aad = (keyId: string, context: Record<string, string> | undefined) =>
    new TextEncoder().encode(
      JSON.stringify([keyId, Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))]),
    );

  const callKms: CallKms = async (operation, body) => {
    calls.push({ operation, body });
    if (!keyIds.includes(body.key_id)) throw new FakeKmsError('KMS.0207');
    if (operation === 'create-datakey') {
      const dataKey = globalThis.crypto.getRandomValues(new Uint8Array(32));
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
      const wrapped = await globalThis.crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: aad(body.key_id, body.encryption_context) },
        await masterKey,
        dataKey,
      );
      return {
        key_id: body.key_id,
        plain_text: toHex(dataKey).toUpperCase(),
        cipher_text: toHex(iv) + toHex(new Uint8Array(wrapped)),
      };
    }
    const request = body as DataKeyRequests['decrypt-datakey'];
    const blob = fromHex(request.cipher_text);
    try {
      const dataKey = new Uint8Array(
        await globalThis.crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: blob.slice(0, 12),
            additionalData: aad(request.key_id, request.encryption_context),
          },
          await masterKey,
          blob.slice(12),
        ),
      );
      const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', dataKey));
      return {
        data_key: toHex(dataKey).toUpperCase(),
        datakey_length: String(dataKey.length),
        datakey_dgst: toHex(digest).toUpperCase(),
      };
    } catch {
      throw new FakeKmsError('KMS.2201');
    }
  };
  return { callKms, calls };
}
