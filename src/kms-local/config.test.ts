import { describe, expect, it } from 'vitest';
import { LOCAL_KMS_DEFAULTS } from '../shared/local-kms-defaults';
import { loadLocalKmsConfig } from './config';

describe('loadLocalKmsConfig', () => {
  it('takes the documented defaults when nothing is set (or a variable is empty)', () => {
    const config = loadLocalKmsConfig({ LOCAL_KMS_PORT: '' });
    expect(config).toMatchObject({
      host: LOCAL_KMS_DEFAULTS.host,
      port: LOCAL_KMS_DEFAULTS.port,
      projectId: LOCAL_KMS_DEFAULTS.projectId,
      accessKey: LOCAL_KMS_DEFAULTS.accessKey,
      secretKey: LOCAL_KMS_DEFAULTS.secretKey,
      token: LOCAL_KMS_DEFAULTS.token,
      region: LOCAL_KMS_DEFAULTS.region,
      domainId: LOCAL_KMS_DEFAULTS.domainId,
    });
    expect(config.dataDir).toMatch(/^\/.*\.local-kms$/);
    expect(config.seedFile).toBeUndefined();
    expect(config.rootKey).toBeUndefined();
  });

  it('reads every variable', () => {
    const rootKey = Buffer.alloc(32, 7).toString('base64');
    const config = loadLocalKmsConfig({
      LOCAL_KMS_HOST: '0.0.0.0',
      LOCAL_KMS_PORT: '0',
      LOCAL_KMS_DATA_DIR: '/tmp/kms-data',
      LOCAL_KMS_PROJECT_ID: 'a'.repeat(32),
      LOCAL_KMS_AK: 'MYAK',
      LOCAL_KMS_SK: 'my-sk',
      LOCAL_KMS_TOKEN: 'tok',
      LOCAL_KMS_SEED: '/tmp/seed.yaml',
      LOCAL_KMS_ROOT_KEY: rootKey,
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      dataDir: '/tmp/kms-data',
      projectId: 'a'.repeat(32),
      accessKey: 'MYAK',
      secretKey: 'my-sk',
      token: 'tok',
      seedFile: '/tmp/seed.yaml',
      rootKey,
    });
  });

  it('takes the connection limits and extra host names', () => {
    expect(loadLocalKmsConfig({})).toMatchObject({
      allowedHosts: [],
      limits: { requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5000, maxConnectionsPerClient: 512 },
    });
    expect(
      loadLocalKmsConfig({
        LOCAL_KMS_ALLOWED_HOSTS: 'kms-local, KMS.internal:9000',
        LOCAL_KMS_REQUEST_TIMEOUT_MS: '2000',
        LOCAL_KMS_KEEPALIVE_TIMEOUT_MS: '1000',
        LOCAL_KMS_MAX_CONNECTIONS_PER_CLIENT: '0',
      }),
    ).toMatchObject({
      allowedHosts: [{ name: 'kms-local' }, { name: 'kms.internal', port: 9000 }],
      limits: { requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000, maxConnectionsPerClient: 0 },
    });
  });

  it('refuses to bind off loopback while a published dev credential is in use', () => {
    const own = { LOCAL_KMS_TOKEN: 'own-token', LOCAL_KMS_AK: 'OWNAK', LOCAL_KMS_SK: 'own-sk' };
    expect(() => loadLocalKmsConfig({ LOCAL_KMS_HOST: '0.0.0.0' })).toThrow(
      /^LOCAL_KMS_HOST .*LOCAL_KMS_TOKEN, LOCAL_KMS_AK, LOCAL_KMS_SK/,
    );
    expect(() =>
      loadLocalKmsConfig({ ...own, LOCAL_KMS_HOST: '192.168.1.5', LOCAL_KMS_SK: '' }),
    ).toThrow(/LOCAL_KMS_SK to your own/);
    expect(loadLocalKmsConfig({ ...own, LOCAL_KMS_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadLocalKmsConfig({ LOCAL_KMS_HOST: 'localhost' }).host).toBe('localhost');
    expect(loadLocalKmsConfig({ LOCAL_KMS_HOST: '::1' }).host).toBe('::1');
  });

  it.each([
    ['LOCAL_KMS_ALLOWED_HOSTS', 'a b'],
    ['LOCAL_KMS_REQUEST_TIMEOUT_MS', '0'],
    ['LOCAL_KMS_PORT', 'eighty'],
    ['LOCAL_KMS_PORT', '70000'],
    ['LOCAL_KMS_PORT', '-1'],
    ['LOCAL_KMS_HOST', 'bad host'],
    ['LOCAL_KMS_PROJECT_ID', 'a/b'],
    ['LOCAL_KMS_AK', 'has space'],
    ['LOCAL_KMS_TOKEN', 'two words'],
    ['LOCAL_KMS_ROOT_KEY', 'c2hvcnQ='],
  ])('a bad %s (%s) throws a message that names it', (variable, value) => {
    expect(() => loadLocalKmsConfig({ [variable]: value })).toThrow(new RegExp(`^${variable} `));
  });
});
