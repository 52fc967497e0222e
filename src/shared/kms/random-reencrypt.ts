// gen-random and re-encrypt (KMS-API-2.md §3.1, §3.4). zod/mini like schemas.ts.
import { z } from 'zod/mini';
import { encryptionAlgorithmSchema } from './enums';
import type { KmsErrorCode } from './errors';
import {
  additionalAuthenticatedDataSchema,
  encryptionContextSchema,
  keyIdSchema,
  sequenceSchema,
} from './schemas';

export const RANDOM_BITS_MIN = 8;
export const RANDOM_BITS_MAX = 8192;

function failsWith(code: KmsErrorCode, message: string) {
  return { message, params: { kmsErrorCode: code } };
}

/** A count the wire carries as a decimal string; a JSON number is taken too (§0). */
const decimalSchema = z.union([z.string(), z.number()]);

export function wholeNumberValue(value: string | number): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : Number.NaN;
  return /^[0-9]{1,10}$/.test(value) ? Number(value) : Number.NaN;
}

const randomBitsSchema = decimalSchema.check(
  z.refine(
    (value) => {
      const bits = wholeNumberValue(value);
      return bits >= RANDOM_BITS_MIN && bits <= RANDOM_BITS_MAX;
    },
    failsWith(
      'KMS.1801',
      `random_data_length is ${RANDOM_BITS_MIN} to ${RANDOM_BITS_MAX} bits, written as a string.`,
    ),
  ),
  z.refine(
    (value) => wholeNumberValue(value) % 8 === 0,
    failsWith('KMS.1802', 'random_data_length must be a multiple of 8.'),
  ),
);

export const genRandomRequestSchema = z.strictObject({
  random_data_length: randomBitsSchema,
  sequence: z.optional(sequenceSchema),
});
export type GenRandomRequest = z.infer<typeof genRandomRequestSchema>;

export const genRandomResponseSchema = z.object({ random_data: z.string() });
export type GenRandomResponse = z.infer<typeof genRandomResponseSchema>;

/** Base64 of encrypt-data's output or hex of a data-key ciphertext; the key decides which. */
const reEncryptCipherTextSchema = z
  .string()
  .check(z.regex(/^[0-9a-zA-Z+/=]{1,16384}$/, 'cipher_text is Base64 (data) or hex (a data key).'));

export const reEncryptRequestSchema = z.strictObject({
  cipher_text: reEncryptCipherTextSchema,
  destination_key_id: keyIdSchema,
  source_key_id: z.optional(keyIdSchema),
  source_encryption_algorithm: z.optional(encryptionAlgorithmSchema),
  destination_encryption_algorithm: z.optional(encryptionAlgorithmSchema),
  source_additional_authenticated_data: z.optional(additionalAuthenticatedDataSchema),
  destination_additional_authenticated_data: z.optional(additionalAuthenticatedDataSchema),
  // Not in the SDK: encrypt-data here takes an encryption_context (OTC), so re-encrypt must
  // be able to name it on both sides too.
  source_encryption_context: z.optional(encryptionContextSchema),
  destination_encryption_context: z.optional(encryptionContextSchema),
  datakey_cipher_length: z.optional(
    decimalSchema.check(
      z.refine((value) => {
        const bytes = wholeNumberValue(value);
        return bytes >= 1 && bytes <= 1024;
      }, 'datakey_cipher_length is the data key’s byte count, 1 to 1024.'),
    ),
  ),
  sequence: z.optional(sequenceSchema),
});
export type ReEncryptRequest = z.infer<typeof reEncryptRequestSchema>;

export const reEncryptResponseSchema = z.object({
  key_id: z.string(),
  source_key_id: z.string(),
  source_encryption_algorithm: encryptionAlgorithmSchema,
  destination_encryption_algorithm: encryptionAlgorithmSchema,
  cipher_text: z.string(),
});
export type ReEncryptResponse = z.infer<typeof reEncryptResponseSchema>;
