import { describe, expect, it } from 'vitest';
import { cloudKeyListUrl, keyCreatedAt } from './key-facts';

describe('keyCreatedAt', () => {
  it('reads the milliseconds describe-key sends', () => {
    expect(keyCreatedAt({ creation_date: '1700000000000' })).toBe('2023-11-14T22:13:20.000Z');
  });

  it('has no date for an empty or nonsensical value', () => {
    expect(keyCreatedAt({ creation_date: '' })).toBeUndefined();
    expect(keyCreatedAt({ creation_date: 'yesterday' })).toBeUndefined();
    expect(keyCreatedAt({ creation_date: '0' })).toBeUndefined();
  });
});

describe('cloudKeyListUrl', () => {
  it('links to the key list of the region for the cloud', () => {
    expect(cloudKeyListUrl({ upstream: 'cloud', region: 'cn-north-4' })).toBe(
      'https://console.huaweicloud.com/dew/?region=cn-north-4#/kms/keyList/customKey',
    );
  });

  it('has no link for the local KMS, an unknown region or a region that is not one', () => {
    expect(cloudKeyListUrl({ upstream: 'local', region: 'local' })).toBeUndefined();
    expect(cloudKeyListUrl({ upstream: 'cloud', region: 'unknown' })).toBeUndefined();
    expect(cloudKeyListUrl({ upstream: 'cloud', region: 'x"><script>' })).toBeUndefined();
    expect(cloudKeyListUrl(undefined)).toBeUndefined();
  });
});
