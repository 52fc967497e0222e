import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../lib/api';
import { CONSOLE_API } from '../../../shared/console/routes';
import type { SignInRequest } from '../../../shared/console/session';

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
    onSuccess: () => queryClient.resetQueries(),
  });
}
