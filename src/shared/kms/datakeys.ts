// The four data-key operations (KMS-API-2.md §2). zod/mini like schemas.ts: the browser asks
// for data keys too (create-datakey, decrypt-datakey), and mini keeps its bundle small.
import { z } from 'zod/mini';
import type { KmsErrorCode } from './errors';
import {
  additionalAuthenticatedDataSchema,
  encryptionContextSchema,
  keyIdSchema,
  sequenceSchema,
} from './schemas';

export const DATA_KEY_BITS_MIN = 8;
export const DATA_KEY_BITS_MAX = 8192;
/** Both documented defaults: no key_spec and no datakey_length gives a 256-bit key. */
export const DATA_KEY_DEFAULT_BITS = 256;
/** encrypt-datakey / decrypt-datakey count the DEK in bytes, digest excluded. */
export const DATA_KEY_BYTES_MIN = 1;
export const DATA_KEY_BYTES_MAX = 1024;
/** SHA-256 for AES CMKs and SM3 for SM4 CMKs: both 32 bytes. */
export const DATA_KEY_DIGEST_BYTES = 32;

export const DATA_KEY_SPECS = { AES_128: 128, AES_256: 256 } as const;
export type DataKeySpec = keyof typeof DATA_KEY_SPECS;

/**
 * A refinement that names the KMS code its failure maps to: kmsErrorFromIssues reads
 * `params.kmsErrorCode`, so one field (datakey_length) can fail with different codes.
 */
function failsWith(code: KmsErrorCode, message: string) {
  return { message, params: { kmsErrorCode: code } };
}

const DECIMAL = /^[0-9]{1,10}$/;

/** The numeric value of a length the wire carries as a decimal string (or, leniently, a number). */
export function decimalValue(value: string | number): number {
  return typeof value === 'number' ? value : Number(value);
}

function isWholeNumber(value: string | number): boolean {
  return typeof value === 'number' ? Number.isSafeInteger(value) : DECIMAL.test(value);
}

const decimalSchema = z.union([z.string(), z.number()]);

const dataKeyBitsSchema = decimalSchema.check(
  z.refine(
    (value) =>
      isWholeNumber(value) &&
      decimalValue(value) >= DATA_KEY_BITS_MIN &&
      decimalValue(value) <= DATA_KEY_BITS_MAX,
    failsWith(
      'KMS.1901',
      `datakey_length must be in the range ${DATA_KEY_BITS_MIN} bits to ${DATA_KEY_BITS_MAX} bits.`,
    ),
  ),
  z.refine(
    (value) => decimalValue(value) % 8 === 0,
    failsWith('KMS.1903', 'datakey_length must be a multiple of 8.'),
  ),
);

const dataKeyBytesSchema = (field: string) =>
  decimalSchema.check(
    z.refine(
      (value) =>
        isWholeNumber(value) &&
        decimalValue(value) >= DATA_KEY_BYTES_MIN &&
        decimalValue(value) <= DATA_KEY_BYTES_MAX,
      `${field} is the DEK's byte count, ${DATA_KEY_BYTES_MIN} to ${DATA_KEY_BYTES_MAX}.`,
    ),
  );

const dataKeySpecSchema = z.custom<DataKeySpec>(
  (value) => typeof value === 'string' && Object.hasOwn(DATA_KEY_SPECS, value),
  failsWith('KMS.1902', 'key_spec can only be AES_128 or AES_256.'),
);

/** The documented example puts a space between DEK and digest: whitespace is not content. */
export function compactHex(text: string): string {
  return text.replace(/\s+/g, '');
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

export function isHex(text: string): boolean {
  return HEX.test(text);
}

/** Bits of the DEK create-datakey makes: datakey_length wins over key_spec (HW, SDK). */
export function requestedDataKeyBits(request: {
  key_spec?: DataKeySpec | undefined;
  datakey_length?: string | number | undefined;
}): number {
  if (request.datakey_length !== undefined) return decimalValue(request.datakey_length);
  if (request.key_spec !== undefined) return DATA_KEY_SPECS[request.key_spec];
  return DATA_KEY_DEFAULT_BITS;
}

// The level-4 evaluation fields (pin, pin_type) change nothing here; accepting them keeps SDK
// callers that send them from failing with "unknown parameter".
const levelFourFields = {
  pin: z.optional(z.string()),
  pin_type: z.optional(z.enum(['CipherText', 'PlainText'])),
};

// ---- requests ------------------------------------------------------------------------------

export const createDatakeyRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  key_spec: z.optional(dataKeySpecSchema),
  datakey_length: z.optional(dataKeyBitsSchema),
  additional_authenticated_data: z.optional(additionalAuthenticatedDataSchema),
  encryption_context: z.optional(encryptionContextSchema),
  sequence: z.optional(sequenceSchema),
  ...levelFourFields,
});
export type CreateDatakeyRequest = z.infer<typeof createDatakeyRequestSchema>;

export const createDatakeyWithoutPlaintextRequestSchema = createDatakeyRequestSchema;
export type CreateDatakeyWithoutPlaintextRequest = CreateDatakeyRequest;

export const encryptDatakeyRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  plain_text: z
    .string()
    .check(
      z.refine(
        (text) => isHex(compactHex(text)),
        'plain_text is the hex of DEK ‖ digest: an even number of hex digits.',
      ),
    ),
  datakey_plain_length: dataKeyBytesSchema('datakey_plain_length'),
  additional_authenticated_data: z.optional(additionalAuthenticatedDataSchema),
  encryption_context: z.optional(encryptionContextSchema),
  sequence: z.optional(sequenceSchema),
  // Names the wrapping of the level-4 scenario only; ignored like the pin.
  key_spec: z.optional(z.enum(['SM2', 'RSA'])),
  ...levelFourFields,
});
export type EncryptDatakeyRequest = z.infer<typeof encryptDatakeyRequestSchema>;

export const decryptDatakeyRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  cipher_text: z
    .string()
    .check(z.refine(isHex, 'cipher_text is the hex a data-key operation returned.')),
  // Despite its name, the DEK's plaintext byte count (KMS-API-2.md §2.1).
  datakey_cipher_length: dataKeyBytesSchema('datakey_cipher_length'),
  additional_authenticated_data: z.optional(additionalAuthenticatedDataSchema),
  encryption_context: z.optional(encryptionContextSchema),
  sequence: z.optional(sequenceSchema),
  ...levelFourFields,
});
export type DecryptDatakeyRequest = z.infer<typeof decryptDatakeyRequestSchema>;

// The responses live in their own module: the browser checks two of them, and importing
// them from here would keep this module's request schemas in its first load.
export * from './datakey-responses';
