import { lazyWithMessages } from '../../lib/i18n';

export type { HistoryEntry } from './model/history-entry';
export type { HistoryPageProps } from './components/HistoryPage';
export { setTeamHistory } from './components/team-share';
export type { EncryptionToRecord, FileEncryptionToRecord } from './components/record-encryption';
export { recordEncryption, recordFileEncryption, useHistory } from './components/history-access';

/** The history page (and its import/export) loads on first visit. */
export const HistoryPage = /* @__PURE__ */ lazyWithMessages(
  () => import('./components/HistoryPage'),
);
