import {
  encryptionAlgorithmSchema,
  KEY_ID_PATTERN,
  type EncryptionAlgorithm,
} from '../../../shared/kms';

/** What a `#/encrypt?key=<id>&algorithm=<name>` link may choose: a key and an algorithm. */
export interface LinkPrefill {
  keyId?: string;
  algorithm?: EncryptionAlgorithm;
}

/**
 * Reads a link's key and algorithm. Everything else is ignored on purpose, a plaintext or
 * ciphertext above all: a URL lands in browser history, proxies and logs, so the console never
 * takes a secret from one.
 */
export function linkPrefillFromHash(hash: string): LinkPrefill {
  const query = hash.indexOf('?');
  if (query < 0) return {};
  const params = new URLSearchParams(hash.slice(query + 1));
  const keyId = (params.get('key') ?? '').trim().toLowerCase();
  const algorithm = encryptionAlgorithmSchema.safeParse(params.get('algorithm'));
  return {
    ...(KEY_ID_PATTERN.test(keyId) ? { keyId } : {}),
    ...(algorithm.success ? { algorithm: algorithm.data } : {}),
  };
}
