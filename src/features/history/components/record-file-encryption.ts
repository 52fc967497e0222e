import type { EncryptionAlgorithm, EncryptionContext, KeySpec } from '../../../shared/kms';
import { historyEntrySchema, newEntryId } from '../model/history-entry';
import { historyStore } from './history-store-instance';
import { shareWithTeam } from './team-share';

// Its own module (not record-encryption.ts): only the lazily loaded file mode imports it, so it
// ships with that chunk rather than the first load.

/** What the file mode reports: the file by name, size and envelope fingerprint only. */
export interface FileEncryptionToRecord {
  createdAt: string;
  keyId: string;
  keyAlias?: string;
  keySpec?: KeySpec;
  algorithm: EncryptionAlgorithm;
  encryptionContext: EncryptionContext;
  file: { name: string; size: number; fingerprint: string };
  label?: string;
}

/** Records a file encryption, copied field by field like recordEncryption. */
export function recordFileEncryption(encryption: FileEncryptionToRecord): void {
  const entry = historyEntrySchema.parse({
    id: newEntryId(),
    createdAt: encryption.createdAt,
    keyId: encryption.keyId,
    ...(encryption.keyAlias ? { keyAlias: encryption.keyAlias } : {}),
    ...(encryption.keySpec ? { keySpec: encryption.keySpec } : {}),
    algorithm: encryption.algorithm,
    encryptionContext: encryption.encryptionContext,
    file: {
      name: encryption.file.name,
      size: encryption.file.size,
      fingerprint: encryption.file.fingerprint,
    },
    ...(encryption.label ? { label: encryption.label } : {}),
  });
  historyStore.add(entry);
  shareWithTeam(entry);
}
