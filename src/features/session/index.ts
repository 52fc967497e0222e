import { lazy } from 'react';

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
export const SignInPage = lazy(() =>
  import('./components/SignInPage').then((module) => ({ default: module.SignInPage })),
);
export const OperatorTokenPanel = lazy(() =>
  import('./components/OperatorTokenPanel').then((module) => ({
    default: module.OperatorTokenPanel,
  })),
);
export { UpstreamSummary } from './components/UpstreamSummary';
