/**
 * Who an operator is, for the history and the audit: the identity an SSO proxy vouches for;
 * else, in operator-token mode, the IAM user the pasted token belongs to; else the signed-in
 * session's label; else `local` (one operator at the embedded default). Never a secret: a
 * token or session id is reduced to a non-reversible label when nothing better is known.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sessionLabel } from '../security/session';

export const LOCAL_ACTOR = 'local';
const ACTOR_MAX_CHARS = 200;
/** An IAM user does not change under a token; a few minutes spares IAM one call per request. */
const TOKEN_CACHE_MS = 5 * 60_000;
/** A failed look-up is retried sooner: IAM may only have been slow. */
const TOKEN_FAILURE_CACHE_MS = 30_000;
const TOKEN_CACHE_MAX = 1000;
const IAM_TIMEOUT_MS = 5000;

export interface ActorSources {
  /** Lower-case header name, set only when a trusted proxy is configured. */
  identityHeader?: string;
  /** Whether the connection's peer is a trusted proxy (only its headers are believed). */
  isTrustedPeer(address: string): boolean;
  /** Operator mode: the IAM endpoint that says whose token it is. */
  operatorIamEndpoint?: string;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function clean(text: string): string {
  // Control characters would let a header forge lines in a CSV export or a log.
  return text
    .replace(/[\p{Cc}]/gu, '')
    .trim()
    .slice(0, ACTOR_MAX_CHARS);
}

interface IamTokenAnswer {
  token?: { user?: { name?: unknown; domain?: { name?: unknown } } };
}

export class ActorResolver {
  private readonly tokenActors = new Map<string, { actor: string; until: number }>();

  constructor(private readonly sources: ActorSources) {}

  async resolve(request: FastifyRequest): Promise<string> {
    const { identityHeader, operatorIamEndpoint } = this.sources;
    if (
      identityHeader !== undefined &&
      this.sources.isTrustedPeer(request.socket.remoteAddress ?? '')
    ) {
      const value = request.headers[identityHeader];
      const identity = clean(Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
      if (identity !== '') return identity;
    }
    const token = request.headers['x-auth-token'];
    if (operatorIamEndpoint !== undefined && typeof token === 'string' && token !== '') {
      return this.tokenActor(operatorIamEndpoint, token);
    }
    if (request.sessionId !== null) return `session:${sessionLabel(request.sessionId)}`;
    return LOCAL_ACTOR;
  }

  private async tokenActor(iamEndpoint: string, token: string): Promise<string> {
    const digest = sha256Hex(token);
    const now = Date.now();
    const cached = this.tokenActors.get(digest);
    if (cached && cached.until > now) return cached.actor;
    const user = await this.lookUpUser(iamEndpoint, token);
    const actor = user ?? `token:${digest.slice(0, 16)}`;
    if (this.tokenActors.size >= TOKEN_CACHE_MAX) this.forgetExpired(now);
    this.tokenActors.set(digest, {
      actor,
      until: now + (user === undefined ? TOKEN_FAILURE_CACHE_MS : TOKEN_CACHE_MS),
    });
    return actor;
  }

  /** IAM `GET /v3/auth/tokens`: the token asks about itself, so no other credential is needed. */
  private async lookUpUser(iamEndpoint: string, token: string): Promise<string | undefined> {
    try {
      const response = await fetch(`${iamEndpoint}/v3/auth/tokens`, {
        headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
        signal: AbortSignal.timeout(IAM_TIMEOUT_MS),
      });
      if (!response.ok) return undefined;
      const body = (await response.json()) as IamTokenAnswer;
      const name = body.token?.user?.name;
      const domain = body.token?.user?.domain?.name;
      if (typeof name !== 'string' || name === '') return undefined;
      return clean(typeof domain === 'string' && domain !== '' ? `${domain}/${name}` : name);
    } catch {
      return undefined;
    }
  }

  private forgetExpired(now: number): void {
    for (const [digest, entry] of this.tokenActors) {
      if (entry.until <= now) this.tokenActors.delete(digest);
    }
    // Still full of live entries: drop the oldest rather than grow without bound.
    if (this.tokenActors.size >= TOKEN_CACHE_MAX) {
      const oldest = this.tokenActors.keys().next().value;
      if (oldest !== undefined) this.tokenActors.delete(oldest);
    }
  }
}
