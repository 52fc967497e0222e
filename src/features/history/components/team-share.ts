import type { HistoryEntry } from '../model/history-entry';

// Apart from record-encryption.ts: App sets the flag at start, and this module is small enough
// for the first load, where the history store is not.
let teamHistoryOn = false;

/**
 * Whether the console keeps a team history (GET /api/config says). When it does, every entry
 * also goes to the server through the outbox, which is loaded only then, and records left
 * waiting by an earlier visit are sent.
 */
export function setTeamHistory(on: boolean): void {
  teamHistoryOn = on;
  let waiting: boolean;
  try {
    waiting = on && localStorage.getItem('kms-console.history.outbox') !== null;
  } catch {
    waiting = false;
  }
  if (waiting) void import('../model/team-outbox').then(({ teamOutbox }) => teamOutbox.flush());
}

export function shareWithTeam(entry: HistoryEntry): void {
  if (!teamHistoryOn) return;
  void import('../model/team-outbox').then(({ teamOutbox, recordBodyOf }) =>
    teamOutbox.send(recordBodyOf(entry)),
  );
}
