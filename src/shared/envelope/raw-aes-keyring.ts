import { asBufferSource, concatBytes, fromUtf8, uint32BE, utf8 } from './bytes';
import { DATA_KEY_LENGTH, IV_LENGTH, TAG_LENGTH } from './constants';
import { serializeContextPairs, type EncryptionContext } from './encryption-context';
import { EnvelopeError } from './errors';
import type { EncryptedDataKey, Keyring } from './keyring';

export interface RawAesKeyringOptions {
  /** Written as the EDK's key provider id. */
  readonly keyNamespace: string;
  /** Written at the start of the EDK's provider info. */
  readonly keyName: string;
  /** An AES-GCM CryptoKey (usages encrypt/decrypt) or raw 16/24/32 bytes. */
  readonly wrappingKey: CryptoKey | Uint8Array;
  /** Tests and vectors only: fixes the data key and wrapping IV. */
  readonly randomBytes?: (length: number) => Uint8Array;
}

/**
 * The AWS Encryption SDK's raw AES keyring (spec framework/raw-aes-keyring.md): wraps the data
 * key under a local AES-GCM key. Used for tests, vectors and interop checks with the official
 * SDKs; production envelopes use the KMS keyring.
 */
export function rawAesKeyring(options: RawAesKeyringOptions): Keyring {
  const randomBytes =
    options.randomBytes ??
    ((length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length)));
  const keyName = utf8(options.keyName);
  const wrappingKey: Promise<CryptoKey> =
    options.wrappingKey instanceof Uint8Array
      ? globalThis.crypto.subtle.importKey(
          'raw',
          asBufferSource(options.wrappingKey),
          'AES-GCM',
          false,
          ['encrypt', 'decrypt'],
        )
      : Promise.resolve(options.wrappingKey);
  // Until someone awaits it, a failed import must not become an unhandled rejection.
  wrappingKey.catch(() => undefined);

  function gcm(iv: Uint8Array, context: EncryptionContext): AesGcmParams {
    return {
      name: 'AES-GCM',
      iv: asBufferSource(iv),
      additionalData: asBufferSource(serializeContextPairs(context)),
      tagLength: TAG_LENGTH * 8,
    };
  }

  const onEncrypt: Keyring['onEncrypt'] = async ({ encryptionContext }) => {
    const dataKey = randomBytes(DATA_KEY_LENGTH);
    const iv = randomBytes(IV_LENGTH);
    const wrapped = await globalThis.crypto.subtle.encrypt(
      gcm(iv, encryptionContext),
      await wrappingKey,
      asBufferSource(dataKey),
    );
    const providerInfo = concatBytes(keyName, uint32BE(TAG_LENGTH * 8), uint32BE(IV_LENGTH), iv);
    return {
      dataKey,
      encryptedDataKeys: [
        {
          providerId: options.keyNamespace,
          providerInfo,
          encryptedDataKey: new Uint8Array(wrapped),
        },
      ],
    };
  };

  function ivOf(edk: EncryptedDataKey): Uint8Array | undefined {
    const info = edk.providerInfo;
    const fixed = keyName.length + 8;
    if (edk.providerId !== options.keyNamespace || info.length !== fixed + IV_LENGTH) return;
    let name: string;
    try {
      name = fromUtf8(info.subarray(0, keyName.length));
    } catch {
      return;
    }
    const view = new DataView(info.buffer, info.byteOffset + keyName.length, 8);
    if (name !== options.keyName) return;
    if (view.getUint32(0, false) !== TAG_LENGTH * 8 || view.getUint32(4, false) !== IV_LENGTH)
      return;
    return info.subarray(fixed);
  }

  const onDecrypt: Keyring['onDecrypt'] = async ({ encryptionContext, encryptedDataKeys }) => {
    for (const edk of encryptedDataKeys) {
      const iv = ivOf(edk);
      if (!iv || edk.encryptedDataKey.length !== DATA_KEY_LENGTH + TAG_LENGTH) continue;
      try {
        const dataKey = await globalThis.crypto.subtle.decrypt(
          gcm(iv, encryptionContext),
          await wrappingKey,
          asBufferSource(edk.encryptedDataKey),
        );
        return new Uint8Array(dataKey);
      } catch {
        // Another EDK may still be ours; the spec says try each in turn.
      }
    }
    throw new EnvelopeError('data-key-unwrap-failed', 'No data key could be unwrapped.');
  };

  return { onEncrypt, onDecrypt };
}
