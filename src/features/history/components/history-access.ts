import { useSyncExternalStore } from 'react';
import type { HistoryState } from '../model/history-store';
import type { EncryptionToRecord, FileEncryptionToRecord } from './record-encryption';

type StoreModule = typeof import('./history-store-instance');
type RecordModule = typeof import('./record-encryption');

// The history store (its schemas, parsing, storage) is not part of the first load: the shell
// reads it through this module, which fetches it right after the first render. Until then the
// history reads as empty.
let store: StoreModule | undefined;
let recorder: Promise<RecordModule> | undefined;
let storeRequest: Promise<StoreModule> | undefined;
const EMPTY: HistoryState = { entries: [], warnings: [] };

function loadStore(): Promise<StoreModule> {
  storeRequest ??= import('./history-store-instance').then((module) => {
    store = module;
    return module;
  });
  // The recorder comes along: an encryption's record is then written as its result shows, not
  // after a fetch that a closed tab would cut short.
  void loadRecorder();
  return storeRequest;
}

function loadRecorder(): Promise<RecordModule> {
  recorder ??= import('./record-encryption');
  return recorder;
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

/** Records keep their order: they queue on one promise. */
function withRecorder(use: (module: RecordModule) => void): void {
  void loadRecorder().then(use);
}

/** Records a text encryption. */
export function recordEncryption(encryption: EncryptionToRecord): void {
  withRecorder((module) => module.recordEncryption(encryption));
}

/** Records a file encryption. */
export function recordFileEncryption(encryption: FileEncryptionToRecord): void {
  withRecorder((module) => module.recordFileEncryption(encryption));
}
