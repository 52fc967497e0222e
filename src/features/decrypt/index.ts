import { lazyWithMessages } from '../../lib/i18n';

export type { DecryptPrefill, FindInHistory } from './model/decrypt-prefill';
export type { DecryptPageProps } from './components/DecryptPage';

/** The decrypt page is not part of the first view: it loads on first visit. */
export const DecryptPage = /* @__PURE__ */ lazyWithMessages(
  () => import('./components/DecryptPage'),
);
