import { useMutation } from '@tanstack/react-query';
import type { EncryptDataRequest, EncryptDataResponse } from '../../../shared/kms';
import { postKms } from '../../../lib/api';

/** Sends a request the encrypt form's schema accepted; the server validates it again. */
export function encryptData(body: EncryptDataRequest): Promise<EncryptDataResponse> {
  return postKms('encrypt-data', body);
}

/** No retries (a second encrypt is a different ciphertext), nothing kept after unmount. */
export function useEncryptData() {
  return useMutation({ mutationFn: encryptData, retry: false, gcTime: 0 });
}
