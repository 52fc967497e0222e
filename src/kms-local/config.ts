import { resolve } from 'node:path';
import { z } from 'zod';
import { LOCAL_KMS_DEFAULTS } from '../shared/local-kms-defaults';

export interface LocalKmsConfig {
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
}

/** An unset and an empty variable mean the same: take the default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

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
  };
  if (vars.LOCAL_KMS_SEED !== undefined) config.seedFile = resolve(vars.LOCAL_KMS_SEED);
  if (vars.LOCAL_KMS_ROOT_KEY !== undefined) config.rootKey = vars.LOCAL_KMS_ROOT_KEY.trim();
  return config;
}
