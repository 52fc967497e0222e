// What a browser's own history entry shares with the team history, apart from history.ts:
// the entry is in the first load, the team API's schemas are not.
import { z } from 'zod/mini';

export const HISTORY_LABEL_MAX_CHARS = 200;

/** An encrypted file is remembered by its envelope's fingerprint, never by its data key. */
export const historyFileSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  size: z.number().check(z.int(), z.nonnegative()),
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'A fingerprint is SHA-256 hex.')),
});
export type HistoryFile = z.infer<typeof historyFileSchema>;
