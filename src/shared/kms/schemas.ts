// zod/mini, not classic zod: these schemas ship to the browser, and mini's functional API
// tree-shakes where classic's method chains pull in all of zod (see bench/page-weight.ts).
import { z } from 'zod/mini';
import { encryptionAlgorithmSchema, keySpecSchema, keyStateSchema, keyUsageSchema } from './enums';
import {
  ADDITIONAL_AUTHENTICATED_DATA_MAX_BYTES,
  CIPHER_TEXT_PATTERN,
  ENCRYPTION_CONTEXT_MAX_CHARS,
  KEY_ALIAS_PATTERN,
  KEY_DESCRIPTION_MAX_CHARS,
  KEY_ID_PATTERN,
  LIST_KEYS_LIMIT_MAX,
  PENDING_DAYS_MAX,
  PENDING_DAYS_MIN,
  PLAIN_TEXT_MAX_BYTES,
  SEQUENCE_LENGTH,
  isWellFormedText,
  utf8ByteLength,
} from './limits';

// ---- field schemas (reused by the browser form) -------------------------------------------

export const keyIdSchema = z
  .string()
  .check(z.regex(KEY_ID_PATTERN, 'A key ID is 36 characters: 8-4-4-4-12 lowercase hex digits.'));

export const sequenceSchema = z
  .string()
  .check(z.length(SEQUENCE_LENGTH, `A sequence number is exactly ${SEQUENCE_LENGTH} characters.`));

export const plainTextSchema = z.string().check(
  // KMS.0202, as for a body that is not UTF-8: both are text that cannot be encrypted as sent.
  z.refine(isWellFormedText, {
    message: 'Plaintext must be valid Unicode text (it holds a lone surrogate).',
    params: { kmsErrorCode: 'KMS.0202' },
  }),
  z.refine((text) => text.length > 0, 'Plaintext must not be empty.'),
  z.refine(
    (text) => utf8ByteLength(text) <= PLAIN_TEXT_MAX_BYTES,
    `Plaintext must be at most ${PLAIN_TEXT_MAX_BYTES} bytes in UTF-8.`,
  ),
);

/** Serialized length as the service counts it: the JSON text of the object. */
export function encryptionContextLength(context: Record<string, string>): number {
  return JSON.stringify(context).length;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

// A check, not z.record: zod rebuilds a record by assignment, which turns an own "__proto__"
// key into a prototype change and drops it, so {"__proto__":"a"} would equal no context.
export const encryptionContextSchema = z
  .custom<Record<string, string>>(
    isStringRecord,
    'The encryption context is an object whose values are strings.',
  )
  .check(
    z.refine(
      (context) => encryptionContextLength(context) <= ENCRYPTION_CONTEXT_MAX_CHARS,
      `The encryption context must be at most ${ENCRYPTION_CONTEXT_MAX_CHARS} characters once serialized.`,
    ),
  );
export type EncryptionContext = z.infer<typeof encryptionContextSchema>;

export const additionalAuthenticatedDataSchema = z
  .string()
  .check(
    z.refine(
      (text) => utf8ByteLength(text) <= ADDITIONAL_AUTHENTICATED_DATA_MAX_BYTES,
      `additional_authenticated_data must be at most ${ADDITIONAL_AUTHENTICATED_DATA_MAX_BYTES} bytes.`,
    ),
  );

export const cipherTextSchema = z
  .string()
  .check(z.regex(CIPHER_TEXT_PATTERN, 'Ciphertext is Base64 of 128 to 5648 characters.'));

const numericString = (min: number, max: number, what: string) =>
  z.string().check(
    z.regex(/^[0-9]{1,10}$/, `${what} is a whole number written as a string.`),
    z.refine((text) => {
      const value = Number(text);
      return value >= min && value <= max;
    }, `${what} must be between ${min} and ${max}.`),
  );

// ---- requests ------------------------------------------------------------------------------

export const encryptDataRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  plain_text: plainTextSchema,
  encryption_algorithm: z.optional(encryptionAlgorithmSchema),
  encryption_context: z.optional(encryptionContextSchema),
  additional_authenticated_data: z.optional(additionalAuthenticatedDataSchema),
  sequence: z.optional(sequenceSchema),
});
export type EncryptDataRequest = z.infer<typeof encryptDataRequestSchema>;

export const decryptDataRequestSchema = z.strictObject({
  cipher_text: cipherTextSchema,
  encryption_algorithm: z.optional(encryptionAlgorithmSchema),
  key_id: z.optional(keyIdSchema),
  encryption_context: z.optional(encryptionContextSchema),
  additional_authenticated_data: z.optional(additionalAuthenticatedDataSchema),
  sequence: z.optional(sequenceSchema),
});
export type DecryptDataRequest = z.infer<typeof decryptDataRequestSchema>;

export const listKeysRequestSchema = z.strictObject({
  limit: z.optional(numericString(1, LIST_KEYS_LIMIT_MAX, 'limit')),
  marker: z.optional(
    z.string().check(z.regex(/^[0-9]{1,10}$/, 'marker is the next_marker of a previous page.')),
  ),
  key_state: z.optional(keyStateSchema),
  key_spec: z.optional(z.union([keySpecSchema, z.literal('ALL')])),
  // `all` (default), `0` or an enterprise project's id: a filter on sys_enterprise_project_id.
  enterprise_project_id: z.optional(z.string().check(z.maxLength(64))),
  sequence: z.optional(sequenceSchema),
});
export type ListKeysRequest = z.infer<typeof listKeysRequestSchema>;

