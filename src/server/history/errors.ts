import { CONSOLE_ERROR_CODES } from '../../shared/console';
import type { HistoryErrorCode } from '../../shared/console/history';
import { KmsShapedError } from '../../shared/kms';

/** A failure of the history API, answered in the KMS error shape like every other. */
export class HistoryError extends KmsShapedError {
  declare readonly code: HistoryErrorCode;

  constructor(code: HistoryErrorCode, message?: string) {
    super(CONSOLE_ERROR_CODES, code, message);
    this.name = 'HistoryError';
  }
}

const UNREACHABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
]);
// SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now.
const SHUTDOWN_SQLSTATE = new Set(['57P01', '57P02', '57P03']);

/**
 * True when the database could not be reached or went away mid-query: worth a retry later,
 * unlike a bad query. `pg` reports a dropped socket with a message and no code.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNREACHABLE_ERRNO.has(code) || SHUTDOWN_SQLSTATE.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  );
}
