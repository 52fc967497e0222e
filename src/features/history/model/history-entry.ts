import { z } from 'zod/mini';
import {
  CIPHER_TEXT_MAX_CHARS,
  encryptionAlgorithmSchema,
  encryptionContextSchema,
  keyIdSchema,
  keySpecSchema,
} from '../../../shared/kms';
import { HISTORY_LABEL_MAX_CHARS, historyFileSchema } from '../../../shared/console/history-file';

/**
 * One remembered encryption: what decrypting it will need, and nothing else. The object is
 * strict, so a field such as a plaintext can never ride along, whether from code or a file.
 * A text encryption holds its ciphertext; a file encryption (issue 11) holds the file's name,
 * size and envelope header fingerprint instead: never its content, never its data key.
 * Entries written before files existed (a ciphertext, no file) read as they always did.
 */
export const historyEntrySchema = z
  .strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    createdAt: z.iso.datetime({ offset: true }),
    keyId: keyIdSchema,
    keyAlias: z.optional(z.string().check(z.maxLength(255))),
    keySpec: z.optional(keySpecSchema),
    algorithm: encryptionAlgorithmSchema,
    encryptionContext: encryptionContextSchema,
    cipherText: z.optional(
      z
        .string()
        .check(
          z.minLength(1),
          z.maxLength(CIPHER_TEXT_MAX_CHARS),
          z.regex(/^[0-9a-zA-Z+/=]+$/, 'Ciphertext is Base64.'),
        ),
    ),
    file: z.optional(historyFileSchema),
    label: z.optional(z.string().check(z.maxLength(HISTORY_LABEL_MAX_CHARS))),
  })
  .check(
    z.refine(
      (entry) => (entry.cipherText === undefined) !== (entry.file === undefined),
      'An entry holds either a ciphertext or a file.',
    ),
  );
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const HISTORY_VERSION = 1;

/** The stored document: versioned, so a later format can migrate what this one wrote. */
export const historyDocumentSchema = z.object({
  version: z.number().check(z.int()),
  entries: z.array(z.unknown()),
});

function randomHex(bytes: number): string {
  const values = new Uint8Array(bytes);
  crypto.getRandomValues(values);
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}

/** crypto.randomUUID needs a secure context; getRandomValues works on plain HTTP too. */
export function newEntryId(): string {
  return randomHex(16);
}

/** Newest first; ties broken by id so the order is stable. */
export function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
