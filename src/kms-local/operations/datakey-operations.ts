/**
 * The data-key operations (KMS-API-2.md §2): create-datakey, create-datakey-without-plaintext,
 * encrypt-datakey, decrypt-datakey. The key's kind decides how a DEK is wrapped and which
 * digest encrypt-datakey expects (key-kinds/); kinds that cannot wrap refuse there.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  compactHex,
  DATA_KEY_DIGEST_BYTES,
  decimalValue,
  KmsError,
  requestedDataKeyBits,
  type KmsRequest,
} from '../../shared/kms';
import type { Keystore } from '../keystore/keystore';
import { wrappingKey } from './key-rules';
import type { OperationContext, OperationGroup } from './operation-group';

type DataKeyOperation =
  'create-datakey' | 'create-datakey-without-plaintext' | 'encrypt-datakey' | 'decrypt-datakey';

const hex = (bytes: Buffer) => bytes.toString('hex').toUpperCase();

function boundData(request: KmsRequest<DataKeyOperation>) {
  return {
    encryptionContext: request.encryption_context,
    additionalAuthenticatedData: request.additional_authenticated_data,
  };
}

/** A fresh DEK wrapped under the CMK; the caller decides whether the plaintext goes out. */
function newDataKey(store: Keystore, request: KmsRequest<'create-datakey'>) {
  const [key, dataKeys] = wrappingKey(store, request.key_id);
  const dek = randomBytes(requestedDataKeyBits(request) / 8);
  const cipherText = dataKeys.wrap({ keyId: key.metadata.keyId, dek, ...boundData(request) });
  return { keyId: key.metadata.keyId, dek, cipherText: hex(cipherText) };
}

export function dataKeyOperations({ store }: OperationContext): OperationGroup<DataKeyOperation> {
  return {
    async 'create-datakey'(request) {
      const { keyId, dek, cipherText } = newDataKey(store, request);
      const plainText = hex(dek);
      dek.fill(0);
      return { key_id: keyId, plain_text: plainText, cipher_text: cipherText };
    },

    async 'create-datakey-without-plaintext'(request) {
      const { keyId, dek, cipherText } = newDataKey(store, request);
      dek.fill(0);
      return { key_id: keyId, cipher_text: cipherText };
    },

    async 'encrypt-datakey'(request) {
      const plain = Buffer.from(compactHex(request.plain_text), 'hex');
      const dekLength = decimalValue(request.datakey_plain_length);
      if (plain.length !== dekLength + DATA_KEY_DIGEST_BYTES) {
        throw new KmsError(
          'KMS.2104',
          `plain_text is ${plain.length} bytes; DEK ‖ digest of a ${dekLength}-byte DEK is ${dekLength + DATA_KEY_DIGEST_BYTES}.`,
        );
      }
      const [key, dataKeys] = wrappingKey(store, request.key_id);
      const dek = plain.subarray(0, dekLength);
      if (!timingSafeEqual(dataKeys.digest(dek), plain.subarray(dekLength))) {
        plain.fill(0);
        throw new KmsError('KMS.2103');
      }
      const cipherText = dataKeys.wrap({ keyId: key.metadata.keyId, dek, ...boundData(request) });
      plain.fill(0);
      return {
        key_id: key.metadata.keyId,
        cipher_text: hex(cipherText),
        datakey_length: String(dekLength),
      };
    },

    async 'decrypt-datakey'(request) {
      const blob = Buffer.from(request.cipher_text, 'hex');
      const [key, dataKeys] = wrappingKey(store, request.key_id);
      const dek = dataKeys.unwrap({
        keyId: key.metadata.keyId,
        blob,
        dekLength: decimalValue(request.datakey_cipher_length),
        ...boundData(request),
      });
      // Only SHA-256 is documented for datakey_dgst, whatever the CMK (KMS-API-2.md §2.1).
      const response = {
        data_key: hex(dek),
        datakey_length: String(dek.length),
        datakey_dgst: hex(createHash('sha256').update(dek).digest()),
      };
      dek.fill(0);
      return response;
    },
  };
}
