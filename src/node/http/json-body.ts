/**
 * JSON request bodies, parsed the same way by both servers. Parse failures never quote the
 * input: JSON.parse's own message does, and a body may hold plaintext.
 */
import { KmsError } from '../../shared/kms';

/** `application/json`, with or without parameters such as `charset=UTF-8`. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(';', 1)[0]!.trim().toLowerCase();
  return mediaType === 'application/json';
}

export interface JsonParseOptions {
  /**
   * `__proto__` keys are refused (KMS.0214) rather than trusting every consumer of the parsed
   * object to handle them; only an emulator of a service that takes them as data opts out.
   */
  allowProtoKeys?: boolean;
}

class ProtoKeyError extends Error {}

export function parseJsonBody(text: string, options: JsonParseOptions = {}): unknown {
  if (text.trim() === '') throw new KmsError('KMS.0202', 'The request body is empty.');
  const reviver = options.allowProtoKeys
    ? undefined
    : (key: string, value: unknown) => {
        if (key === '__proto__') throw new ProtoKeyError();
        return value;
      };
  try {
    return JSON.parse(text, reviver);
  } catch (error) {
    if (error instanceof ProtoKeyError) {
      throw new KmsError('KMS.0214', 'The property name "__proto__" is not allowed.');
    }
    throw new KmsError('KMS.0202');
  }
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Raw body bytes (kept raw where a signature covers them): strict UTF-8, then JSON. */
export function parseJsonBytes(body: Uint8Array | undefined, options: JsonParseOptions = {}) {
  if (!body || body.length === 0) throw new KmsError('KMS.0202', 'The request body is empty.');
  let text: string;
  try {
    text = utf8Strict.decode(body);
  } catch {
    throw new KmsError('KMS.0202');
  }
  return parseJsonBody(text, options);
}
