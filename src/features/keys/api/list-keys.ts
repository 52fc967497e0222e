import { useQuery } from '@tanstack/react-query';
import { listKeysRequestSchema, type KeyDetails, type ListKeysRequest } from '../../../shared/kms';
import { postKms } from '../../../lib/api';

export { listKeysRequestSchema, type ListKeysRequest };

export const keyQueries = {
  all: ['keys'] as const,
  list: () => [...keyQueries.all, 'list', { keySpec: 'ALL' }] as const,
  detail: (keyId: string) => [...keyQueries.all, 'detail', keyId] as const,
};

const PAGE_SIZE = '1000';
/** A marker that never ends would loop forever; no real project has this many pages of keys. */
const MAX_PAGES = 100;

/** Every key of every spec, all pages. */
export async function listAllKeys(signal?: AbortSignal): Promise<KeyDetails[]> {
  const keys: KeyDetails[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const request: ListKeysRequest = listKeysRequestSchema.parse({
      limit: PAGE_SIZE,
      key_spec: 'ALL',
      ...(marker ? { marker } : {}),
    });
    const response = await postKms('list-keys', request, signal);
    keys.push(...response.key_details);
    if (response.truncated !== 'true' || !response.next_marker || response.next_marker === marker) {
      break;
    }
    marker = response.next_marker;
  }
  return keys;
}

export function useKeyList() {
  return useQuery({
    queryKey: keyQueries.list(),
    queryFn: ({ signal }) => listAllKeys(signal),
    staleTime: 60_000,
  });
}
