import { KEY_ID_PATTERN } from '../../../shared/kms';

/** The key id only: never a plaintext, never anything about what was encrypted with it. */
export const LAST_KEY_STORAGE_KEY = 'kms-console.last-key';

/** The key last used to encrypt in this browser, when storage allows and holds a valid id. */
export function lastKeyId(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): string {
  try {
    const stored = storage?.getItem(LAST_KEY_STORAGE_KEY) ?? '';
    return KEY_ID_PATTERN.test(stored) ? stored : '';
  } catch {
    return '';
  }
}

export function rememberLastKey(
  keyId: string,
  storage: Pick<Storage, 'setItem'> | undefined = safeStorage(),
): void {
  if (!KEY_ID_PATTERN.test(keyId)) return;
  try {
    storage?.setItem(LAST_KEY_STORAGE_KEY, keyId);
  } catch {
    // Storage off or full: the next visit simply starts without a key.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
