// sign, verify, generate-mac and verify-mac (KMS-API-2.md §3.2, §3.3). zod/mini like
// schemas.ts, so a browser page could check these requests before sending them.
import { z } from 'zod/mini';
import { keyIdSchema, sequenceSchema } from './schemas';

export const SIGNING_ALGORITHMS = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
  'ECDSA_SHA_512',
  'SM2DSA_SM3',
  'ED25519_SHA_512',
  'ED25519_PH_SHA_512',
] as const;
export const signingAlgorithmSchema = z.enum(SIGNING_ALGORITHMS);
export type SigningAlgorithm = z.infer<typeof signingAlgorithmSchema>;

/** DIGEST (the default): `message` is the pre-computed hash; RAW: the message itself. */
export const MESSAGE_TYPES = ['DIGEST', 'RAW'] as const;
export const messageTypeSchema = z.enum(MESSAGE_TYPES);
export type MessageType = z.infer<typeof messageTypeSchema>;

export const MAC_ALGORITHMS = ['HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512', 'HMAC_SM3'] as const;
export const macAlgorithmSchema = z.enum(MAC_ALGORITHMS);
export type MacAlgorithm = z.infer<typeof macAlgorithmSchema>;

/** The message of sign, verify and the MAC operations: 1 to 4096 bytes once decoded. */
export const SIGNED_MESSAGE_MAX_BYTES = 4096;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict, padded Base64 (what Buffer and btoa write). */
export function isStrictBase64(text: string): boolean {
  return BASE64.test(text);
}

export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

const base64Schema = (field: string) =>
  z.string().check(z.refine(isStrictBase64, `${field} must be Base64.`));

const messageSchema = z.string().check(
  z.refine(isStrictBase64, 'message must be Base64.'),
  z.refine((text) => {
    const bytes = base64ByteLength(text);
    return bytes >= 1 && bytes <= SIGNED_MESSAGE_MAX_BYTES;
  }, `message is 1 to ${SIGNED_MESSAGE_MAX_BYTES} bytes once decoded.`),
);

// ---- requests ------------------------------------------------------------------------------

/** What sign and verify both take: the key, the message and how it is signed. */
const signedMessageFields = {
  key_id: keyIdSchema,
  message: messageSchema,
  signing_algorithm: signingAlgorithmSchema,
  message_type: z.optional(messageTypeSchema),
  sequence: z.optional(sequenceSchema),
};

export const signRequestSchema = z.strictObject(signedMessageFields);
export type SignRequest = z.infer<typeof signRequestSchema>;

export const verifyRequestSchema = z.strictObject({
  ...signedMessageFields,
  signature: base64Schema('signature'),
});
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;

export const generateMacRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  mac_algorithm: macAlgorithmSchema,
  message: messageSchema,
  sequence: z.optional(sequenceSchema),
});
export type GenerateMacRequest = z.infer<typeof generateMacRequestSchema>;

export const verifyMacRequestSchema = z.strictObject({
  key_id: keyIdSchema,
  mac_algorithm: macAlgorithmSchema,
  message: messageSchema,
  // Hex in either case (the examples use lower case).
  mac: z.string().check(z.regex(/^(?:[0-9a-fA-F]{2}){1,64}$/, 'mac is the MAC in hex.')),
  sequence: z.optional(sequenceSchema),
});
export type VerifyMacRequest = z.infer<typeof verifyMacRequestSchema>;

// ---- responses -----------------------------------------------------------------------------

export const signResponseSchema = z.object({ key_id: z.string(), signature: z.string() });
export type SignResponse = z.infer<typeof signResponseSchema>;

/** signature_valid is the string "true"/"false", unlike mac_valid (KMS-API-2.md §0). */
export const verifyResponseSchema = z.object({
  key_id: z.string(),
  signature_valid: z.enum(['true', 'false']),
});
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;

export const generateMacResponseSchema = z.object({
  key_id: z.string(),
  mac_algorithm: macAlgorithmSchema,
  mac: z.string(),
});
export type GenerateMacResponse = z.infer<typeof generateMacResponseSchema>;

export const verifyMacResponseSchema = z.object({
  key_id: z.string(),
  mac_algorithm: macAlgorithmSchema,
  mac_valid: z.boolean(),
});
export type VerifyMacResponse = z.infer<typeof verifyMacResponseSchema>;
