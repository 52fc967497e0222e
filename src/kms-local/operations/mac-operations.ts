/** generate-mac and verify-mac (KMS-API-2.md §3.3): HMAC keys only, with their own algorithm. */
import type { KeyMac } from '../crypto/key-kinds';
import type { Keystore, StoredKey } from '../keystore/keystore';
import { capableKey } from './key-rules';
import type { OperationContext, OperationGroup } from './operation-group';

function macKey(store: Keystore, keyId: string): [StoredKey, KeyMac] {
  return capableKey(store, keyId, (can) => can.mac, {
    required: 'GENERATE_VERIFY_MAC',
    refusal: ['KMS.0308', 'Only a key with usage GENERATE_VERIFY_MAC makes MACs.'],
  });
}

export function macOperations({
  store,
}: OperationContext): OperationGroup<'generate-mac' | 'verify-mac'> {
  return {
    async 'generate-mac'(request) {
      const [key, mac] = macKey(store, request.key_id);
      const value = mac.generate(request.mac_algorithm, Buffer.from(request.message, 'base64'));
      return {
        key_id: key.metadata.keyId,
        mac_algorithm: request.mac_algorithm,
        // Lower-case hex, as the documented examples show.
        mac: value.toString('hex'),
      };
    },

    async 'verify-mac'(request) {
      const [key, mac] = macKey(store, request.key_id);
      const valid = mac.verify(
        request.mac_algorithm,
        Buffer.from(request.message, 'base64'),
        Buffer.from(request.mac, 'hex'),
      );
      return { key_id: key.metadata.keyId, mac_algorithm: request.mac_algorithm, mac_valid: valid };
    },
  };
}
