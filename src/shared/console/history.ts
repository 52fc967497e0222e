// The team history and audit API (`/api/history`, `/api/audit`): zod/mini, because the
// browser validates the same answers it reads.
import { z } from 'zod/mini';
import {
  CIPHER_TEXT_MAX_CHARS,
  encryptionAlgorithmSchema,
  encryptionContextSchema,
  keyIdSchema,
  keySpecSchema,
} from '../kms';
import type { ConsoleErrorCode } from './errors';
import { HISTORY_LABEL_MAX_CHARS, historyFileSchema } from './history-file';

export * from './history-file';

/** The history API's own failures: CONSOLE.0100 to CONSOLE.0199 of the console's codes. */
export type HistoryErrorCode = Extract<ConsoleErrorCode, `CONSOLE.01${string}`>;

export const HISTORY_PAGE_LIMIT_DEFAULT = 50;
export const HISTORY_PAGE_LIMIT_MAX = 200;
/** Entries per import request; a bigger history is sent in several requests. */
export const HISTORY_IMPORT_MAX_ENTRIES = 2000;
export const HISTORY_QUERY_MAX_CHARS = 200;

const base64CipherText = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(CIPHER_TEXT_MAX_CHARS),
    z.regex(/^[0-9a-zA-Z+/=]+$/, 'Ciphertext is Base64.'),
  );
const isoTime = z.iso.datetime({ offset: true });
const label = z.string().check(z.maxLength(HISTORY_LABEL_MAX_CHARS));

export const historyUpstreamSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('local') }),
  z.strictObject({ kind: z.literal('cloud'), region: z.string(), project_id: z.string() }),
]);
export type HistoryUpstream = z.infer<typeof historyUpstreamSchema>;

/** One stored encryption: what decrypting it needs, who did it, and where; never a plaintext. */
export const historyItemSchema = z.strictObject({
  id: z.string(),
  created_at: isoTime,
  actor: z.string(),
  label: z.nullable(label),
  key_id: keyIdSchema,
  key_alias: z.nullable(z.string()),
  key_spec: z.nullable(keySpecSchema),
  encryption_algorithm: encryptionAlgorithmSchema,
  encryption_context: encryptionContextSchema,
  cipher_text: z.nullable(base64CipherText),
  file: z.nullable(historyFileSchema),
  upstream: historyUpstreamSchema,
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const historyPageSchema = z.strictObject({
  items: z.array(historyItemSchema),
  next_cursor: z.nullable(z.string()),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

const queryText = z.string().check(z.maxLength(HISTORY_QUERY_MAX_CHARS));
const limitText = z.string().check(z.regex(/^[0-9]{1,3}$/, 'limit is a whole number.'));

/** Which time span and which page: the history and the audit list take these alike. */
const pageFields = {
  from: z.optional(isoTime),
  to: z.optional(isoTime),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(limitText),
};

/** Query strings arrive as text; `limit` is turned into a number by the route. */
export const historyListQuerySchema = z.strictObject({
  q: z.optional(queryText),
  key_id: z.optional(keyIdSchema),
  actor: z.optional(queryText),
  ...pageFields,
});
export type HistoryListQuery = z.infer<typeof historyListQuerySchema>;

export const historyExportQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv']),
  q: z.optional(queryText),
  key_id: z.optional(keyIdSchema),
  actor: z.optional(queryText),
  from: z.optional(isoTime),
  to: z.optional(isoTime),
});

/**
 * A record the browser sends (at once, or later from its outbox). The server adds the actor
 * and the upstream itself; `created_at` keeps the time of an encryption that waited offline.
 */
export const historyRecordBodySchema = z.strictObject({
  created_at: z.optional(isoTime),
  label: z.optional(z.nullable(label)),
  key_id: keyIdSchema,
  key_alias: z.optional(z.nullable(z.string().check(z.maxLength(255)))),
  key_spec: z.optional(z.nullable(keySpecSchema)),
  encryption_algorithm: encryptionAlgorithmSchema,
  encryption_context: encryptionContextSchema,
  cipher_text: z.optional(z.nullable(base64CipherText)),
  file: z.optional(z.nullable(historyFileSchema)),
});
export type HistoryRecordBody = z.infer<typeof historyRecordBodySchema>;

export const historyRecordAnswerSchema = z.strictObject({
  item: historyItemSchema,
  created: z.boolean(),
});

export const historyLabelBodySchema = z.strictObject({ label: z.nullable(label) });

/** An entry of a browser's local history (its storage and export format, camelCase). */
export const localHistoryEntrySchema = z
  .strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    createdAt: isoTime,
    keyId: keyIdSchema,
    keyAlias: z.optional(z.string().check(z.maxLength(255))),
    keySpec: z.optional(keySpecSchema),
    algorithm: encryptionAlgorithmSchema,
    encryptionContext: encryptionContextSchema,
    cipherText: z.optional(base64CipherText),
    file: z.optional(historyFileSchema),
    label: z.optional(label),
  })
  .check(
    z.refine(
      (entry) => (entry.cipherText === undefined) !== (entry.file === undefined),
      'An entry holds either a ciphertext or a file.',
    ),
  );
export type LocalHistoryEntry = z.infer<typeof localHistoryEntrySchema>;

/**
 * What can be imported: a browser's local history (or its export file, which carries a header
 * around the same `entries`), or the `items` of this API's JSON export. An imported record
 * gets a new id and the importer as its actor (who typed the import is what is known); an
 * export item keeps its upstream, where its key lives. Entries are strict objects, so a stray
 * field such as a plaintext refuses the whole request.
 */
export const historyImportBodySchema = z.union([
  z.object({
    entries: z.array(localHistoryEntrySchema).check(z.maxLength(HISTORY_IMPORT_MAX_ENTRIES)),
  }),
  z.object({
    items: z.array(historyItemSchema).check(z.maxLength(HISTORY_IMPORT_MAX_ENTRIES)),
  }),
]);
export type HistoryImportBody = z.infer<typeof historyImportBodySchema>;

export const historyImportAnswerSchema = z.strictObject({
  imported: z.number(),
  skipped: z.number(),
});

export const AUDIT_ACTIONS = [
  'encrypt',
  'decrypt',
  'verify',
  'sign',
  'create-datakey',
  'decrypt-datakey',
  'history.record',
  'history.label',
  'history.delete',
  'history.export',
  'history.import',
  'session.sign-in',
  'session.sign-out',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** `ok`, or the KMS / CONSOLE error code the action ended with. */
export const auditOutcomeSchema = z
  .string()
  .check(z.regex(/^(ok|[A-Z]+\.[0-9]{4})$/, 'An outcome is ok or an error code.'));

export const auditEventSchema = z.strictObject({
  id: z.string(),
  created_at: isoTime,
  actor: z.string(),
  action: auditActionSchema,
  key_id: z.nullable(z.string()),
  record_id: z.nullable(z.string()),
  outcome: auditOutcomeSchema,
  request_id: z.nullable(z.string()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.strictObject({
  items: z.array(auditEventSchema),
  next_cursor: z.nullable(z.string()),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditListQuerySchema = z.strictObject({
  actor: z.optional(queryText),
  action: z.optional(auditActionSchema),
  key_id: z.optional(queryText),
  outcome: z.optional(queryText),
  ...pageFields,
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
