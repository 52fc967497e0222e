import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, CLIENT_ERROR_CODES, requestJson } from '../../../lib/api';
import { CONSOLE_API } from '../../../shared/console/routes';
import { sessionStatusSchema, type SessionStatus } from '../../../shared/console/session';

export const sessionQueries = {
  all: ['session'] as const,
  status: () => [...sessionQueries.all, 'status'] as const,
};

export const SIGNED_OUT: SessionStatus = { required: true, signedIn: false };

export async function getSessionStatus(signal?: AbortSignal): Promise<SessionStatus> {
  const parsed = sessionStatusSchema.safeParse(await requestJson(CONSOLE_API.session, { signal }));
  if (!parsed.success) throw new ApiError(CLIENT_ERROR_CODES.badResponse, '');
  return parsed.data;
}

/** Shared by the hook and by start-up, which asks before React first renders. */
export function sessionStatusQuery() {
  return queryOptions({
    queryKey: sessionQueries.status(),
    queryFn: ({ signal }) => getSessionStatus(signal),
    staleTime: Infinity,
  });
}

export function useSessionStatus() {
  return useQuery(sessionStatusQuery());
}
