import { useMemo } from 'react';
import type { KeyDetails } from '../../../shared/kms';
import { useDescribeKey } from '../api/describe-key';
import { useKeyList } from '../api/list-keys';

export interface KeyLookup {
  /** The key's details when known, from the list or from describe-key. */
  key: KeyDetails | undefined;
  /** 'listed' and 'described' are known keys; 'unknown' a typed id the KMS did not describe. */
  source: 'listed' | 'described' | 'unknown';
  keys: readonly KeyDetails[];
  listLoading: boolean;
  listError: unknown;
  describing: boolean;
}

export function useKeyLookup(keyId: string): KeyLookup {
  const list = useKeyList();
  const keys = useMemo(() => list.data ?? [], [list.data]);
  const listed = useMemo(() => keys.find((key) => key.key_id === keyId), [keys, keyId]);
  const described = useDescribeKey(keyId, list.isSuccess && !listed);
  const key = listed ?? (described.isSuccess ? described.data : undefined);
  return {
    key,
    source: listed ? 'listed' : key ? 'described' : 'unknown',
    keys,
    listLoading: list.isPending,
    listError: list.error,
    describing: described.isFetching,
  };
}
