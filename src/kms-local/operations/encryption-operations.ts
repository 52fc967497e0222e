/**
 * encrypt-data and decrypt-data. The key's kind decides how (key-kinds/): symmetric kinds seal
 * into the self-describing envelope, RSA and SM2 give the raw output the cloud gives, EC keys
 * refuse with KMS.1114.
 */
import { parseEnvelope } from '../crypto/envelope';
import { ciphertextKeyId, encryptionKey } from './key-rules';
import type { OperationContext, OperationGroup } from './operation-group';
import { decodeCipherText, plainTextFields } from './plaintext-fields';

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
      const keyId = ciphertextKeyId(
        {
          algorithm: request.encryption_algorithm,
          keyId: request.key_id,
          asymmetricNeeds: 'key_id and encryption_algorithm',
        },
        envelope?.header.keyId,
      );
      const [key, encryption] = encryptionKey(store, keyId);
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
