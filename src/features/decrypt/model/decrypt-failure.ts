import type { DecryptDataRequest } from '../../../shared/kms';
import { keyIdInCipherText } from './decrypt-prefill';

/** Why a decryption failed, as far as the request and the KMS's answer tell. */
export type DecryptFailureCause =
  'asymmetricWithoutKey' | 'missingContext' | 'contextDiffers' | 'generic';

/**
 * The cause a failed decrypt-data call names in its headline, instead of "damaged, another
 * key, or the context differs": a ciphertext that names no key sent without one is asymmetric
 * ciphertext missing its key; a context refusal without any context sent is a missing context.
 */
export function decryptFailureCause(
  request: DecryptDataRequest,
  errorCode: string | undefined,
): DecryptFailureCause {
  // Only the KMS's refusals say anything about the ciphertext; a network failure does not.
  if (!errorCode?.startsWith('KMS.')) return 'generic';
  if (!request.key_id && keyIdInCipherText(request.cipher_text) === undefined) {
    return 'asymmetricWithoutKey';
  }
  if (errorCode === 'KMS.0208') {
    const contextSent = Object.keys(request.encryption_context ?? {}).length > 0;
    return contextSent ? 'contextDiffers' : 'missingContext';
  }
  return 'generic';
}
