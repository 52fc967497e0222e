import { describe, expect, it } from 'vitest';
import { LOCAL_KMS_DEFAULTS } from '../../shared/local-kms-defaults';
import { loadConsoleConfig, type ConsoleConfig } from './index';
import type { LocalKmsHandover } from '../upstream/credentials';

const PROJECT = '0123456789abcdef0123456789abcdef';
const ACCESS_TOKEN = 'a-long-random-console-access-token';

/** The local KMS's settings as src/main.ts hands them over when LOCAL_KMS_* is unset. */
const LOCAL_KMS: LocalKmsHandover = { ...LOCAL_KMS_DEFAULTS };

function load(env: NodeJS.ProcessEnv, localKms = LOCAL_KMS): ConsoleConfig {
  return loadConsoleConfig(env, () => localKms);
}

function failure(env: NodeJS.ProcessEnv): string {
  try {
    load(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected loadConsoleConfig to throw');
}

describe('loadConsoleConfig', () => {
  it('defaults to loopback and the embedded local KMS with the dev AK/SK', () => {
    const config = load({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      staticDir: 'dist',
      rateLimitPerMinute: 120_000,
      trustProxy: false,
      upstream: {
        kind: 'local',
        endpoint: 'http://127.0.0.1:8090',
        region: 'local',
        projectId: LOCAL_KMS_DEFAULTS.projectId,
        auth: {
          mode: 'aksk',
          accessKey: LOCAL_KMS_DEFAULTS.accessKey,
          secretKey: LOCAL_KMS_DEFAULTS.secretKey,
        },
        timeoutMs: 10_000,
      },
    });
    expect(config.accessToken).toBeUndefined();
  });

  it('asks for the local KMS only when no cloud KMS is configured', () => {
    expect(() => loadConsoleConfig({})).toThrow(/no local KMS was handed/);
    const cloud = { KMS_REGION: 'cn-north-4', KMS_PROJECT_ID: PROJECT, KMS_AUTH_TOKEN: 't' };
    expect(
      loadConsoleConfig(cloud, () => {
        throw new Error('LOCAL_KMS_PORT must be a whole number from 0 to 65535');
      }).upstream.kind,
    ).toBe('cloud');
    expect(() =>
      loadConsoleConfig({ KMS_AUTH_MODE: 'token' }, () => {
        throw new Error('LOCAL_KMS_PORT must be a whole number from 0 to 65535');
      }),
    ).toThrow(/^LOCAL_KMS_PORT/);
  });

  it('follows the local KMS handed over and reaches one bound to every interface on loopback', () => {
    const config = load(
      {},
      {
        ...LOCAL_KMS,
        host: '0.0.0.0',
        port: 18090,
        projectId: 'abc',
        accessKey: 'AK1',
        secretKey: 'SK1',
      },
    );
    expect(config.upstream).toMatchObject({
      endpoint: 'http://127.0.0.1:18090',
      projectId: 'abc',
      auth: { mode: 'aksk', accessKey: 'AK1', secretKey: 'SK1' },
    });
  });

  it('refuses a non-loopback CONSOLE_HOST without CONSOLE_ACCESS_TOKEN, saying why', () => {
    const message = failure({ CONSOLE_HOST: '0.0.0.0' });
    expect(message).toContain('CONSOLE_HOST');
    expect(message).toContain('not a loopback address');
    expect(message).toContain('CONSOLE_ACCESS_TOKEN');
    expect(load({ CONSOLE_HOST: '0.0.0.0', CONSOLE_ACCESS_TOKEN: ACCESS_TOKEN })).toMatchObject({
      host: '0.0.0.0',
      accessToken: ACCESS_TOKEN,
    });
  });

  it('names the variable and the reason for each bad value, never a secret', () => {
    expect(failure({ CONSOLE_PORT: 'eighty' })).toMatch(/CONSOLE_PORT: must be a port number/);
    expect(failure({ CONSOLE_PORT: '70000' })).toMatch(/CONSOLE_PORT/);
    expect(failure({ KMS_TIMEOUT_MS: '-5' })).toMatch(/KMS_TIMEOUT_MS/);
    expect(failure({ KMS_ENDPOINT: 'ftp://example.com' })).toMatch(/KMS_ENDPOINT: must be an http/);
    expect(failure({ CONSOLE_RATE_LIMIT: 'lots' })).toMatch(/CONSOLE_RATE_LIMIT/);
    expect(failure({ CONSOLE_TRUST_PROXY: 'maybe' })).toMatch(/CONSOLE_TRUST_PROXY/);
    expect(failure({ KMS_AUTH_MODE: 'magic' })).toMatch(/KMS_AUTH_MODE/);
    const short = failure({ CONSOLE_ACCESS_TOKEN: 'short-secret' });
    expect(short).toMatch(/CONSOLE_ACCESS_TOKEN: must be at least 16 characters/);
    expect(short).not.toContain('short-secret');
  });

  it('builds each cloud credential mode', () => {
    const base = { KMS_REGION: 'cn-north-4', KMS_PROJECT_ID: PROJECT };
    expect(load({ ...base, HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'SK' }).upstream).toEqual({
      kind: 'cloud',
      endpoint: 'https://kms.cn-north-4.myhuaweicloud.com',
      region: 'cn-north-4',
      projectId: PROJECT,
      auth: { mode: 'aksk', accessKey: 'AK', secretKey: 'SK' },
      timeoutMs: 10_000,
    });
    expect(load({ ...base, KMS_AUTH_TOKEN: 'MIItoken' }).upstream.auth).toEqual({
      mode: 'token',
      token: 'MIItoken',
    });
    expect(
      load({
        ...base,
        HUAWEICLOUD_IAM_DOMAIN: 'dom',
        HUAWEICLOUD_IAM_USER: 'user',
        HUAWEICLOUD_IAM_PASSWORD: 'pw',
      }).upstream.auth,
    ).toEqual({
      mode: 'password',
      iamEndpoint: 'https://iam.cn-north-4.myhuaweicloud.com',
      domain: 'dom',
      user: 'user',
      password: 'pw',
    });
    expect(load({ ...base, KMS_AUTH_MODE: 'operator' }).upstream.auth).toEqual({
      mode: 'operator',
    });
  });

  it('reads the region from a KMS_ENDPOINT and takes KMS_TIMEOUT_MS and KMS_IAM_ENDPOINT', () => {
    const config = load({
      KMS_ENDPOINT: 'https://kms.eu-west-101.myhuaweicloud.eu/',
      KMS_PROJECT_ID: PROJECT,
      KMS_TIMEOUT_MS: '2500',
      KMS_IAM_ENDPOINT: 'https://iam.example.test',
      HUAWEICLOUD_IAM_DOMAIN: 'dom',
      HUAWEICLOUD_IAM_USER: 'user',
      HUAWEICLOUD_IAM_PASSWORD: 'pw',
    });
    expect(config.upstream).toMatchObject({
      endpoint: 'https://kms.eu-west-101.myhuaweicloud.eu',
      region: 'eu-west-101',
      timeoutMs: 2500,
      auth: { mode: 'password', iamEndpoint: 'https://iam.example.test' },
    });
  });

  it('refuses a cloud upstream without project, without credentials, or with two kinds', () => {
    expect(failure({ KMS_REGION: 'cn-north-4', KMS_AUTH_TOKEN: 't' })).toMatch(
      /KMS_PROJECT_ID: is required/,
    );
    expect(failure({ KMS_REGION: 'cn-north-4', KMS_PROJECT_ID: PROJECT })).toMatch(
      /KMS_AUTH_MODE: no credentials/,
    );
    expect(
      failure({
        KMS_REGION: 'cn-north-4',
        KMS_PROJECT_ID: PROJECT,
        KMS_AUTH_TOKEN: 't',
        HUAWEICLOUD_SDK_AK: 'AK',
        HUAWEICLOUD_SDK_SK: 'SK',
      }),
    ).toMatch(/KMS_AUTH_MODE: credentials for more than one mode/);
    expect(failure({ HUAWEICLOUD_SDK_AK: 'AK' })).toMatch(/HUAWEICLOUD_SDK_SK/);
    expect(failure({ KMS_AUTH_MODE: 'password' })).toMatch(/KMS_AUTH_MODE: "password" needs/);
  });

  it('parses the hardening settings', () => {
    const config = load({
      CONSOLE_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      CONSOLE_RATE_LIMIT: '0',
      CONSOLE_ALLOWED_ORIGINS: 'https://kms.example.com, http://localhost:5173',
      CONSOLE_SESSION_TTL_MINUTES: '30',
    });
    expect(config).toMatchObject({
      trustProxy: ['10.0.0.0/8', '127.0.0.1'],
      rateLimitPerMinute: 0,
      allowedOrigins: ['https://kms.example.com', 'http://localhost:5173'],
      sessionTtlMs: 30 * 60_000,
    });
    expect(load({ CONSOLE_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(load({ CONSOLE_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('parses the public URL, session lifetimes and connection limits, with their defaults', () => {
    expect(load({})).toMatchObject({
      sessionTtlMs: 12 * 60 * 60_000,
      sessionIdleMs: 10 * 60_000,
      limits: { requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5000, maxConnectionsPerClient: 64 },
    });
    expect(load({}).publicUrl).toBeUndefined();
    expect(
      load({
        CONSOLE_PUBLIC_URL: 'https://KMS-Console.example.com/',
        CONSOLE_SESSION_IDLE_MINUTES: '5',
        CONSOLE_REQUEST_TIMEOUT_MS: '2000',
        CONSOLE_KEEPALIVE_TIMEOUT_MS: '65000',
        CONSOLE_MAX_CONNECTIONS_PER_CLIENT: '0',
      }),
    ).toMatchObject({
      publicUrl: 'https://kms-console.example.com',
      sessionIdleMs: 5 * 60_000,
      limits: { requestTimeoutMs: 2000, keepAliveTimeoutMs: 65_000, maxConnectionsPerClient: 0 },
    });
    for (const bad of [
      'kms.example.com',
      'ftp://kms.example.com',
      'https://kms.example.com/console',
    ]) {
      expect(failure({ CONSOLE_PUBLIC_URL: bad })).toMatch(
        /CONSOLE_PUBLIC_URL: must be the http\(s\) URL/,
      );
    }
    expect(failure({ CONSOLE_REQUEST_TIMEOUT_MS: '0' })).toMatch(/CONSOLE_REQUEST_TIMEOUT_MS/);
    expect(failure({ CONSOLE_MAX_CONNECTIONS_PER_CLIENT: 'many' })).toMatch(
      /CONSOLE_MAX_CONNECTIONS_PER_CLIENT/,
    );
  });
});
