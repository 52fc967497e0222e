/**
 * JSON is the only body the console accepts. The media type is checked before the body is
 * read, and the parser refuses `__proto__` keys outright instead of trusting every consumer
 * of the parsed object to handle them.
 */
import { KmsError } from '../../shared/kms';

/** `application/json`, with or without parameters such as `charset=UTF-8`. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(';', 1)[0]!.trim().toLowerCase();
  return mediaType === 'application/json';
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new KmsError('KMS.0202', 'The request body is empty.');
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') throw new ProtoKeyError();
      return value;
    });
  } catch (error) {
    if (error instanceof ProtoKeyError) {
      throw new KmsError('KMS.0214', 'The property name "__proto__" is not allowed.');
    }
    // JSON.parse's own message quotes the input: never pass it on.
    throw new KmsError('KMS.0202');
  }
}

class ProtoKeyError extends Error {}
