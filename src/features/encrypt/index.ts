import { lazy } from 'react';

export type { EncryptPageProps } from './components/EncryptPage';
export type { EncryptPrefill, EncryptionResult } from './model/encryption-result';
export type { EncryptionRecord, UpstreamFacts } from './model/commands';

/**
 * Each page is its own chunk, the encrypt page included: the shell (header, navigation,
 * session) paints first and the page's form code arrives right after.
 */
export const EncryptPage = lazy(() => import('./components/EncryptPage'));
