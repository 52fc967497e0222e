import type { KeyDetails } from './schemas';

export const SAMPLE_AES_KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
export const SAMPLE_RSA_KEY_ID = '1a2b3c4d-0000-4000-8000-000000000003';

/** An enabled AES_256 key as describe-key answers it, with the fields a test cares about changed. */
export function sampleKey(overrides: Partial<KeyDetails> = {}): KeyDetails {
  return {
    key_id: SAMPLE_AES_KEY_ID,
    domain_id: 'd',
    key_alias: 'alias',
    realm: 'local',
    key_spec: 'AES_256',
    key_usage: 'ENCRYPT_DECRYPT',
    key_description: '',
    creation_date: '0',
    scheduled_deletion_date: '',
    key_state: '2',
    default_key_flag: '0',
    key_type: '1',
    expiration_time: '',
    origin: 'kms',
    key_rotation_enabled: 'false',
    ...overrides,
  };
}
