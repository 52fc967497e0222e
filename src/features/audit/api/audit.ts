/** `GET /api/audit`: the audit trail, filtered on the server, newest first, page by page. */
import { auditPageSchema, type AuditPage } from '../../../shared/console/history';
import { CONSOLE_API } from '../../../shared/console/routes';
import { getConsoleJson, queryString } from '../../../lib/api/console-request';

export interface AuditFilterValues {
  actor: string;
  action: string;
  keyId: string;
  outcome: string;
  /** Days as date inputs give them (YYYY-MM-DD), whole days in the browser's time zone. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilterValues = {
  actor: '',
  action: '',
  keyId: '',
  outcome: '',
  from: '',
  to: '',
};

/** The start of a day, or of the day after (`to` includes its whole day). */
export function dayStart(date: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return new Date(year, month - 1, day + plusDays).toISOString();
}

export function listAudit(filters: AuditFilterValues, cursor?: string): Promise<AuditPage> {
  const search = queryString({
    actor: filters.actor.trim(),
    action: filters.action,
    key_id: filters.keyId.trim(),
    outcome: filters.outcome.trim(),
    from: dayStart(filters.from),
    to: dayStart(filters.to, 1),
    cursor,
    limit: '50',
  });
  return getConsoleJson(`${CONSOLE_API.audit}${search}`, auditPageSchema);
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilterValues) => ['audit', filters] as const,
};
