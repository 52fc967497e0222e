import { KEY_ID_PATTERN, type KeyDetails } from '../../../shared/kms';

const ANY_CASE_KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the Key ID field keeps of typed or pasted text: trimmed, and a key id in capitals
 * (copied from a document or another console) lower-cased, as the KMS writes key ids.
 */
export function normalizeKeyInput(text: string): string {
  const trimmed = text.trim();
  return ANY_CASE_KEY_ID.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}

/**
 * The key a typed text names when the field is left: a key id as it is, or the one key whose
 * alias it is (case-insensitively, as aliases are shown); undefined when it names none or
 * several.
 */
export function keyNamedBy(text: string, keys: readonly KeyDetails[]): KeyDetails | undefined {
  const typed = normalizeKeyInput(text);
  if (typed === '' || KEY_ID_PATTERN.test(typed)) return undefined;
  const needle = typed.toLowerCase();
  const matches = keys.filter((key) => key.key_alias.toLowerCase() === needle);
  return matches.length === 1 ? matches[0] : undefined;
}
