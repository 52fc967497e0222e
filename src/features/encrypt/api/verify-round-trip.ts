import { useMutation } from '@tanstack/react-query';
import type { DecryptDataRequest } from '../../../shared/kms';
import { postKms } from '../../../lib/api';

export interface VerifyInput {
  /** From decryptRequestFor, which checks it against the shared wire schema. */
  request: DecryptDataRequest;
  /** The plaintext the operator encrypted, still in memory on the result view. */
  expectedPlainText: string;
}

export interface VerifyOutcome {
  matched: boolean;
  keyId: string;
}

/**
 * Decrypts the new ciphertext through the server and compares the answer with what was
 * encrypted; only the verdict leaves this function, never the decrypted text.
 */
export async function verifyRoundTrip({
  request,
  expectedPlainText,
}: VerifyInput): Promise<VerifyOutcome> {
  const response = await postKms('decrypt-data', request, undefined, 'verify');
  return { matched: response.plain_text === expectedPlainText, keyId: response.key_id };
}

export function useVerifyRoundTrip() {
  return useMutation({ mutationFn: verifyRoundTrip, retry: false, gcTime: 0 });
}
