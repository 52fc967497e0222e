import { lazy } from 'react';

export { ApiError, CLIENT_ERROR_CODES, isApiError, postKms, requestJson } from './api/http';
export { configQueries, getConfig, useConfig, type ConsoleConfig } from './api/get-config';
export {
  SIGNED_OUT,
  sessionQueries,
  sessionStatusQuery,
  useSessionStatus,
  type SessionStatus,
} from './api/get-session';
export { useCreateSession } from './api/create-session';
export { useDeleteSession } from './api/delete-session';
export { operatorToken } from './model/operator-token';

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
