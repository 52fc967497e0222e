import { useQuery } from '@tanstack/react-query';
import {
  describeKeyRequestSchema,
  KEY_ID_PATTERN,
  type DescribeKeyRequest,
  type KeyDetails,
} from '../../../shared/kms';
import { postKms } from '../../../lib/api';
import { keyQueries } from './list-keys';

export { describeKeyRequestSchema, type DescribeKeyRequest };

export async function describeKey(keyId: string, signal?: AbortSignal): Promise<KeyDetails> {
  const response = await postKms(
    'describe-key',
    describeKeyRequestSchema.parse({ key_id: keyId }),
    signal,
  );
  return response.key_info;
}

/**
 * Looks up a typed key id that the list does not show (another page of a huge project, or a
 * key the list call may not return), so its spec can still drive algorithms and limits.
 */
export function useDescribeKey(keyId: string, enabled: boolean) {
  return useQuery({
    queryKey: keyQueries.detail(keyId),
    queryFn: ({ signal }) => describeKey(keyId, signal),
    enabled: enabled && KEY_ID_PATTERN.test(keyId),
    staleTime: 60_000,
    retry: false,
  });
}
