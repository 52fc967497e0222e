import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from './http';
import { operatorToken } from '../model/operator-token';
import { SIGNED_OUT, sessionQueries } from './get-session';

export async function deleteSession(): Promise<void> {
  await requestJson('/api/session', { method: 'DELETE' });
}

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSession,
    onSuccess: () => {
      // The session query's observers stay attached, so update it in place; every other
      // cached answer (key lists, config) goes with the session.
      operatorToken.clear();
      queryClient.setQueryData(sessionQueries.status(), SIGNED_OUT);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
  });
}
