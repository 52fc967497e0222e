/**
 * IAM password → token, for the `password` credential mode. The token is cached and renewed
 * well before it expires; at most one request to IAM is in flight however many KMS calls
 * need a token at once.
 */
import { ConsoleError } from '../../../shared/console';
import type { KmsShapedError } from '../../../shared/kms';
import { HttpClient, UpstreamFailure } from '../http-client';

export interface IamPasswordCredentials {
  iamEndpoint: string;
  domain: string;
  user: string;
  password: string;
}

interface CachedToken {
  token: string;
  /** Local clock: from here on a renewal starts, while the token is still used. */
  renewAt: number;
  /** Local clock: from here on the token is not sent any more (it may expire in flight). */
  usableUntil: number;
}

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** After a failed background renewal, wait this long before asking IAM again. */
const RENEWAL_RETRY_MS = 10_000;
/** When IAM does not say how long a token lives, assume less than its documented 24 h. */
const FALLBACK_LIFETIME_MS = HOUR_MS;

/** Lifetime from IAM's own issued/expires pair, so a skewed local clock does not matter. */
function tokenLifetimeMs(body: unknown): number {
  if (typeof body !== 'object' || body === null || !('token' in body)) return FALLBACK_LIFETIME_MS;
  const token = (body as { token: unknown }).token;
  if (typeof token !== 'object' || token === null) return FALLBACK_LIFETIME_MS;
  const { issued_at: issuedAt, expires_at: expiresAt } = token as Record<string, unknown>;
  if (typeof issuedAt !== 'string' || typeof expiresAt !== 'string') return FALLBACK_LIFETIME_MS;
  const lifetime = Date.parse(expiresAt) - Date.parse(issuedAt);
  return Number.isFinite(lifetime) && lifetime > 0 ? lifetime : FALLBACK_LIFETIME_MS;
}

export class IamTokenProvider {
  private cached: CachedToken | undefined;
  private inFlight: Promise<string> | undefined;
  private lastFailureAt = 0;
  /** How many times IAM was asked: for the audit of renewals, and for tests. */
  requests = 0;

  constructor(
    private readonly client: HttpClient,
    private readonly credentials: IamPasswordCredentials,
    private readonly projectId: string,
    private readonly onBackgroundFailure: (error: KmsShapedError) => void = () => {},
  ) {}

  /** A token valid for a while yet; fetches one if there is none. */
  async token(): Promise<string> {
    const now = Date.now();
    const cached = this.cached;
    if (cached && now < cached.renewAt) return cached.token;
    if (cached && now < cached.usableUntil) {
      // Renew in the background and keep using the current token meanwhile, so a slow or
      // failing IAM does not stall KMS calls while the token is still good.
      if (now - this.lastFailureAt >= RENEWAL_RETRY_MS) {
        this.renew().catch((error: unknown) => {
          this.lastFailureAt = Date.now();
          if (error instanceof ConsoleError) this.onBackgroundFailure(error);
        });
      }
      return cached.token;
    }
    return this.renew();
  }

  /** KMS refused this token (revoked, expired early): forget it so the next call renews. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private renew(): Promise<string> {
    this.inFlight ??= this.fetchToken().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchToken(): Promise<string> {
    this.requests += 1;
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: this.credentials.user,
              password: this.credentials.password,
              domain: { name: this.credentials.domain },
            },
          },
        },
        scope: { project: { id: this.projectId } },
      },
    });
    const startedAt = Date.now();
    let response;
    try {
      response = await this.client.post(
        new URL(`${this.credentials.iamEndpoint}/v3/auth/tokens`),
        { 'content-type': 'application/json;charset=UTF-8' },
        body,
      );
    } catch (error) {
      const reason =
        error instanceof UpstreamFailure && error.kind === 'timeout'
          ? 'did not answer in time'
          : `could not be reached${error instanceof UpstreamFailure && error.causeCode ? ` (${error.causeCode})` : ''}`;
      throw new ConsoleError('CONSOLE.0013', `Could not obtain an IAM token: IAM ${reason}.`);
    }
    const token = response.headers['x-subject-token'];
    if (response.status === 401 || response.status === 403) {
      throw new ConsoleError(
        'CONSOLE.0013',
        `Could not obtain an IAM token: IAM refused the domain, user name or password (HTTP ${response.status}).`,
      );
    }
    if (response.status < 200 || response.status >= 300 || typeof token !== 'string' || !token) {
      throw new ConsoleError(
        'CONSOLE.0013',
        `Could not obtain an IAM token: IAM answered HTTP ${response.status} without a token.`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const lifetime = tokenLifetimeMs(parsed);
    // Renew an hour before expiry (half-way for short-lived tokens); stop sending it five
    // minutes before (a quarter of its life for short ones) so it never expires in flight.
    this.cached = {
      token,
      renewAt: startedAt + lifetime - Math.min(lifetime / 2, HOUR_MS),
      usableUntil: startedAt + lifetime - Math.min(lifetime / 4, 5 * MINUTE_MS),
    };
    return token;
  }
}
