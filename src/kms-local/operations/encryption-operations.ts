/**
 * encrypt-data and decrypt-data. The key's kind decides how (key-kinds/): symmetric kinds seal
 * into the self-describing envelope, RSA and SM2 give the raw output the cloud gives, EC keys
 * refuse with KMS.1114.
 */
import { KmsError, type KmsRequest } from '../../shared/kms';
import { parseEnvelope } from '../crypto/envelope';
import { requireCapability, type KeyEncryption } from '../crypto/key-kinds';
import type { Keystore, StoredKey } from '../keystore/keystore';
import { requireKey, requireUsable, requireUsage } from './key-rules';
import type { OperationContext, OperationGroup } from './operation-group';
import { decodeCipherText, plainTextFields } from './plaintext-fields';

/** The checks encrypt and decrypt share, in the order the cloud applies them. */
function encryptionKey(store: Keystore, keyId: string): [StoredKey, KeyEncryption] {
  const key = requireKey(store, keyId);
  requireUsable(key);
  const encryption = requireCapability(key.capabilities.encryption);
  requireUsage(key, 'ENCRYPT_DECRYPT');
  return [key, encryption];
}

/** Symmetric ciphertext names its key; asymmetric ciphertext needs key_id. */
function decryptionKeyId(
  request: KmsRequest<'decrypt-data'>,
  envelopeKeyId: string | undefined,
): string {
  const algorithm = request.encryption_algorithm;
  const isSymmetricRequest = algorithm === undefined || algorithm === 'SYMMETRIC_DEFAULT';
  if (!isSymmetricRequest && request.key_id === undefined) {
    throw new KmsError('KMS.0204', 'key_id is required to decrypt asymmetric ciphertext.');
  }
  const keyId = request.key_id ?? envelopeKeyId;
  if (keyId === undefined) {
    throw new KmsError(
      'KMS.2201',
      'cipher_text is not a symmetric ciphertext; asymmetric ciphertext needs key_id and encryption_algorithm.',
    );
  }
  return keyId;
}

export function encryptionOperations({
  store,
}: OperationContext): OperationGroup<'encrypt-data' | 'decrypt-data'> {
  return {
    async 'encrypt-data'(request) {
      const [key, encryption] = encryptionKey(store, request.key_id);
      const ciphertext = encryption.encrypt({
        keyId: key.metadata.keyId,
        spec: key.metadata.spec,
        algorithm: request.encryption_algorithm ?? 'SYMMETRIC_DEFAULT',
        plaintext: Buffer.from(request.plain_text, 'utf8'),
        encryptionContext: request.encryption_context,
        additionalAuthenticatedData: request.additional_authenticated_data,
      });
      return { key_id: key.metadata.keyId, cipher_text: ciphertext.toString('base64') };
    },

    async 'decrypt-data'(request) {
      const ciphertext = decodeCipherText(request.cipher_text);
      const envelope = parseEnvelope(ciphertext);
      const [key, encryption] = encryptionKey(
        store,
        decryptionKeyId(request, envelope?.header.keyId),
      );
      const plaintext = encryption.decrypt({
        keyId: key.metadata.keyId,
        spec: key.metadata.spec,
        algorithm: request.encryption_algorithm,
        ciphertext,
        envelope,
        encryptionContext: request.encryption_context,
        additionalAuthenticatedData: request.additional_authenticated_data,
      });
      return { key_id: key.metadata.keyId, ...plainTextFields(plaintext) };
    },
  };
}
