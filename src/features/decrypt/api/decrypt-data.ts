import { useMutation } from '@tanstack/react-query';
import type { DecryptDataRequest, DecryptDataResponse } from '../../../shared/kms';
import { postKms } from '../../../lib/api';

/** Sends a request the decrypt form's schema accepted; the server validates it again. */
export function decryptData(body: DecryptDataRequest): Promise<DecryptDataResponse> {
  return postKms('decrypt-data', body);
}

/** The plaintext lives only in this mutation's memory, dropped as soon as the page unmounts. */
export function useDecryptData() {
  return useMutation({ mutationFn: decryptData, retry: false, gcTime: 0 });
}
