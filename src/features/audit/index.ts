import { lazyWithMessages } from '../../lib/i18n';

export type { AuditPageProps } from './components/AuditPage';

/** The audit page loads on first visit only: it is not part of the first load. */
export const AuditPage = /* @__PURE__ */ lazyWithMessages(() => import('./components/AuditPage'));
