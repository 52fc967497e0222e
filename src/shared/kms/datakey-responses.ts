// Data-key responses (KMS-API-2.md §2), apart from the request schemas: see datakeys.ts.
import { z } from 'zod/mini';
import { stringFields } from './field-checks';

/** The wrapped DEK and the CMK that wrapped it: every answer that hands one out carries both. */
const wrappedDataKey = stringFields('key_id', 'cipher_text');

export const createDatakeyResponseSchema = z.object({
  ...wrappedDataKey,
  plain_text: z.string(),
});
export type CreateDatakeyResponse = z.infer<typeof createDatakeyResponseSchema>;

export const createDatakeyWithoutPlaintextResponseSchema = z.object(wrappedDataKey);
export type CreateDatakeyWithoutPlaintextResponse = z.infer<
  typeof createDatakeyWithoutPlaintextResponseSchema
>;

/** datakey_length answers as a decimal string (KMS-API-2.md §0). */
const dataKeyLength = { datakey_length: z.string() };

export const encryptDatakeyResponseSchema = z.object({ ...wrappedDataKey, ...dataKeyLength });
export type EncryptDatakeyResponse = z.infer<typeof encryptDatakeyResponseSchema>;

export const decryptDatakeyResponseSchema = z.object({
  data_key: z.string(),
  ...dataKeyLength,
  datakey_dgst: z.string(),
});
export type DecryptDatakeyResponse = z.infer<typeof decryptDatakeyResponseSchema>;
