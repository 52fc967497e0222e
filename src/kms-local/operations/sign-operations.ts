/**
 * sign and verify (KMS-API-2.md §3.2). The key's kind decides which algorithms it takes and
 * how it signs (key-kinds/); symmetric and HMAC kinds refuse there with their own codes.
 */
import type { KmsRequest } from '../../shared/kms';
import type { KeySigning, SignatureRequest } from '../crypto/key-kinds';
import type { Keystore, StoredKey } from '../keystore/keystore';
import { capableKey } from './key-rules';
import type { OperationContext, OperationGroup } from './operation-group';

/** The checks sign and verify share: the key exists, is enabled, signs, and is for signing. */
function signingKey(store: Keystore, keyId: string): [StoredKey, KeySigning] {
  return capableKey(store, keyId, (can) => can.signing, {
    required: 'SIGN_VERIFY',
    refusal: ['KMS.0334', 'The key usage is ENCRYPT_DECRYPT: it cannot sign or verify.'],
  });
}

function signatureRequest(key: StoredKey, request: KmsRequest<'sign'>): SignatureRequest {
  return {
    spec: key.metadata.spec,
    algorithm: request.signing_algorithm,
    messageType: request.message_type ?? 'DIGEST',
    message: Buffer.from(request.message, 'base64'),
  };
}

export function signOperations({ store }: OperationContext): OperationGroup<'sign' | 'verify'> {
  return {
    async sign(request) {
      const [key, signing] = signingKey(store, request.key_id);
      const signature = signing.sign(signatureRequest(key, request));
      return { key_id: key.metadata.keyId, signature: signature.toString('base64') };
    },

    async verify(request) {
      const [key, signing] = signingKey(store, request.key_id);
      const valid = signing.verify(
        signatureRequest(key, request),
        Buffer.from(request.signature, 'base64'),
      );
      return { key_id: key.metadata.keyId, signature_valid: valid ? 'true' : 'false' };
    },
  };
}
