import { resolve } from 'node:path';
import { z } from 'zod';
import { allowedHostOfText, type AllowedHost } from '../node/http';
import { isLoopbackHost } from '../node/net';
import { LOCAL_KMS_DEFAULTS } from '../shared/local-kms-defaults';
import { LOCAL_KMS_LIMITS, type KmsServerSettings } from './http-hardening';

export interface LocalKmsConfig extends KmsServerSettings {
  host: string;
  port: number;
  /** Absolute path of the directory that holds the root key and the keystore. */
  dataDir: string;
  projectId: string;
  domainId: string;
  region: string;
  accessKey: string;
  secretKey: string;
  token: string;
  /** LOCAL_KMS_SEED: a JSON or YAML file of keys to create with fixed ids. */
  seedFile?: string;
  /** LOCAL_KMS_ROOT_KEY: Base64 of 32 bytes; otherwise a 0600 `root.key` file in dataDir. */
  rootKey?: string;
  /** The clock (epoch ms) of dates and scheduled rotation; tests pass one they can advance. */
  now?: () => number;
}

/** An unset and an empty variable mean the same: take the default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const milliseconds = optional(
  z
    .string()
    .regex(/^[0-9]{1,7}$/, 'must be a whole number of milliseconds from 1 to 600000')
    .transform(Number)
    .refine(
      (ms) => ms >= 1 && ms <= 600_000,
      'must be a whole number of milliseconds from 1 to 600000',
    ),
);

const hostList = optional(
  z.string().transform((text, ctx) => {
    const hosts: AllowedHost[] = [];
    for (const entry of text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const host = allowedHostOfText(entry);
      if (host === null) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not a host name or host:port` });
        return z.NEVER;
      }
      hosts.push(host);
    }
    return hosts;
  }),
);

const envSchema = z.object({
  LOCAL_KMS_HOST: optional(
    z.string().regex(/^[0-9A-Za-z.:[\]-]{1,253}$/, 'must be a host name or an IP address'),
  ),
  LOCAL_KMS_PORT: optional(
    z
      .string()
      .regex(/^[0-9]{1,5}$/, 'must be a whole number from 0 to 65535')
      .transform(Number)
      .refine((port) => port <= 65535, 'must be a whole number from 0 to 65535'),
  ),
  LOCAL_KMS_DATA_DIR: optional(z.string()),
  LOCAL_KMS_PROJECT_ID: optional(
    z
      .string()
      .regex(
        /^[0-9A-Za-z_-]{1,64}$/,
        'must be 1 to 64 letters, digits, "_" or "-" (a URL segment)',
      ),
  ),
  LOCAL_KMS_AK: optional(
    z.string().regex(/^[^\s,=]{1,128}$/, 'must be 1 to 128 characters without spaces, "," or "="'),
  ),
  LOCAL_KMS_SK: optional(z.string().regex(/^\S{1,256}$/, 'must be 1 to 256 non-space characters')),
  LOCAL_KMS_TOKEN: optional(
    z.string().regex(/^[\x21-\x7e]{1,8192}$/, 'must be printable ASCII without spaces'),
  ),
  LOCAL_KMS_SEED: optional(z.string()),
  LOCAL_KMS_ALLOWED_HOSTS: hostList,
  LOCAL_KMS_REQUEST_TIMEOUT_MS: milliseconds,
  LOCAL_KMS_KEEPALIVE_TIMEOUT_MS: milliseconds,
  LOCAL_KMS_MAX_CONNECTIONS_PER_CLIENT: optional(
    z
      .string()
      .regex(/^[0-9]{1,7}$/, 'must be a whole number (0 turns the cap off)')
      .transform(Number),
  ),
  LOCAL_KMS_ROOT_KEY: optional(
    z
      .string()
      .refine(
        (text) => decodeRootKey(text) !== null,
        'must be the Base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`)',
      ),
  ),
});

/** Strict Base64 of 32 bytes, or null. */
export function decodeRootKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32 || bytes.toString('base64') !== trimmed) return null;
  return bytes;
}

/**
 * Reads the local KMS settings from the environment. A bad value throws an Error whose message
 * starts with the variable's name, so the process can stop with a message that says what to fix.
 */
export function loadLocalKmsConfig(env: NodeJS.ProcessEnv): LocalKmsConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'LOCAL_KMS_*');
    throw new Error(`${variable} ${issue?.message ?? 'is invalid'}`);
  }
  const vars = result.data;
  const config: LocalKmsConfig = {
    host: vars.LOCAL_KMS_HOST ?? LOCAL_KMS_DEFAULTS.host,
    port: vars.LOCAL_KMS_PORT ?? LOCAL_KMS_DEFAULTS.port,
    dataDir: resolve(vars.LOCAL_KMS_DATA_DIR ?? LOCAL_KMS_DEFAULTS.dataDir),
    projectId: vars.LOCAL_KMS_PROJECT_ID ?? LOCAL_KMS_DEFAULTS.projectId,
    domainId: LOCAL_KMS_DEFAULTS.domainId,
    region: LOCAL_KMS_DEFAULTS.region,
    accessKey: vars.LOCAL_KMS_AK ?? LOCAL_KMS_DEFAULTS.accessKey,
    secretKey: vars.LOCAL_KMS_SK ?? LOCAL_KMS_DEFAULTS.secretKey,
    token: vars.LOCAL_KMS_TOKEN ?? LOCAL_KMS_DEFAULTS.token,
    allowedHosts: vars.LOCAL_KMS_ALLOWED_HOSTS ?? [],
    limits: {
      requestTimeoutMs: vars.LOCAL_KMS_REQUEST_TIMEOUT_MS ?? LOCAL_KMS_LIMITS.requestTimeoutMs,
      keepAliveTimeoutMs:
        vars.LOCAL_KMS_KEEPALIVE_TIMEOUT_MS ?? LOCAL_KMS_LIMITS.keepAliveTimeoutMs,
      maxConnectionsPerClient:
        vars.LOCAL_KMS_MAX_CONNECTIONS_PER_CLIENT ?? LOCAL_KMS_LIMITS.maxConnectionsPerClient,
    },
  };
  refuseOpenBindWithDevCredentials(config);
  if (vars.LOCAL_KMS_SEED !== undefined) config.seedFile = resolve(vars.LOCAL_KMS_SEED);
  if (vars.LOCAL_KMS_ROOT_KEY !== undefined) config.rootKey = vars.LOCAL_KMS_ROOT_KEY.trim();
  return config;
}

/**
 * The dev credentials are published (and printed at start): off loopback they would let
 * anyone who can reach the port create, use and delete keys. Names every variable to set.
 */
function refuseOpenBindWithDevCredentials(config: LocalKmsConfig): void {
  if (isLoopbackHost(config.host)) return;
  const stillDefault = [
    ['LOCAL_KMS_TOKEN', config.token === LOCAL_KMS_DEFAULTS.token],
    ['LOCAL_KMS_AK', config.accessKey === LOCAL_KMS_DEFAULTS.accessKey],
    ['LOCAL_KMS_SK', config.secretKey === LOCAL_KMS_DEFAULTS.secretKey],
  ]
    .filter(([, isDefault]) => isDefault)
    .map(([variable]) => variable as string);
  if (stillDefault.length === 0) return;
  throw new Error(
    `LOCAL_KMS_HOST "${config.host}" is not a loopback address, and ${stillDefault.join(', ')} ` +
      `still ${stillDefault.length === 1 ? 'has its' : 'have their'} published development ` +
      'value: anyone who can reach the port could use it. Set ' +
      `${stillDefault.join(', ')} to your own secret values, or bind to 127.0.0.1.`,
  );
}
