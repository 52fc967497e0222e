import { z } from 'zod/mini';
import { concatBytes, fromUtf8, uint16BE, utf8 } from './bytes';
import { MAX_ENCRYPTION_CONTEXT_BYTES, RESERVED_CONTEXT_KEY_PREFIX } from './constants';
import { EnvelopeError } from './errors';

export type EncryptionContext = Readonly<Record<string, string>>;

export const envelopeEncryptionContextSchema = z.record(z.string(), z.string()).check(
  z.refine(
    (context) => Object.keys(context).every((key) => !key.startsWith(RESERVED_CONTEXT_KEY_PREFIX)),
    `Encryption context keys must not start with "${RESERVED_CONTEXT_KEY_PREFIX}".`,
  ),
  z.refine(
    (context) => serializeContextPairs(context).length <= MAX_ENCRYPTION_CONTEXT_BYTES - 2,
    'The encryption context is too large for an envelope header.',
  ),
);

/** Keys sorted by their UTF-8 bytes, as the spec says (not by locale or UTF-16 order). */
function sortedEntries(context: EncryptionContext): Array<[Uint8Array, Uint8Array]> {
  return Object.entries(context)
    .map(([key, value]): [Uint8Array, Uint8Array] => [utf8(key), utf8(value)])
    .sort(([left], [right]) => compareBytes(left, right));
}

function compareBytes(left: Uint8Array, right: Uint8Array): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * "Key Value Pairs": count and entries, empty for an empty context. This is also the AAD the
 * raw AES keyring binds a wrapped data key to.
 */
export function serializeContextPairs(context: EncryptionContext): Uint8Array {
  const entries = sortedEntries(context);
  if (entries.length === 0) return new Uint8Array(0);
  const parts: Uint8Array[] = [uint16BE(entries.length)];
  for (const [key, value] of entries) {
    if (key.length > 0xffff || value.length > 0xffff) {
      throw new EnvelopeError('invalid-input', 'An encryption context entry is too long.');
    }
    parts.push(uint16BE(key.length), key, uint16BE(value.length), value);
  }
  return concatBytes(...parts);
}

/** The header's AAD field: a UInt16 length, then the key value pairs. */
export function serializeContextField(context: EncryptionContext): Uint8Array {
  const pairs = serializeContextPairs(context);
  return concatBytes(uint16BE(pairs.length), pairs);
}

/** Parses the key value pairs of a header (without the length prefix). */
export function parseContextPairs(pairs: Uint8Array): Record<string, string> {
  // A Map, not an object literal: a key named "__proto__" must stay data.
  const context = new Map<string, string>();
  if (pairs.length === 0) return {};
  const malformed = (why: string) => new EnvelopeError('malformed-header', why);
  const view = new DataView(pairs.buffer, pairs.byteOffset, pairs.byteLength);
  let offset = 0;
  const take = (length: number): Uint8Array => {
    if (offset + length > pairs.length) throw malformed('The encryption context is cut short.');
    const bytes = pairs.subarray(offset, offset + length);
    offset += length;
    return bytes;
  };
  const takeLength = (): number => {
    const bytes = take(2);
    return view.getUint16(bytes.byteOffset - pairs.byteOffset, false);
  };
  const count = takeLength();
  if (count === 0) throw malformed('An encryption context with a length has no entries.');
  for (let index = 0; index < count; index += 1) {
    const key = decodeText(take(takeLength()));
    const value = decodeText(take(takeLength()));
    if (context.has(key)) throw malformed('The encryption context repeats a key.');
    context.set(key, value);
  }
  if (offset !== pairs.length) throw malformed('Bytes follow the encryption context entries.');
  return Object.fromEntries(context);
}

function decodeText(bytes: Uint8Array): string {
  try {
    return fromUtf8(bytes);
  } catch (cause) {
    throw new EnvelopeError('malformed-header', 'The encryption context is not UTF-8.', { cause });
  }
}

/** Validates caller input once, with messages the UI can show. */
export function checkEncryptionContext(context: unknown): EncryptionContext {
  const parsed = envelopeEncryptionContextSchema.safeParse(context);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Invalid encryption context.';
    throw new EnvelopeError('invalid-input', message);
  }
  // Copied from the input, not parsed.data: zod rebuilds records by assignment, which turns an
  // own "__proto__" key into a prototype change and silently drops it from the context.
  return Object.fromEntries(Object.entries(context as Record<string, string>));
}
