import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { sessionQueries, useSessionStatus } from '../api/get-session';
import { sessionEnd, warningLeadMs } from '../model/session-end';

export interface SessionExpiry {
  /** When the session ends unless used (ms since the epoch), once the warning is due. */
  warnUntil: number | undefined;
}

/**
 * Watches the session's end as GET /api/session last stated it: from a few minutes before,
 * `warnUntil` says when it ends; at the end the session status is asked again (the server
 * then says signed out, and the app shows the sign-in form in front of the page).
 */
export function useSessionExpiry(): SessionExpiry {
  const queryClient = useQueryClient();
  const { data, dataUpdatedAt } = useSessionStatus();
  const seconds = data?.signedIn ? data.expiresInSeconds : undefined;
  const endsAt = seconds === undefined ? undefined : dataUpdatedAt + seconds * 1000;
  const [warnFor, setWarnFor] = useState<number | undefined>(undefined);

  useEffect(() => {
    if (endsAt === undefined || seconds === undefined) return undefined;
    const now = Date.now();
    const warnAt = endsAt - warningLeadMs(seconds * 1000);
    const warn = setTimeout(() => setWarnFor(endsAt), Math.max(0, warnAt - now));
    const end = setTimeout(
      () => {
        sessionEnd.markExpired();
        void queryClient.invalidateQueries({ queryKey: sessionQueries.status() });
      },
      Math.max(0, endsAt - now),
    );
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [endsAt, seconds, queryClient]);

  // A newer answer (the session was used, or renewed) replaces a warning about an older end.
  return { warnUntil: warnFor !== undefined && warnFor === endsAt ? warnFor : undefined };
}

export function useSessionExpired(): boolean {
  return useSyncExternalStore(sessionEnd.subscribe, sessionEnd.isExpired);
}
