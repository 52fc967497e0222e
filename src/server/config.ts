/**
 * Console server configuration: every environment variable parsed by one zod schema at
 * start-up. A bad value throws an Error naming the variable and the reason, never the value
 * of a secret.
 */
import { isIP } from 'node:net';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { LOCAL_KMS_DEFAULTS } from '../shared/local-kms-defaults';

export type UpstreamAuth =
  | { mode: 'aksk'; accessKey: string; secretKey: string }
  | { mode: 'token'; token: string }
  | { mode: 'password'; iamEndpoint: string; domain: string; user: string; password: string }
  | { mode: 'operator' };

export type AuthMode = UpstreamAuth['mode'];
export const AUTH_MODES = ['aksk', 'token', 'password', 'operator'] as const;

export interface UpstreamConfig {
  kind: 'local' | 'cloud';
  /** Scheme, host and port, no trailing slash. */
  endpoint: string;
  region: string;
  projectId: string;
  auth: UpstreamAuth;
  timeoutMs: number;
}

export type TrustProxy = boolean | number | string[];

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
  sessionTtlMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where log lines go (stdout when absent); tests pass a stream to read the log. */
  logStream?: Writable;
}

const LOOPBACK_NAMES = new Set(['localhost', 'ip6-localhost', 'ip6-loopback']);

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK_NAMES.has(bare)) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

// ---- field parsers -------------------------------------------------------------------------

const nonEmpty = z
  .string()
  .transform((text) => text.trim())
  .pipe(z.string().min(1, 'must not be empty'));

const port = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a port number 0..65535')
  .transform(Number)
  .pipe(z.number().int().max(65535, 'must be a port number 0..65535'));

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(max, `must be at most ${max}`));

const nonNegativeInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number (0 turns it off)')
    .transform(Number)
    .pipe(z.number().int().max(max, `must be at most ${max}`));

const hostName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, 'must be a host name or an IP address');

const httpUrl = z
  .string()
  .trim()
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL without credentials')
  .transform((text) => text.replace(/\/+$/, ''));

const region = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,64}$/, 'must be a region name such as cn-north-4');

const projectId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a project id (32 hex characters in Huawei Cloud)');

const credential = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(16384, 'is too long')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

const trustProxy = z
  .string()
  .trim()
  .transform((text, ctx): TrustProxy => {
    if (text === '' || text === 'false') return false;
    if (text === 'true') return true;
    if (/^\d{1,2}$/.test(text)) return Number(text);
    const entries = text.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => /^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(entry))) return entries;
    ctx.addIssue({
      code: 'custom',
      message: 'must be true, false, a hop count, or a comma-separated list of IP addresses/CIDRs',
    });
    return z.NEVER;
  });

const originList = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === '') return [];
    const origins: string[] = [];
    for (const entry of text.split(',')) {
      try {
        const url = new URL(entry.trim());
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
        origins.push(url.origin);
      } catch {
        ctx.addIssue({ code: 'custom', message: `"${entry.trim()}" is not an http(s) origin` });
        return z.NEVER;
      }
    }
    return origins;
  });

/**
 * The environment, variable by variable. Every field is optional here; which ones are needed
 * depends on others and is checked by `superRefine` below, so the messages can say why.
 */
