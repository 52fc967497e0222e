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

  it.each([
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
