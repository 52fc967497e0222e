import { lazy } from 'react';

export type { EncryptPageProps } from './components/EncryptPage';
export type { EncryptPrefill, EncryptionResult } from './model/encryption-result';
export type { EncryptionRecord, UpstreamFacts } from './model/commands';

/**
 * Each page is its own chunk, the encrypt page included, so the shell (header, navigation,
 * session) is small. The encrypt page is the first view, so its download starts as soon as
 * this module runs rather than when React first renders it: waiting for the render cost a
 * network round trip plus Suspense's 300 ms fallback throttle in the latency bench.
 */
const encryptPageModule = import('./components/EncryptPage');
export const EncryptPage = lazy(() => encryptPageModule);
