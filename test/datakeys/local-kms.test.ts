/** The data-key contract against the local KMS, seeded with one key of each kind it refuses. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startKms, tempDir, writeSeed } from '../kms-local/helpers';
import { describeDataKeyContract } from './datakeys.contract';

const KEYS = {
  aes: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
  otherAes: '2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a',
  sm4: '3d4e5f60-7182-493a-a4b5-c6d7e8f90a1b',
  disabled: '4e5f6071-8293-4a4b-b5c6-d7e8f90a1b2c',
  pendingDeletion: '5f607182-93a4-4b5c-86d7-e8f90a1b2c3d',
  rsa: '60718293-a4b5-4c6d-97e8-f90a1b2c3d4e',
  rsaSigning: '718293a4-b5c6-4d7e-a8f9-0a1b2c3d4e5f',
  sm2: '8293a4b5-c6d7-4e8f-b90a-1b2c3d4e5f60',
  ec: '93a4b5c6-d7e8-4f90-8a1b-2c3d4e5f6071',
} as const;

describeDataKeyContract('local KMS', { sm4: true }, async () => {
  const dataDir = await tempDir('datakeys-local-kms-');
  const seed = await writeSeed(dataDir, [
    { key_id: KEYS.aes, key_alias: 'dk/aes', key_spec: 'AES_256' },
    { key_id: KEYS.otherAes, key_alias: 'dk/aes-other', key_spec: 'AES_256' },
    { key_id: KEYS.sm4, key_alias: 'dk/sm4', key_spec: 'SM4' },
    { key_id: KEYS.disabled, key_alias: 'dk/disabled', key_spec: 'AES_256', key_state: '3' },
    { key_id: KEYS.pendingDeletion, key_alias: 'dk/pending', key_spec: 'AES_256', key_state: '4' },
    { key_id: KEYS.rsa, key_alias: 'dk/rsa', key_spec: 'RSA_2048' },
    {
      key_id: KEYS.rsaSigning,
      key_alias: 'dk/rsa-sign',
      key_spec: 'RSA_2048',
      key_usage: 'SIGN_VERIFY',
    },
    { key_id: KEYS.sm2, key_alias: 'dk/sm2', key_spec: 'SM2' },
    { key_id: KEYS.ec, key_alias: 'dk/ec', key_spec: 'EC_P256' },
  ]);
  const kms = await startKms(join(dataDir, 'data'), { seedFile: seed });
  return {
    call: kms.call,
    keys: {
      aes: KEYS.aes,
      otherAes: KEYS.otherAes,
      sm4: KEYS.sm4,
      disabled: KEYS.disabled,
      pendingDeletion: KEYS.pendingDeletion,
    },
    refusals: [
      { what: 'RSA_2048 ENCRYPT_DECRYPT', keyId: KEYS.rsa, code: 'KMS.0325' },
      { what: 'SM2 ENCRYPT_DECRYPT', keyId: KEYS.sm2, code: 'KMS.0325' },
      { what: 'RSA_2048 SIGN_VERIFY', keyId: KEYS.rsaSigning, code: 'KMS.0335' },
      { what: 'EC_P256 SIGN_VERIFY', keyId: KEYS.ec, code: 'KMS.0335' },
    ],
    close: async () => {
      await kms.close();
      await removeDir(dataDir);
    },
  };
});

describe('local KMS data keys beyond the contract', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await tempDir('datakeys-local-extra-');
  });
  afterAll(async () => {
    await removeDir(dataDir);
  });

  it('keeps DEK ciphertexts and data ciphertexts apart, and opens DEKs after a restart', async () => {
    const seed = await writeSeed(dataDir, [
      { key_id: KEYS.aes, key_alias: 'dk/aes', key_spec: 'AES_256' },
    ]);
    const config = { seedFile: seed };
    const first = await startKms(join(dataDir, 'data'), config);
    const created = await first.call('create-datakey', { key_id: KEYS.aes });
    expect(created.status).toBe(200);
    const { plain_text: dek, cipher_text: dekCipher } = created.body as Record<string, string>;
    const encrypted = await first.call('encrypt-data', { key_id: KEYS.aes, plain_text: 'hello' });
    const dataCipher = String(encrypted.body.cipher_text);

    const asData = await first.call('decrypt-data', {
      cipher_text: Buffer.from(dekCipher!, 'hex').toString('base64'),
    });
    expect(asData.body.error?.error_code).toBe('KMS.2201');
    const asDek = await first.call('decrypt-datakey', {
      key_id: KEYS.aes,
      cipher_text: Buffer.from(dataCipher, 'base64').toString('hex'),
      datakey_cipher_length: '5',
    });
    expect(asDek.body.error?.error_code).toBe('KMS.2201');
    await first.close();

    const second = await startKms(join(dataDir, 'data'), config);
    const opened = await second.call('decrypt-datakey', {
      key_id: KEYS.aes,
      cipher_text: dekCipher,
      datakey_cipher_length: '32',
    });
    await second.close();
    expect(opened.status).toBe(200);
    expect(opened.body.data_key).toBe(dek);
  });
});
