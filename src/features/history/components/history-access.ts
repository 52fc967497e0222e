import { useSyncExternalStore } from 'react';
import type { HistoryState } from '../model/history-store';
import type { EncryptionToRecord } from './record-encryption';
import type { FileEncryptionToRecord } from './record-file-encryption';

type StoreModule = typeof import('./history-store-instance');
type RecordModule = typeof import('./record-encryption');

// The history store (its schemas, parsing, storage) is not part of the first load: the shell
// reads it through this module, which fetches it right after the first render. Until then the
// history reads as empty.
let store: StoreModule | undefined;
let storeRequest: Promise<StoreModule> | undefined;
const EMPTY: HistoryState = { entries: [], warnings: [] };

function loadStore(): Promise<StoreModule> {
  storeRequest ??= import('./history-store-instance').then((module) => {
    store = module;
    return module;
  });
  return storeRequest;
}

function subscribe(listener: () => void): () => void {
  let unsubscribe: (() => void) | undefined;
  let active = true;
  void loadStore().then(({ historyStore }) => {
    if (!active) return;
    unsubscribe = historyStore.subscribe(listener);
    listener();
  });
  return () => {
    active = false;
    unsubscribe?.();
  };
}

const read = (): HistoryState => store?.historyStore.read() ?? EMPTY;

/** This browser's history, for the shell (App, layout); the history page reads the store. */
export function useHistory(): HistoryState {
  return useSyncExternalStore(subscribe, read);
}

let recorder: Promise<RecordModule> | undefined;

/**
 * Records an encryption. The recording module loads with the first one (in practice already
 * fetched with the store); records keep their order, as they queue on one promise.
 */
export function recordEncryption(encryption: EncryptionToRecord): void {
  recorder ??= import('./record-encryption');
  void recorder.then((module) => module.recordEncryption(encryption));
}

let fileRecorder: Promise<typeof import('./record-file-encryption')> | undefined;

/** Records a file encryption, loading its module the same way. */
export function recordFileEncryption(encryption: FileEncryptionToRecord): void {
  fileRecorder ??= import('./record-file-encryption');
  void fileRecorder.then((module) => module.recordFileEncryption(encryption));
}