const envSchema = z
  .object({
    CONSOLE_HOST: hostName.default('127.0.0.1'),
    CONSOLE_PORT: port.default(8080),
    CONSOLE_STATIC_DIR: nonEmpty.default('dist'),
    CONSOLE_ACCESS_TOKEN: z
      .string()
      .min(16, 'must be at least 16 characters (use a long random value)')
      .max(1024, 'is too long')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
    CONSOLE_TRUST_PROXY: trustProxy.default(false),
    CONSOLE_RATE_LIMIT: nonNegativeInt(100_000_000).default(120_000),
    CONSOLE_SIGNIN_RATE_LIMIT: positiveInt(10_000).default(10),
    CONSOLE_ALLOWED_ORIGINS: originList.default([]),
    CONSOLE_SESSION_TTL_MINUTES: positiveInt(60 * 24 * 30).default(12 * 60),
    CONSOLE_LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),

    KMS_ENDPOINT: httpUrl.optional(),
    KMS_REGION: region.optional(),
    KMS_PROJECT_ID: projectId.optional(),
    KMS_AUTH_MODE: z.enum(AUTH_MODES).optional(),
    KMS_AUTH_TOKEN: credential.optional(),
    KMS_TIMEOUT_MS: positiveInt(600_000).default(10_000),
    KMS_IAM_ENDPOINT: httpUrl.optional(),

    HUAWEICLOUD_SDK_AK: credential.optional(),
    HUAWEICLOUD_SDK_SK: credential.optional(),
    HUAWEICLOUD_IAM_DOMAIN: nonEmpty.optional(),
    HUAWEICLOUD_IAM_USER: nonEmpty.optional(),
    HUAWEICLOUD_IAM_PASSWORD: z.string().min(1, 'must not be empty').optional(),

    LOCAL_KMS_HOST: hostName.default(LOCAL_KMS_DEFAULTS.host),
    LOCAL_KMS_PORT: port.default(LOCAL_KMS_DEFAULTS.port),
    LOCAL_KMS_PROJECT_ID: projectId.default(LOCAL_KMS_DEFAULTS.projectId),
    LOCAL_KMS_AK: credential.default(LOCAL_KMS_DEFAULTS.accessKey),
    LOCAL_KMS_SK: credential.default(LOCAL_KMS_DEFAULTS.secretKey),
    LOCAL_KMS_TOKEN: credential.default(LOCAL_KMS_DEFAULTS.token),
  })
  .superRefine((env, ctx) => {
    const fail = (variable: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message });

    if (!isLoopbackHost(env.CONSOLE_HOST) && env.CONSOLE_ACCESS_TOKEN === undefined) {
      fail(
        'CONSOLE_HOST',
        `"${env.CONSOLE_HOST}" is not a loopback address, so other machines could reach the ` +
          'console and spend its KMS credentials: set CONSOLE_ACCESS_TOKEN (a long random ' +
          'secret operators sign in with) or bind to 127.0.0.1',
      );
    }
    if ((env.HUAWEICLOUD_SDK_AK === undefined) !== (env.HUAWEICLOUD_SDK_SK === undefined)) {
      fail(
        env.HUAWEICLOUD_SDK_AK === undefined ? 'HUAWEICLOUD_SDK_AK' : 'HUAWEICLOUD_SDK_SK',
        'HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK must be set together',
      );
    }

    const cloud = env.KMS_ENDPOINT !== undefined || env.KMS_REGION !== undefined;
    if (!cloud) {
      if (env.KMS_AUTH_MODE === 'password') {
        fail('KMS_AUTH_MODE', '"password" needs a cloud IAM; the local KMS takes aksk or token');
      }
      return;
    }
    if (env.KMS_PROJECT_ID === undefined) {
      fail('KMS_PROJECT_ID', 'is required when KMS_ENDPOINT or KMS_REGION is set');
    }
    const mode = env.KMS_AUTH_MODE ?? inferCloudAuthMode(env);
    if (mode === undefined) {
      fail(
        'KMS_AUTH_MODE',
        'no credentials for the cloud KMS: set HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK, or ' +
          'KMS_AUTH_TOKEN, or HUAWEICLOUD_IAM_DOMAIN + HUAWEICLOUD_IAM_USER + ' +
          'HUAWEICLOUD_IAM_PASSWORD, or KMS_AUTH_MODE=operator',
      );
    } else if (mode === 'ambiguous') {
      fail(
        'KMS_AUTH_MODE',
        'credentials for more than one mode are set: choose one with KMS_AUTH_MODE ' +
          '(aksk, token, password or operator)',
      );
    } else if (mode === 'aksk' && env.HUAWEICLOUD_SDK_AK === undefined) {
      fail('HUAWEICLOUD_SDK_AK', 'is required (with HUAWEICLOUD_SDK_SK) when KMS_AUTH_MODE=aksk');
    } else if (mode === 'token' && env.KMS_AUTH_TOKEN === undefined) {
      fail('KMS_AUTH_TOKEN', 'is required when KMS_AUTH_MODE=token');
    } else if (mode === 'password') {
      for (const variable of [
        'HUAWEICLOUD_IAM_DOMAIN',
        'HUAWEICLOUD_IAM_USER',
        'HUAWEICLOUD_IAM_PASSWORD',
      ] as const) {
        if (env[variable] === undefined) fail(variable, 'is required when KMS_AUTH_MODE=password');
      }
      if (env.KMS_IAM_ENDPOINT === undefined && cloudRegion(env) === undefined) {
        fail(
          'KMS_REGION',
          'is required to find the IAM endpoint (or set KMS_IAM_ENDPOINT) in password mode',
        );
      }
    }
  });

type Env = z.infer<typeof envSchema>;

function inferCloudAuthMode(env: Env): AuthMode | 'ambiguous' | undefined {
  const present: AuthMode[] = [];
  if (env.HUAWEICLOUD_SDK_AK !== undefined) present.push('aksk');
  if (env.KMS_AUTH_TOKEN !== undefined) present.push('token');
  if (env.HUAWEICLOUD_IAM_PASSWORD !== undefined || env.HUAWEICLOUD_IAM_USER !== undefined) {
    present.push('password');
  }
  if (present.length > 1) return 'ambiguous';
  return present[0];
}

