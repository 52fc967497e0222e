import { z } from 'zod/mini';
import { encryptionContextSchema, keyIdSchema } from '../kms';
import { fromHex, fromUtf8, toHex, utf8 } from './bytes';
import { DATA_KEY_LENGTH } from './constants';
import type { EncryptionContext } from './encryption-context';
import { EnvelopeError } from './errors';
import { sha256Hex } from './keys';
import type { EncryptedDataKey, Keyring } from './keyring';

/** Key provider id of the EDKs this keyring writes; provider info is the KMS key id (UTF-8). */
export const HUAWEI_KMS_PROVIDER_ID = 'huawei-kms';

export interface CreateDataKeyRequest {
  key_id: string;
  datakey_length: '256';
  encryption_context?: Record<string, string>;
}

export interface DecryptDataKeyRequest {
  key_id: string;
  cipher_text: string;
  /** Despite its name, the byte length of the plaintext data key (KMS-API-2.md §2.1). */
  datakey_cipher_length: '32';
  encryption_context?: Record<string, string>;
}

export interface DataKeyRequests {
  'create-datakey': CreateDataKeyRequest;
  'decrypt-datakey': DecryptDataKeyRequest;
}
export type DataKeyOperation = keyof DataKeyRequests;

/**
 * Sends one KMS request and resolves with the response body (throws on a KMS error). Injected,
 * so the keyring never does HTTP itself: the browser passes its console API client, the CLI
 * its own.
 */
export type CallKms = <Operation extends DataKeyOperation>(
  operation: Operation,
  body: DataKeyRequests[Operation],
) => Promise<unknown>;

const hexSchema = z.string().check(z.regex(/^(?:[0-9a-fA-F]{2})+$/, 'Expected hex.'));
const createDataKeyResponseSchema = z.object({ plain_text: hexSchema, cipher_text: hexSchema });
const decryptDataKeyResponseSchema = z.object({
  data_key: hexSchema,
  datakey_dgst: z.optional(hexSchema),
});

export interface KmsKeyringOptions {
  readonly callKms: CallKms;
  /** Required to encrypt. On decrypt, if set, only EDKs of this key are tried. */
  readonly keyId?: string;
}

function contextForKms(context: EncryptionContext): Record<string, string> | undefined {
  if (Object.keys(context).length === 0) return undefined;
  const parsed = encryptionContextSchema.safeParse(context);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Invalid encryption context.';
    throw new EnvelopeError('invalid-input', message);
  }
  // The validated input itself: zod's rebuilt copy would lose an own "__proto__" key.
  return { ...context };
}

function checkedKeyId(keyId: string): string {
  const parsed = keyIdSchema.safeParse(keyId);
  if (!parsed.success) {
    throw new EnvelopeError('invalid-input', parsed.error.issues[0]?.message ?? 'Bad key id.');
  }
  return parsed.data;
}

function dataKeyFromHex(hex: string): Uint8Array {
  const dataKey = fromHex(hex);
  if (dataKey.length !== DATA_KEY_LENGTH) {
    dataKey.fill(0);
    throw new Error(`KMS returned a ${dataKey.length}-byte data key, not ${DATA_KEY_LENGTH}.`);
  }
  return dataKey;
}

/** The KMS key ids of a header's Huawei KMS EDKs, to show which key will be asked. */
export function kmsKeyIdsOf(encryptedDataKeys: readonly EncryptedDataKey[]): string[] {
  return encryptedDataKeys
    .filter((edk) => edk.providerId === HUAWEI_KMS_PROVIDER_ID)
    .map((edk) => {
      try {
        return fromUtf8(edk.providerInfo);
      } catch {
        return '';
      }
    })
    .filter((keyId) => keyIdSchema.safeParse(keyId).success);
}

/**
 * A keyring over Huawei KMS data keys: `create-datakey` on encrypt, `decrypt-datakey` on
 * decrypt, with the envelope's encryption context passed to KMS as well.
 */
export function kmsKeyring(options: KmsKeyringOptions): Keyring {
  const { callKms } = options;
  const onlyKeyId = options.keyId === undefined ? undefined : checkedKeyId(options.keyId);

  const onEncrypt: Keyring['onEncrypt'] = async ({ encryptionContext }) => {
    if (onlyKeyId === undefined) {
      throw new EnvelopeError('invalid-input', 'Choose a KMS key to encrypt with.');
    }
    const kmsContext = contextForKms(encryptionContext);
    const response = createDataKeyResponseSchema.parse(
      await callKms('create-datakey', {
        key_id: onlyKeyId,
        datakey_length: '256',
        ...(kmsContext ? { encryption_context: kmsContext } : {}),
      }),
    );
    return {
      dataKey: dataKeyFromHex(response.plain_text),
      encryptedDataKeys: [
        {
          providerId: HUAWEI_KMS_PROVIDER_ID,
          providerInfo: utf8(onlyKeyId),
          encryptedDataKey: fromHex(response.cipher_text),
        },
      ],
    };
  };

  async function unwrap(
    keyId: string,
    edk: EncryptedDataKey,
    context: EncryptionContext,
  ): Promise<Uint8Array> {
    const kmsContext = contextForKms(context);
    const response = decryptDataKeyResponseSchema.parse(
      await callKms('decrypt-datakey', {
        key_id: keyId,
        cipher_text: toHex(edk.encryptedDataKey),
        datakey_cipher_length: '32',
        ...(kmsContext ? { encryption_context: kmsContext } : {}),
      }),
    );
    const dataKey = dataKeyFromHex(response.data_key);
    if (
      response.datakey_dgst !== undefined &&
      response.datakey_dgst.toLowerCase() !== (await sha256Hex(dataKey))
    ) {
      dataKey.fill(0);
      throw new Error('The data key from KMS does not match its digest.');
    }
    return dataKey;
  }

  const onDecrypt: Keyring['onDecrypt'] = async ({ encryptionContext, encryptedDataKeys }) => {
    const failures: unknown[] = [];
    const candidates = encryptedDataKeys.filter((edk) => edk.providerId === HUAWEI_KMS_PROVIDER_ID);
    for (const edk of candidates) {
      const [keyId] = kmsKeyIdsOf([edk]);
      if (keyId === undefined || (onlyKeyId !== undefined && keyId !== onlyKeyId)) continue;
      try {
        return await unwrap(keyId, edk, encryptionContext);
      } catch (error) {
        failures.push(error);
      }
    }
    // The KMS error of the last attempt is what the UI can explain (disabled key, no access).
    throw new EnvelopeError(
      'data-key-unwrap-failed',
      failures.length === 0
        ? 'The envelope holds no data key for this KMS key.'
        : 'KMS could not decrypt the data key.',
      { cause: failures.at(-1) },
    );
  };

  return { onEncrypt, onDecrypt };
}
