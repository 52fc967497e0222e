import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from './http';
import { SIGNED_OUT, sessionQueries } from './get-session';

export async function deleteSession(): Promise<void> {
  await requestJson('/api/session', { method: 'DELETE' });
}

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSession,
    onSuccess: () => {
      // Drop every cached answer (key lists, config) along with the session.
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.status(), SIGNED_OUT);
    },
  });
}
