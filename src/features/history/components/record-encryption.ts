import type { EncryptionAlgorithm, EncryptionContext, KeySpec } from '../../../shared/kms';
import { historyEntrySchema, newEntryId } from '../model/history-entry';
import { historyStore } from './history-store-instance';
import { shareWithTeam } from './team-share';

/** What every encryption reports: deliberately without any plaintext field. */
interface RecordedEncryption {
  createdAt: string;
  keyId: string;
  keyAlias?: string;
  keySpec?: KeySpec;
  algorithm: EncryptionAlgorithm;
  encryptionContext: EncryptionContext;
  /** The operator's own words for it (issue 13): optional, editable later. */
  label?: string;
}

/** What the encrypt page reports for a text. */
export interface EncryptionToRecord extends RecordedEncryption {
  cipherText: string;
}

/** What the file mode reports: the file by name, size and envelope fingerprint only. */
export interface FileEncryptionToRecord extends RecordedEncryption {
  file: { name: string; size: number; fingerprint: string };
}

/**
 * Stores an entry and shares it with the team. Fields are copied one by one (not spread) so
 * that nothing but these ever reaches storage, whatever object the caller passes.
 */
function record(
  encryption: RecordedEncryption,
  content: { cipherText: string } | { file: FileEncryptionToRecord['file'] },
): void {
  const entry = historyEntrySchema.parse({
    id: newEntryId(),
    createdAt: encryption.createdAt,
    keyId: encryption.keyId,
    ...(encryption.keyAlias ? { keyAlias: encryption.keyAlias } : {}),
    ...(encryption.keySpec ? { keySpec: encryption.keySpec } : {}),
    algorithm: encryption.algorithm,
    encryptionContext: encryption.encryptionContext,
    ...content,
    ...(encryption.label ? { label: encryption.label } : {}),
  });
  historyStore.add(entry);
  shareWithTeam(entry);
}

export function recordEncryption(encryption: EncryptionToRecord): void {
  record(encryption, { cipherText: encryption.cipherText });
}

export function recordFileEncryption(encryption: FileEncryptionToRecord): void {
  const { name, size, fingerprint } = encryption.file;
  record(encryption, { file: { name, size, fingerprint } });
}
