/** Every limit of the Huawei Cloud KMS v1.0 wire contract that the product relies on. */
export const KEY_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const SEQUENCE_LENGTH = 36;
export const PLAIN_TEXT_MAX_BYTES = 4096;
export const PLAIN_TEXT_MAX_CHARS = 4096;
export const ENCRYPTION_CONTEXT_MAX_CHARS = 8192;
export const ADDITIONAL_AUTHENTICATED_DATA_MAX_BYTES = 128;
/** Documented pattern for `cipher_text` on decrypt-data. */
export const CIPHER_TEXT_PATTERN = /^[0-9a-zA-Z+/=]{128,5648}$/;
export const CIPHER_TEXT_MIN_CHARS = 128;
export const CIPHER_TEXT_MAX_CHARS = 5648;
export const KEY_ALIAS_PATTERN = /^[a-zA-Z0-9:/_-]{1,255}$/;
export const KEY_DESCRIPTION_MAX_CHARS = 255;
export const PENDING_DAYS_MIN = 7;
export const PENDING_DAYS_MAX = 1096;
export const LIST_KEYS_LIMIT_MAX = 2000;
/** Request bodies above this size are refused before parsing (KMS.0203). */
export const REQUEST_BODY_MAX_BYTES = 64 * 1024;

const utf8 = new TextEncoder();

/** Byte length once UTF-8 encoded: the unit KMS counts plaintext limits in. */
export function utf8ByteLength(text: string): number {
  return utf8.encode(text).length;
}

/**
 * False when `text` holds a lone surrogate (e.g. from the JSON escape "\ud800"): UTF-8 has no
 * encoding for it, so encrypting would silently store U+FFFD instead. With the `u` flag a
 * surrogate pair is one code point, so only unpaired halves match.
 */
export function isWellFormedText(text: string): boolean {
  return !/\p{Surrogate}/u.test(text);
}
