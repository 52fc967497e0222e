import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { requestJson } from './http';

export const createSessionRequestSchema = z.strictObject({
  access_token: z.string().check(z.minLength(1)),
});
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

/** Exchanges the console access token for an HttpOnly session cookie (204, no body). */
export async function createSession(body: CreateSessionRequest): Promise<void> {
  await requestJson('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(createSessionRequestSchema.parse(body)),
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
