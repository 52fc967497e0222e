/** The console server's configuration: the parsed environment plus the upstream it implies. */
import type { Writable } from 'node:stream';
import type { ConnectionLimits } from '../../node/http';
import { parseConsoleEnv, type ConsoleEnv } from './env';
import { historyConfigFrom, type HistoryConfig } from './history';
import type { LogLevel, TrustProxy } from './fields';
import { cloudRegion, upstreamFrom, type LocalKmsSource } from './upstream';
import type { UpstreamConfig } from '../upstream/upstream-config';

export interface ConsoleConfig {
  host: string;
  port: number;
  /** The Vite build output served as the browser app. */
  staticDir: string;
  upstream: UpstreamConfig;
  /** CONSOLE_ACCESS_TOKEN: when set, every /api/kms and /api/config call needs a session. */
  accessToken?: string;
  /** Proxies whose X-Forwarded-* headers are believed (Fastify `trustProxy`). */
  trustProxy: TrustProxy;
  /** Requests per minute per client on /api; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Sign-in attempts per minute per client. */
  signInRateLimitPerMinute: number;
  /** Origins allowed to POST besides the console's own (e.g. behind a proxy that rewrites Host). */
  allowedOrigins: string[];
  /**
   * CONSOLE_PUBLIC_URL: the origin operators open (e.g. https://kms.example.com). Its host is
   * answered besides loopback, and it counts as the console's own origin.
   */
  publicUrl?: string;
  /** The longest a session lasts from sign-in, however much it is used. */
  sessionTtlMs: number;
  /** A session cookie's lifetime, renewed while the session is in use. */
  sessionIdleMs: number;
  limits: ConnectionLimits;
  logLevel: LogLevel;
  /** The team history store and the operator identity it records; absent means off. */
  history?: HistoryConfig;
  /** Where log lines go (stdout when absent); tests pass a stream to read the log. */
  logStream?: Writable;
}

/** Where an operator's token is looked up (operator mode): as password mode finds IAM. */
function iamEndpointOf(values: ConsoleEnv): string | undefined {
  const region = cloudRegion(values);
  return values.KMS_IAM_ENDPOINT ?? (region && `https://iam.${region}.myhuaweicloud.com`);
}

/**
 * Reads the console's variables. Without KMS_ENDPOINT or KMS_REGION the upstream is the local
 * KMS, whose settings `localKms` hands over (called only then, after the console's own
 * variables passed, so their errors come first).
 */
export function loadConsoleConfig(
  env: NodeJS.ProcessEnv,
  localKms?: LocalKmsSource,
): ConsoleConfig {
  const values = parseConsoleEnv(env);
  return {
    host: values.CONSOLE_HOST,
    port: values.CONSOLE_PORT,
    staticDir: values.CONSOLE_STATIC_DIR,
    upstream: upstreamFrom(values, localKms),
    ...(values.CONSOLE_ACCESS_TOKEN !== undefined && { accessToken: values.CONSOLE_ACCESS_TOKEN }),
    trustProxy: values.CONSOLE_TRUST_PROXY,
    rateLimitPerMinute: values.CONSOLE_RATE_LIMIT,
    signInRateLimitPerMinute: values.CONSOLE_SIGNIN_RATE_LIMIT,
    allowedOrigins: values.CONSOLE_ALLOWED_ORIGINS,
    ...(values.CONSOLE_PUBLIC_URL !== undefined && { publicUrl: values.CONSOLE_PUBLIC_URL }),
    sessionTtlMs: values.CONSOLE_SESSION_TTL_MINUTES * 60_000,
    sessionIdleMs: values.CONSOLE_SESSION_IDLE_MINUTES * 60_000,
    limits: {
      requestTimeoutMs: values.CONSOLE_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: values.CONSOLE_KEEPALIVE_TIMEOUT_MS,
      maxConnectionsPerClient: values.CONSOLE_MAX_CONNECTIONS_PER_CLIENT,
    },
    logLevel: values.CONSOLE_LOG_LEVEL,
    history: historyConfigFrom(values, iamEndpointOf(values)),
  };
}

export { isCloudUpstream, type LocalKmsSource } from './upstream';
export type { LogLevel, TrustProxy } from './fields';
export type { HistoryConfig } from './history';
