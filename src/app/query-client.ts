import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { SIGNED_OUT, sessionQueries } from '../features/session';
import { isApiError } from '../lib/api';
import type { ConsoleErrorCode } from '../shared/console';

const SIGNED_OUT_CODE: ConsoleErrorCode = 'CONSOLE.0005';

/**
 * One place for the server-state rules: key lists and config do not change under the user,
 * so no refetch on focus; mutations are never retried (a retried encrypt is a second
 * ciphertext); a 401 CONSOLE.0005 from anywhere sends the app to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === SIGNED_OUT_CODE) {
      queryClient.setQueryData(sessionQueries.status(), SIGNED_OUT);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
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
