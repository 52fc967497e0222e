import type { HistoryItem } from '../../../shared/console/history';
import type { HistoryEntry } from './history-entry';

/** A team record in the shape the Decrypt and Reuse hand-overs take. */
export function entryOfItem(item: HistoryItem): HistoryEntry {
  return {
    id: item.id,
    createdAt: item.created_at,
    keyId: item.key_id,
    ...(item.key_alias !== null && { keyAlias: item.key_alias }),
    ...(item.key_spec !== null && { keySpec: item.key_spec }),
    algorithm: item.encryption_algorithm,
    encryptionContext: item.encryption_context,
    ...(item.cipher_text !== null && { cipherText: item.cipher_text }),
    ...(item.file !== null && { file: item.file }),
    ...(item.label !== null && { label: item.label }),
  };
}
