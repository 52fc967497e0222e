import { lazy } from 'react';

export type { HistoryEntry } from './model/history-entry';
export type { HistoryPageProps } from './components/HistoryPage';
export { recordEncryption, type EncryptionToRecord } from './components/record-encryption';
export { useHistory } from './components/history-store-instance';

/** The history page (and its import/export) loads on first visit. */
export const HistoryPage = lazy(() => import('./components/HistoryPage'));
