import { lazyWithMessages } from '../../lib/i18n';

export { configQueries, getConfig, useConfig } from './api/get-config';
export {
  SIGNED_OUT,
  sessionQueries,
  sessionStatusQuery,
  useSessionStatus,
} from './api/get-session';
export { useCreateSession } from './api/create-session';
export { useDeleteSession } from './api/delete-session';

// Needed only with access control or in operator mode: loaded when shown.
export const SignInPage = lazyWithMessages(() =>
  import('./components/SignInPage').then((module) => ({ default: module.SignInPage })),
);
export const OperatorTokenPanel = lazyWithMessages(() =>
  import('./components/OperatorTokenPanel').then((module) => ({
    default: module.OperatorTokenPanel,
  })),
);
export { UpstreamSummary } from './components/UpstreamSummary';
export { sessionEnd } from './model/session-end';
export { useSessionExpired, useSessionExpiry } from './components/use-session-expiry';
// Shown only a few minutes before a session ends.
export const SessionExpiryWarning = /* @__PURE__ */ lazyWithMessages(
  () => import('./components/SessionExpiryWarning'),
);