export const keyIdRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  sequence: z.optional(sequenceSchema),
});
export type KeyIdRequest = z.infer<typeof keyIdRequestSchema>;

export const describeKeyRequestSchema = keyIdRequestSchema;
export const getPublicKeyRequestSchema = keyIdRequestSchema;
export const enableKeyRequestSchema = keyIdRequestSchema;
export const disableKeyRequestSchema = keyIdRequestSchema;
export const cancelKeyDeletionRequestSchema = keyIdRequestSchema;
export type DescribeKeyRequest = KeyIdRequest;
export type GetPublicKeyRequest = KeyIdRequest;

export const scheduleKeyDeletionRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  pending_days: numericString(PENDING_DAYS_MIN, PENDING_DAYS_MAX, 'pending_days'),
  sequence: z.optional(sequenceSchema),
});
export type ScheduleKeyDeletionRequest = z.infer<typeof scheduleKeyDeletionRequestSchema>;

export const keyAliasSchema = z.string().check(
  z.regex(KEY_ALIAS_PATTERN, 'A key alias is 1 to 255 of a-z A-Z 0-9 : / _ -.'),
  z.refine((alias) => !alias.endsWith('/default'), 'A key alias must not end in /default.'),
);

export const createKeyRequestSchema = z.strictObject({
  key_alias: keyAliasSchema,
  key_spec: z.optional(keySpecSchema),
  key_usage: z.optional(keyUsageSchema),
  key_description: z.optional(z.string().check(z.maxLength(KEY_DESCRIPTION_MAX_CHARS))),
  origin: z.optional(z.enum(['kms', 'external'])),
  // Documented SDK fields: kept on the key (enterprise project, keystore) or, for the level-4
  // scenario's vm_id, accepted and ignored, so an SDK caller that sets them is not refused.
  enterprise_project_id: z.optional(z.string().check(z.maxLength(64))),
  keystore_id: z.optional(z.string().check(z.maxLength(64))),
  vm_id: z.optional(z.string().check(z.maxLength(64))),
  sequence: z.optional(sequenceSchema),
});
export type CreateKeyRequest = z.infer<typeof createKeyRequestSchema>;

// ---- responses -----------------------------------------------------------------------------

export const keyDetailsSchema = z.object({
  key_id: z.string(),
  domain_id: z.string(),
  key_alias: z.string(),
  realm: z.string(),
  key_spec: keySpecSchema,
  key_usage: keyUsageSchema,
  key_description: z.string(),
  creation_date: z.string(),
  scheduled_deletion_date: z.string(),
  key_state: keyStateSchema,
  default_key_flag: z.string(),
  key_type: z.string(),
  expiration_time: z.string(),
  origin: z.string(),
  key_rotation_enabled: z.string(),
  // Optional here because older cloud answers (OTC) lack them; the local KMS always sends them.
  sys_enterprise_project_id: z.optional(z.string()),
  keystore_id: z.optional(z.string()),
});
export type KeyDetails = z.infer<typeof keyDetailsSchema>;

export const encryptDataResponseSchema = z.object({
  key_id: z.string(),
  cipher_text: z.string(),
});
export type EncryptDataResponse = z.infer<typeof encryptDataResponseSchema>;

export const decryptDataResponseSchema = z.object({
  key_id: z.string(),
  plain_text: z.string(),
  plain_text_base64: z.string(),
});
export type DecryptDataResponse = z.infer<typeof decryptDataResponseSchema>;

export const listKeysResponseSchema = z.object({
  keys: z.array(z.string()),
  key_details: z.array(keyDetailsSchema),
  next_marker: z.string(),
  truncated: z.enum(['true', 'false']),
  total: z.number().check(z.int()),
});
export type ListKeysResponse = z.infer<typeof listKeysResponseSchema>;

export const describeKeyResponseSchema = z.object({ key_info: keyDetailsSchema });
export type DescribeKeyResponse = z.infer<typeof describeKeyResponseSchema>;

export const getPublicKeyResponseSchema = z.object({
  key_id: z.string(),
  public_key: z.string(),
});
export type GetPublicKeyResponse = z.infer<typeof getPublicKeyResponseSchema>;

export const createKeyResponseSchema = z.object({
  key_info: z.object({
    key_id: z.string(),
    domain_id: z.string(),
    region_id: z.optional(z.string()),
  }),
});
export type CreateKeyResponse = z.infer<typeof createKeyResponseSchema>;

export const keyStateChangeResponseSchema = z.object({
  key_info: z.object({ key_id: z.string(), key_state: keyStateSchema }),
});
export type KeyStateChangeResponse = z.infer<typeof keyStateChangeResponseSchema>;

export const keyDeletionResponseSchema = z.object({
  key_id: z.string(),
  key_state: keyStateSchema,
});
export type KeyDeletionResponse = z.infer<typeof keyDeletionResponseSchema>;
