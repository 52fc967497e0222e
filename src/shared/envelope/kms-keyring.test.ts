import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes';
import { decryptBytes, encryptBytes } from './bytes-api';
import { parseHeader } from './header-info';
import { HUAWEI_KMS_PROVIDER_ID, kmsKeyIdsOf, kmsKeyring, type CallKms } from './kms-keyring';
import { expectEnvelopeError, fakeDataKeyKms, FakeKmsError, patternBytes } from './test-helpers';

const KEY_A = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const KEY_B = '1e1577c1-f838-4e0d-846e-a95cc585b480';

describe('kmsKeyring', () => {
  it('asks create-datakey for 256 bits with the context and records key id and blob', async () => {
    const kms = fakeDataKeyKms([KEY_A]);
    const keyring = kmsKeyring({ callKms: kms.callKms, keyId: KEY_A });
    const context = { file: 'report.pdf' };
    const envelope = await encryptBytes(keyring, patternBytes(5000), {
      encryptionContext: context,
    });
    expect(kms.calls).toEqual([
      {
        operation: 'create-datakey',
        body: { key_id: KEY_A, datakey_length: '256', encryption_context: context },
      },
    ]);
    const header = await parseHeader(envelope);
    const [edk] = header.encryptedDataKeys;
    expect(edk?.providerId).toBe(HUAWEI_KMS_PROVIDER_ID);
    expect(new TextDecoder().decode(edk?.providerInfo)).toBe(KEY_A);
    expect(kmsKeyIdsOf(header.encryptedDataKeys)).toEqual([KEY_A]);

    const { plaintext } = await decryptBytes(keyring, envelope);
    expect(plaintext).toEqual(patternBytes(5000));
    const decryptCall = kms.calls[1];
    expect(decryptCall?.operation).toBe('decrypt-datakey');
    expect(decryptCall?.body).toEqual({
      key_id: KEY_A,
      cipher_text: toHex(edk!.encryptedDataKey),
      datakey_cipher_length: '32',
      encryption_context: context,
    });
  });

  it('omits encryption_context when the context is empty', async () => {
    const kms = fakeDataKeyKms([KEY_A]);
    const keyring = kmsKeyring({ callKms: kms.callKms, keyId: KEY_A });
    await decryptBytes(keyring, await encryptBytes(keyring, patternBytes(1)));
    expect(kms.calls.map((call) => 'encryption_context' in call.body)).toEqual([false, false]);
  });

  it('decrypts with a discovery keyring (no key id) and filters by key id when given', async () => {
    const kms = fakeDataKeyKms([KEY_A, KEY_B]);
    const envelope = await encryptBytes(
      kmsKeyring({ callKms: kms.callKms, keyId: KEY_A }),
      patternBytes(10),
    );
    const discovery = kmsKeyring({ callKms: kms.callKms });
    expect((await decryptBytes(discovery, envelope)).plaintext).toEqual(patternBytes(10));

    const onlyB = kmsKeyring({ callKms: kms.callKms, keyId: KEY_B });
    const callsBefore = kms.calls.length;
    const error = await expectEnvelopeError(decryptBytes(onlyB, envelope));
    expect(error.kind).toBe('data-key-unwrap-failed');
    expect(kms.calls.length).toBe(callsBefore);
  });

  it('passes the KMS error on as the cause of data-key-unwrap-failed', async () => {
    const kms = fakeDataKeyKms([KEY_A]);
    const keyring = kmsKeyring({ callKms: kms.callKms, keyId: KEY_A });
    const envelope = await encryptBytes(keyring, patternBytes(10), {
      encryptionContext: { a: '1' },
    });
    const otherKms = fakeDataKeyKms([KEY_A]);
    const error = await expectEnvelopeError(
      decryptBytes(kmsKeyring({ callKms: otherKms.callKms }), envelope),
    );
    expect(error.kind).toBe('data-key-unwrap-failed');
    expect(error.cause).toBeInstanceOf(FakeKmsError);
    expect((error.cause as FakeKmsError).errorCode).toBe('KMS.2201');
  });

  it('refuses a data key that does not match the digest KMS sent', async () => {
    const kms = fakeDataKeyKms([KEY_A]);
    const envelope = await encryptBytes(
      kmsKeyring({ callKms: kms.callKms, keyId: KEY_A }),
      patternBytes(10),
    );
    const lying: CallKms = async (operation, body) => {
      const response = (await kms.callKms(operation, body)) as { datakey_dgst: string };
      return { ...response, datakey_dgst: '00'.repeat(32) };
    };
    const error = await expectEnvelopeError(decryptBytes(kmsKeyring({ callKms: lying }), envelope));
    expect(error.kind).toBe('data-key-unwrap-failed');
    expect((error.cause as Error).message).toContain('digest');
  });

  it('refuses a KMS answer that is not a 32-byte hex data key', async () => {
    const shortKey: CallKms = async () => ({ plain_text: 'ab'.repeat(16), cipher_text: 'ff' });
    const short = await expectEnvelopeError(
      encryptBytes(kmsKeyring({ callKms: shortKey, keyId: KEY_A }), patternBytes(1)),
    );
    expect(short.kind).toBe('data-key-unavailable');
    const notHex: CallKms = async () => ({ plain_text: 'zz', cipher_text: 'ff' });
    const bad = await expectEnvelopeError(
      encryptBytes(kmsKeyring({ callKms: notHex, keyId: KEY_A }), patternBytes(1)),
    );
    expect(bad.kind).toBe('data-key-unavailable');
  });

  it('needs a valid key id to encrypt and a KMS-valid context', async () => {
    const kms = fakeDataKeyKms([KEY_A]);
    const noKey = await expectEnvelopeError(
      encryptBytes(kmsKeyring({ callKms: kms.callKms }), patternBytes(1)),
    );
    expect(noKey.kind).toBe('invalid-input');
    expect(() => kmsKeyring({ callKms: kms.callKms, keyId: 'alias/not-a-uuid' })).toThrow();
    const tooLong = await expectEnvelopeError(
      encryptBytes(kmsKeyring({ callKms: kms.callKms, keyId: KEY_A }), patternBytes(1), {
        encryptionContext: { note: 'x'.repeat(9000) },
      }),
    );
    expect(tooLong.kind).toBe('invalid-input');
    expect(kms.calls).toHaveLength(0);
  });

  it('skips EDKs whose provider info is not a key id', () => {
    const edks = [
      {
        providerId: HUAWEI_KMS_PROVIDER_ID,
        providerInfo: fromHex('ff'),
        encryptedDataKey: fromHex('00'),
      },
      {
        providerId: 'other',
        providerInfo: new TextEncoder().encode(KEY_A),
        encryptedDataKey: fromHex('00'),
      },
    ];
    expect(kmsKeyIdsOf(edks)).toEqual([]);
  });
});
