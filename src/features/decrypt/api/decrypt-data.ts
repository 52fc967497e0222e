import { useMutation } from '@tanstack/react-query';
import {
  decryptDataRequestSchema,
  type DecryptDataRequest,
  type DecryptDataResponse,
} from '../../../shared/kms';
import { postKms } from '../../session';

export { decryptDataRequestSchema, type DecryptDataRequest, type DecryptDataResponse };

export function decryptData(body: DecryptDataRequest): Promise<DecryptDataResponse> {
  return postKms('decrypt-data', decryptDataRequestSchema.parse(body));
}

/** The plaintext lives only in this mutation's memory, dropped as soon as the page unmounts. */
export function useDecryptData() {
  return useMutation({ mutationFn: decryptData, retry: false, gcTime: 0 });
}
