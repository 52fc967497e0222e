// Data-key responses (KMS-API-2.md §2), apart from the request schemas: see datakeys.ts.
import { z } from 'zod/mini';

export const createDatakeyResponseSchema = z.object({
  key_id: z.string(),
  plain_text: z.string(),
  cipher_text: z.string(),
});
export type CreateDatakeyResponse = z.infer<typeof createDatakeyResponseSchema>;

export const createDatakeyWithoutPlaintextResponseSchema = z.object({
  key_id: z.string(),
  cipher_text: z.string(),
});
export type CreateDatakeyWithoutPlaintextResponse = z.infer<
  typeof createDatakeyWithoutPlaintextResponseSchema
>;

export const encryptDatakeyResponseSchema = z.object({
  key_id: z.string(),
  cipher_text: z.string(),
  datakey_length: z.string(),
});
export type EncryptDatakeyResponse = z.infer<typeof encryptDatakeyResponseSchema>;

export const decryptDatakeyResponseSchema = z.object({
  data_key: z.string(),
  datakey_length: z.string(),
  datakey_dgst: z.string(),
});
export type DecryptDatakeyResponse = z.infer<typeof decryptDatakeyResponseSchema>;
