/**
 * Which KMS the console talks to, and how: the local KMS handed over by the composition root,
 * or Huawei Cloud from KMS_ENDPOINT / KMS_REGION with one credential mode.
 */
import type { AuthMode } from '../../shared/console';
import { connectHost } from '../../node/net';
import {
  CREDENTIAL_MODES,
  localCredentials,
  type LocalKmsHandover,
  type UpstreamAuth,
} from '../upstream/credentials';
import type { UpstreamConfig } from '../upstream/upstream-config';
import type { ConsoleEnv } from './env';

export function isCloudUpstream(env: ConsoleEnv): boolean {
  return env.KMS_ENDPOINT !== undefined || env.KMS_REGION !== undefined;
}

/** KMS_REGION, or the region read from a `kms.{region}.myhuaweicloud.*` endpoint. */
export function cloudRegion(env: ConsoleEnv): string | undefined {
  if (env.KMS_REGION !== undefined) return env.KMS_REGION;
  if (env.KMS_ENDPOINT === undefined) return undefined;
  const match = /^kms\.([a-z0-9-]+)\.myhuaweicloud\./.exec(new URL(env.KMS_ENDPOINT).hostname);
  return match?.[1];
}

/** KMS_AUTH_MODE, or the one mode whose credentials are set. */
export function cloudAuthMode(env: ConsoleEnv): AuthMode | 'ambiguous' | undefined {
  if (env.KMS_AUTH_MODE !== undefined) return env.KMS_AUTH_MODE;
  const present = Object.values(CREDENTIAL_MODES)
    .filter((mode) => mode.isConfigured(env))
    .map((mode) => mode.mode);
  if (present.length > 1) return 'ambiguous';
  return present[0];
}

function cloudAuth(env: ConsoleEnv, region: string | undefined): UpstreamAuth {
  const mode = cloudAuthMode(env);
  // The environment's checks have already refused every other case.
  if (mode === undefined || mode === 'ambiguous') {
    throw new Error('KMS_AUTH_MODE: no usable credentials');
  }
  return CREDENTIAL_MODES[mode].cloudSettings(env, region);
}

/** Where the local KMS is reached from, once it has been handed over. */
export type LocalKmsSource = () => LocalKmsHandover;

export function upstreamFrom(env: ConsoleEnv, localKms?: LocalKmsSource): UpstreamConfig {
  if (!isCloudUpstream(env)) {
    if (!localKms) {
      throw new Error(
        'No KMS_ENDPOINT or KMS_REGION is set and no local KMS was handed to the console',
      );
    }
    const local = localKms();
    return {
      kind: 'local',
      endpoint: `http://${connectHost(local.host)}:${local.port}`,
      region: local.region,
      projectId: local.projectId,
      auth: localCredentials(env, local),
      timeoutMs: env.KMS_TIMEOUT_MS,
    };
  }
  const region = cloudRegion(env);
  return {
    kind: 'cloud',
    endpoint: env.KMS_ENDPOINT ?? `https://kms.${region}.myhuaweicloud.com`,
    region: region ?? 'unknown',
    projectId: env.KMS_PROJECT_ID!,
    auth: cloudAuth(env, region),
    timeoutMs: env.KMS_TIMEOUT_MS,
  };
}
