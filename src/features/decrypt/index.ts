import { lazy } from 'react';

export type { DecryptPrefill } from './model/decrypt-prefill';
export type { DecryptPageProps } from './components/DecryptPage';

/** The decrypt page is not part of the first view: it loads on first visit. */
export const DecryptPage = lazy(() => import('./components/DecryptPage'));
