import { useMutation, useQueryClient } from '@tanstack/react-query';
import { operatorToken, requestJson } from '../../../lib/api';
import { CONSOLE_API } from '../../../shared/console/routes';
import { SIGNED_OUT, sessionQueries } from './get-session';

export async function deleteSession(): Promise<void> {
  await requestJson(CONSOLE_API.session, { method: 'DELETE' });
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
