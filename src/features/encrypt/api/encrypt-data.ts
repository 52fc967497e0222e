import { useMutation } from '@tanstack/react-query';
import {
  encryptDataRequestSchema,
  type EncryptDataRequest,
  type EncryptDataResponse,
} from '../../../shared/kms';
import { postKms } from '../../session';

export { encryptDataRequestSchema, type EncryptDataRequest, type EncryptDataResponse };

export function encryptData(body: EncryptDataRequest): Promise<EncryptDataResponse> {
  return postKms('encrypt-data', encryptDataRequestSchema.parse(body));
}

/** No retries (a second encrypt is a different ciphertext), nothing kept after unmount. */
export function useEncryptData() {
  return useMutation({ mutationFn: encryptData, retry: false, gcTime: 0 });
}
