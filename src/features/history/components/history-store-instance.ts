import { useSyncExternalStore } from 'react';
import { HISTORY_STORAGE_KEY, HistoryStore, type HistoryState } from '../model/history-store';

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Accessing localStorage throws when the browser blocks site data.
    return undefined;
  }
}

/** The one history of this browser profile. */
export const historyStore = new HistoryStore(browserStorage());

if (typeof window !== 'undefined') {
  // Another tab wrote the history: show its entries here too.
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === HISTORY_STORAGE_KEY)
      historyStore.notifyExternalChange();
  });
}

const subscribe = (listener: () => void) => historyStore.subscribe(listener);
const read = () => historyStore.read();
const readNotice = () => historyStore.lastNotice();

export function useHistory(): HistoryState {
  return useSyncExternalStore(subscribe, read);
}

export function useHistoryNotice() {
  return useSyncExternalStore(subscribe, readNotice);
}
