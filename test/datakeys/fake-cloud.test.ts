/** The data-key contract against the fake Huawei Cloud, called with an IAM token. */
import { FAKE_KEYS, startFakeCloud } from '../fake-cloud';
import { describeDataKeyContract, type KmsReply } from './datakeys.contract';

const KEYS = {
  otherAes: '7e3c9a4d-5f6b-4c8d-9e0f-2a3b4c5d6e7f',
  pendingDeletion: '8f4d0b5e-6a7c-4d9e-8f1a-3b4c5d6e7f80',
  rsa: '9a5e1c6f-7b8d-4eaf-9a2b-4c5d6e7f8091',
  rsaSigning: 'a06f2d7a-8c9e-4fb0-8b3c-5d6e7f8091a2',
  ec: 'b1702e8b-9daf-4ac1-9c4d-6e7f8091a2b3',
  hmac: 'c2813f9c-aeb0-4bd2-8d5e-7f8091a2b3c4',
} as const;

describeDataKeyContract('fake cloud', { sm4: false }, async () => {
  const cloud = await startFakeCloud();
  cloud.addKey(KEYS.otherAes, 'fake/aes-256-other', '2');
  cloud.addKey(KEYS.pendingDeletion, 'fake/aes-256-pending', '4');
  cloud.addKey(KEYS.rsa, 'fake/rsa', '2', { spec: 'RSA_2048' });
  cloud.addKey(KEYS.rsaSigning, 'fake/rsa-sign', '2', { spec: 'RSA_2048', usage: 'SIGN_VERIFY' });
  cloud.addKey(KEYS.ec, 'fake/ec', '2', { spec: 'EC_P256' });
  cloud.addKey(KEYS.hmac, 'fake/hmac', '2', { spec: 'HMAC_256' });
  const token = cloud.issueToken();
  const call = async (operation: string, body: unknown): Promise<KmsReply> => {
    const response = await fetch(`${cloud.baseUrl}/v1.0/${cloud.projectId}/kms/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json;charset=UTF-8', 'X-Auth-Token': token },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    call,
    keys: {
      aes: FAKE_KEYS.enabled,
      otherAes: KEYS.otherAes,
      disabled: FAKE_KEYS.disabled,
      pendingDeletion: KEYS.pendingDeletion,
    },
    refusals: [
      { what: 'RSA_2048 ENCRYPT_DECRYPT', keyId: KEYS.rsa, code: 'KMS.0325' },
      { what: 'RSA_2048 SIGN_VERIFY', keyId: KEYS.rsaSigning, code: 'KMS.0335' },
      { what: 'EC_P256 SIGN_VERIFY', keyId: KEYS.ec, code: 'KMS.0335' },
      { what: 'HMAC_256', keyId: KEYS.hmac, code: 'KMS.0341' },
    ],
    close: () => cloud.stop(),
  };
});
