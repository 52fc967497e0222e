import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { SIGNED_OUT, sessionEnd, sessionQueries } from '../features/session';
import { isApiError } from '../lib/api';
import type { ConsoleErrorCode } from '../shared/console';
import type { SessionStatus } from '../shared/console/session';

const SIGNED_OUT_CODE: ConsoleErrorCode = 'CONSOLE.0005';

/**
 * One place for the server-state rules: key lists and config do not change under the user,
 * so no refetch on focus; mutations are never retried (a retried encrypt is a second
 * ciphertext); a 401 CONSOLE.0005 from anywhere sends the app to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === SIGNED_OUT_CODE) {
      // Refused mid-work: the page waits behind the sign-in form (not a deliberate sign-out).
      sessionEnd.markExpired();
      queryClient.setQueryData(sessionQueries.status(), SIGNED_OUT);
    }
  };
  // A call that went through may have renewed the session: ask when it ends now, so the expiry
  // warning counts from the last use (only with sign-in, where the answer says when).
  const refreshSessionEnd = () => {
    const status = queryClient.getQueryData<SessionStatus>(sessionQueries.status());
    if (status?.signedIn && status.expiresInSeconds !== undefined) {
      void queryClient.invalidateQueries({ queryKey: sessionQueries.status() });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError, onSuccess: () => refreshSessionEnd() }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 2 &&
          !(isApiError(error) && error.status !== undefined && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
