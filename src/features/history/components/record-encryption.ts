import type { EncryptionAlgorithm, EncryptionContext, KeySpec } from '../../../shared/kms';
import { historyEntrySchema, newEntryId } from '../model/history-entry';
import { historyStore } from './history-store-instance';
import { shareWithTeam } from './team-share';

/** What the encrypt page reports: deliberately without any plaintext field. */
export interface EncryptionToRecord {
  createdAt: string;
  keyId: string;
  keyAlias?: string;
  keySpec?: KeySpec;
  algorithm: EncryptionAlgorithm;
  encryptionContext: EncryptionContext;
  cipherText: string;
  /** The operator's own words for it (issue 13): optional, editable later. */
  label?: string;
}

/**
 * Records an encryption. Fields are copied one by one (not spread) so that nothing but these
 * ever reaches storage, whatever object the caller passes.
 */
export function recordEncryption(encryption: EncryptionToRecord): void {
  const entry = historyEntrySchema.parse({
    id: newEntryId(),
    createdAt: encryption.createdAt,
    keyId: encryption.keyId,
    ...(encryption.keyAlias ? { keyAlias: encryption.keyAlias } : {}),
    ...(encryption.keySpec ? { keySpec: encryption.keySpec } : {}),
    algorithm: encryption.algorithm,
    encryptionContext: encryption.encryptionContext,
    cipherText: encryption.cipherText,
    ...(encryption.label ? { label: encryption.label } : {}),
  });
  historyStore.add(entry);
  shareWithTeam(entry);
}