/** KMS_REGION, or the region read from a `kms.{region}.myhuaweicloud.*` endpoint. */
function cloudRegion(env: Env): string | undefined {
  if (env.KMS_REGION !== undefined) return env.KMS_REGION;
  if (env.KMS_ENDPOINT === undefined) return undefined;
  const match = /^kms\.([a-z0-9-]+)\.myhuaweicloud\./.exec(new URL(env.KMS_ENDPOINT).hostname);
  return match?.[1];
}

/** A server bound to every interface is reached, from this machine, on loopback. */
function connectHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return isIP(host) === 6 ? `[${host}]` : host;
}

function cloudAuth(env: Env, regionName: string | undefined): UpstreamAuth {
  const mode = env.KMS_AUTH_MODE ?? inferCloudAuthMode(env);
  switch (mode) {
    case 'aksk':
      return { mode, accessKey: env.HUAWEICLOUD_SDK_AK!, secretKey: env.HUAWEICLOUD_SDK_SK! };
    case 'token':
      return { mode, token: env.KMS_AUTH_TOKEN! };
    case 'password':
      return {
        mode,
        iamEndpoint: env.KMS_IAM_ENDPOINT ?? `https://iam.${regionName}.myhuaweicloud.com`,
        domain: env.HUAWEICLOUD_IAM_DOMAIN!,
        user: env.HUAWEICLOUD_IAM_USER!,
        password: env.HUAWEICLOUD_IAM_PASSWORD!,
      };
    case 'operator':
      return { mode };
    default:
      // superRefine has already refused every other case.
      throw new Error('KMS_AUTH_MODE: no usable credentials');
  }
}

function localAuth(env: Env): UpstreamAuth {
  switch (env.KMS_AUTH_MODE) {
    case 'token':
      return { mode: 'token', token: env.KMS_AUTH_TOKEN ?? env.LOCAL_KMS_TOKEN };
    case 'operator':
      return { mode: 'operator' };
    default:
      return { mode: 'aksk', accessKey: env.LOCAL_KMS_AK, secretKey: env.LOCAL_KMS_SK };
  }
}

function upstreamFrom(env: Env): UpstreamConfig {
  const cloud = env.KMS_ENDPOINT !== undefined || env.KMS_REGION !== undefined;
  if (!cloud) {
    return {
      kind: 'local',
      endpoint: `http://${connectHost(env.LOCAL_KMS_HOST)}:${env.LOCAL_KMS_PORT}`,
      region: LOCAL_KMS_DEFAULTS.region,
      projectId: env.LOCAL_KMS_PROJECT_ID,
      auth: localAuth(env),
      timeoutMs: env.KMS_TIMEOUT_MS,
    };
  }
  const regionName = cloudRegion(env);
  return {
    kind: 'cloud',
    endpoint: env.KMS_ENDPOINT ?? `https://kms.${regionName}.myhuaweicloud.com`,
    region: regionName ?? 'unknown',
    projectId: env.KMS_PROJECT_ID!,
    auth: cloudAuth(env, regionName),
    timeoutMs: env.KMS_TIMEOUT_MS,
  };
}

// The messages above quote only non-secret values (host, origin), never a credential.
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${String(issue.path[0] ?? 'configuration')}: ${issue.message}`)
    .join('; ');
}

/** Empty strings count as unset, as shells and .env files often leave them. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') result[name] = value;
  }
  return result;
}

export function loadConsoleConfig(env: NodeJS.ProcessEnv): ConsoleConfig {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new Error(`Invalid console configuration: ${describeIssues(parsed.error.issues)}`);
  }
  const values = parsed.data;
  return {
    host: values.CONSOLE_HOST,
    port: values.CONSOLE_PORT,
    staticDir: values.CONSOLE_STATIC_DIR,
    upstream: upstreamFrom(values),
    ...(values.CONSOLE_ACCESS_TOKEN !== undefined && { accessToken: values.CONSOLE_ACCESS_TOKEN }),
    trustProxy: values.CONSOLE_TRUST_PROXY,
    rateLimitPerMinute: values.CONSOLE_RATE_LIMIT,
    signInRateLimitPerMinute: values.CONSOLE_SIGNIN_RATE_LIMIT,
    allowedOrigins: values.CONSOLE_ALLOWED_ORIGINS,
    sessionTtlMs: values.CONSOLE_SESSION_TTL_MINUTES * 60_000,
    logLevel: values.CONSOLE_LOG_LEVEL,
  };
}
