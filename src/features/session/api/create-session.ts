import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../lib/api';
import { CONSOLE_API } from '../../../shared/console/routes';
import type { SignInRequest } from '../../../shared/console/session';
import { sessionEnd } from '../model/session-end';
import { sessionQueries } from './get-session';

/**
 * Exchanges the console access token for an HttpOnly session cookie (204, no body). The sign-in
 * form checks what it can; the server validates the body against signInRequestSchema.
 */
export async function createSession(body: SignInRequest): Promise<void> {
  await requestJson(CONSOLE_API.session, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    gcTime: 0,
    // Everything cached before sign-in was a 401: start over, session status included.
    onSuccess: async () => {
      // The session status first, kept while it is asked again (a reset would empty it, and the
      // app would drop the page waiting behind the form); then what failed before sign-in.
      await queryClient.refetchQueries({ queryKey: sessionQueries.status() });
      sessionEnd.clear();
      await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
  });
}
