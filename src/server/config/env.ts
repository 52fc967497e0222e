/**
 * The console's environment, variable by variable, parsed by one zod schema at start-up. A bad
 * value throws an Error naming the variable and the reason, never the value of a secret.
 * LOCAL_KMS_* is not read here: the local KMS parses it and its settings are handed over.
 */
import { z } from 'zod';
import { AUTH_MODES } from '../../shared/console';
import { isLoopbackHost } from '../../node/net';
import { CREDENTIAL_ENV, CREDENTIAL_MODES } from '../upstream/credentials';
import {
  accessToken,
  hostName,
  httpUrl,
  LOG_LEVELS,
  nonEmpty,
  nonNegativeInt,
  originList,
  port,
  positiveInt,
  projectId,
  publicUrl,
  region,
  trustProxy,
} from './fields';
import { historyEnv, historyProblems } from './history';
import { cloudAuthMode, cloudRegion, isCloudUpstream } from './upstream';

/** Every field is optional here; which ones are needed depends on others (see checkEnv). */
const envFields = z.object({
  CONSOLE_HOST: hostName.default('127.0.0.1'),
  CONSOLE_PORT: port.default(8080),
  CONSOLE_STATIC_DIR: nonEmpty.default('dist'),
  CONSOLE_ACCESS_TOKEN: accessToken.optional(),
  CONSOLE_TRUST_PROXY: trustProxy.default(false),
  CONSOLE_RATE_LIMIT: nonNegativeInt(100_000_000).default(120_000),
  CONSOLE_SIGNIN_RATE_LIMIT: positiveInt(10_000).default(10),
  CONSOLE_ALLOWED_ORIGINS: originList.default([]),
  CONSOLE_PUBLIC_URL: publicUrl.optional(),
  CONSOLE_SESSION_TTL_MINUTES: positiveInt(60 * 24 * 30).default(12 * 60),
  CONSOLE_SESSION_IDLE_MINUTES: positiveInt(60 * 24).default(10),
  CONSOLE_REQUEST_TIMEOUT_MS: positiveInt(600_000).default(30_000),
  CONSOLE_KEEPALIVE_TIMEOUT_MS: positiveInt(600_000).default(5000),
  CONSOLE_MAX_CONNECTIONS_PER_CLIENT: nonNegativeInt(1_000_000).default(64),
  CONSOLE_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),

  KMS_ENDPOINT: httpUrl.optional(),
  KMS_REGION: region.optional(),
  KMS_PROJECT_ID: projectId.optional(),
  KMS_AUTH_MODE: z.enum(AUTH_MODES).optional(),
  KMS_TIMEOUT_MS: positiveInt(600_000).default(10_000),

  ...CREDENTIAL_ENV,
  ...historyEnv,
});

export type ConsoleEnv = z.output<typeof envFields>;

/** Rules across variables, with messages that say why a variable is needed. */
function checkEnv(env: ConsoleEnv, ctx: z.RefinementCtx): void {
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
  for (const mode of Object.values(CREDENTIAL_MODES)) {
    for (const [variable, message] of mode.alwaysProblems?.(env) ?? []) fail(variable, message);
  }
  for (const [variable, message] of historyProblems(env)) fail(variable, message);

  if (!isCloudUpstream(env)) {
    if (env.KMS_AUTH_MODE === 'password') {
      fail('KMS_AUTH_MODE', '"password" needs a cloud IAM; the local KMS takes aksk or token');
    }
    return;
  }
  if (env.KMS_PROJECT_ID === undefined) {
    fail('KMS_PROJECT_ID', 'is required when KMS_ENDPOINT or KMS_REGION is set');
  }
  const mode = cloudAuthMode(env);
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
        `(${AUTH_MODES.slice(0, -1).join(', ')} or ${AUTH_MODES.at(-1)})`,
    );
  } else {
    for (const [variable, message] of CREDENTIAL_MODES[mode].problems(env, cloudRegion(env))) {
      fail(variable, message);
    }
  }
}

const envSchema = envFields.superRefine(checkEnv);

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

export function parseConsoleEnv(env: NodeJS.ProcessEnv): ConsoleEnv {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new Error(`Invalid console configuration: ${describeIssues(parsed.error.issues)}`);
  }
  return parsed.data;
}
