/**
 * The audit events of what passes through the console besides the history API: KMS operations
 * (encrypt, decrypt, verify, data keys) and sign-in / sign-out, recorded when the answer has
 * gone out, with its outcome (`ok` or the KMS / CONSOLE code it carried). An answer never waits
 * on the audit, and a store that is down does not fail an encryption: the event waits in memory
 * and is written when the store is back.
 */
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../shared/console/history';
import { CONSOLE_API } from '../../shared/console/routes';
import { SESSION_COOKIE } from '../security/session';
import { sessionLabel } from '../security/session';
import { HistoryError } from './errors';
import type { HistoryRepository, NewAuditEvent } from './repository';

const KMS_ACTIONS: Readonly<Record<string, AuditAction>> = {
  'encrypt-data': 'encrypt',
  'decrypt-data': 'decrypt',
  'create-datakey': 'create-datakey',
  'decrypt-datakey': 'decrypt-datakey',
};
/** The browser's Verify decrypts to compare; it says so, since the server cannot tell. */
export const CONSOLE_ACTION_HEADER = 'x-console-action';
const PENDING_MAX = 10_000;
const RETRY_MS = 2000;

/** Appends events; keeps those the store could not take and retries them in order. */
export class AuditRecorder {
  private readonly pending: NewAuditEvent[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly repository: HistoryRepository,
    private readonly log: FastifyBaseLogger,
  ) {}

  record(event: NewAuditEvent): void {
    if (this.pending.length > 0) {
      this.enqueue(event);
      return;
    }
    this.repository.appendAudit(event).catch((error: unknown) => this.failed(event, error));
  }

  /** Writes what waits; resolves when the queue is empty or the store is still down. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  get waiting(): number {
    return this.pending.length;
  }

  async close(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.flush();
    if (this.pending.length > 0) {
      this.log.warn(
        { auditEventsLost: this.pending.length },
        'audit events not stored at shutdown',
      );
    }
  }

  private failed(event: NewAuditEvent, error: unknown): void {
    if (error instanceof HistoryError && error.code === 'CONSOLE.0104') {
      this.enqueue(event);
      return;
    }
    this.log.error({ err: error, action: event.action }, 'audit event refused by the store');
  }

  private enqueue(event: NewAuditEvent): void {
    if (this.pending.length >= PENDING_MAX) {
      this.pending.shift();
      this.log.warn('audit queue full: the oldest waiting event was dropped');
    }
    this.pending.push(event);
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, RETRY_MS);
    this.retryTimer.unref();
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const [event] = this.pending;
      try {
        await this.repository.appendAudit(event!);
        this.pending.shift();
      } catch (error) {
        if (error instanceof HistoryError && error.code === 'CONSOLE.0104') {
          this.retryTimer ??= setTimeout(() => {
            this.retryTimer = undefined;
            void this.flush();
          }, RETRY_MS);
          this.retryTimer.unref();
          return;
        }
        this.pending.shift();
        this.log.error({ err: error, action: event!.action }, 'audit event refused by the store');
      }
    }
  }
}

function outcomeOf(request: FastifyRequest, reply: FastifyReply): string {
  if (reply.statusCode < 400) return 'ok';
  return request.kmsErrorCode ?? 'CONSOLE.0014';
}

/** The session a sign-in just issued, read back from the cookie the answer sets. */
function issuedSessionLabel(reply: FastifyReply): string | undefined {
  const header = reply.getHeader('set-cookie');
  const cookies = Array.isArray(header) ? header : [String(header ?? '')];
  for (const cookie of cookies) {
    const match = new RegExp(`^${SESSION_COOKIE}=v2\\.([A-Za-z0-9_-]+)\\.`).exec(cookie);
    if (match?.[1]) return `session:${sessionLabel(match[1])}`;
  }
  return undefined;
}

/** The audit event of an answered request, or null for requests that are not audited. */
export function consoleAuditEvent(
  request: FastifyRequest,
  reply: FastifyReply,
  actor: string,
): NewAuditEvent | null {
  const route = request.routeOptions.url;
  const base = { actor, outcome: outcomeOf(request, reply), requestId: request.id };
  if (route === CONSOLE_API.kmsOperation(':operation')) {
    const operation = request.kmsAudit?.operation;
    let action = operation === undefined ? undefined : KMS_ACTIONS[operation];
    if (action === undefined) return null;
    if (action === 'decrypt' && request.headers[CONSOLE_ACTION_HEADER] === 'verify') {
      action = 'verify';
    }
    return { ...base, action, keyId: request.kmsAudit?.keyId ?? null };
  }
  if (route === CONSOLE_API.session && request.method === 'POST') {
    const issued = base.outcome === 'ok' ? issuedSessionLabel(reply) : undefined;
    // Sign-in without access control is a no-op (204, no session): nothing to audit.
    if (base.outcome === 'ok' && issued === undefined) return null;
    return { ...base, action: 'session.sign-in', actor: issued ?? actor };
  }
  if (route === CONSOLE_API.session && request.method === 'DELETE') {
    return { ...base, action: 'session.sign-out' };
  }
  return null;
}
