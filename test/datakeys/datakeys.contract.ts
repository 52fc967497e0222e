/**
 * The data-key operations of KMS-API-2.md §2 as a black box over real HTTP, written once and
 * run against every target that claims to speak them (the fake cloud, the local KMS).
 *
 * Not produced by any target, on purpose: KMS.2001 ("datakey_length must be 512 bits"),
 * KMS.2102 and KMS.2202 ("… must be 64 bytes"). They are the OTC revision's fixed-size rules;
 * Huawei's current API and SDKs take 8–8192 bits and 1–1024 bytes (§2.1, §10), which is what
 * both targets implement, so no request can honestly trigger them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decryptDatakeyResponseSchema,
  encryptDatakeyResponseSchema,
  createDatakeyResponseSchema,
  createDatakeyWithoutPlaintextResponseSchema,
  KMS_ERROR_CODES,
  type KmsErrorCode,
} from '../../src/shared/kms';

export interface KmsReply {
  status: number;
  body: Record<string, unknown>;
}

export interface DataKeyTarget {
  /** POSTs a KMS operation with valid credentials and returns the parsed answer. */
  call: (operation: string, body: unknown) => Promise<KmsReply>;
  keys: {
    /** Enabled AES_256 ENCRYPT_DECRYPT keys. */
    aes: string;
    otherAes: string;
    /** An enabled SM4 key, where the target has SM4. */
    sm4?: string;
    disabled: string;
    pendingDeletion: string;
  };
  /** Keys that cannot wrap data keys and the code each is refused with. */
  refusals: readonly { what: string; keyId: string; code: KmsErrorCode }[];
  close: () => Promise<void>;
}

const MISSING_KEY = '00000000-0000-4000-8000-000000000000';
const HEX = /^[0-9A-Fa-f]+$/;
const SEQUENCE = '919c82d4-8046-4722-9094-35c3c6524cff';

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').toUpperCase();
}

function sm3(bytes: Buffer): Buffer {
  return createHash('sm3').update(bytes).digest();
}

/** hex(DEK ‖ digest) as encrypt-datakey takes it. */
function wrappedInput(dek: Buffer, digest: Buffer = createHash('sha256').update(dek).digest()) {
  return Buffer.concat([dek, digest]).toString('hex');
}

function expectError(reply: KmsReply, code: KmsErrorCode): void {
  expect({ status: reply.status, body: reply.body }).toMatchObject({
    status: KMS_ERROR_CODES[code].status,
    body: { error: { error_code: code } },
  });
}

function flipLastByte(cipherText: string): string {
  const bytes = Buffer.from(cipherText, 'hex');
  bytes[bytes.length - 1]! ^= 0x01;
  return bytes.toString('hex');
}

export interface ContractOptions {
  /** Whether the target holds SM4 keys (its `keys.sm4`): the SM3 digest rule is tested there. */
  sm4: boolean;
}

export function describeDataKeyContract(
  name: string,
  options: ContractOptions,
  startTarget: () => Promise<DataKeyTarget>,
) {
  describe(`data keys: ${name}`, () => {
    let target: DataKeyTarget;
    let aes: string;

    beforeAll(async () => {
      target = await startTarget();
      aes = target.keys.aes;
    });
    afterAll(async () => {
      await target.close();
    });

    async function createDatakey(body: Record<string, unknown>) {
      const reply = await target.call('create-datakey', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return createDatakeyResponseSchema.parse(reply.body);
    }

    async function decryptDatakey(body: Record<string, unknown>) {
      const reply = await target.call('decrypt-datakey', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return decryptDatakeyResponseSchema.parse(reply.body);
    }

    async function encryptDatakey(body: Record<string, unknown>) {
      const reply = await target.call('encrypt-datakey', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return encryptDatakeyResponseSchema.parse(reply.body);
    }

    describe('create-datakey', () => {
      it('makes a 256-bit key by default, in hex, that decrypt-datakey gives back', async () => {
        const created = await createDatakey({ key_id: aes });
        expect(created.key_id).toBe(aes);
        expect(created.plain_text).toMatch(HEX);
        expect(created.plain_text).toHaveLength(64);
        expect(created.cipher_text).toMatch(HEX);
        expect(created.cipher_text.toUpperCase()).not.toContain(created.plain_text.toUpperCase());

        const decrypted = await decryptDatakey({
          key_id: aes,
          cipher_text: created.cipher_text,
          datakey_cipher_length: '32',
        });
        expect(decrypted.data_key.toUpperCase()).toBe(created.plain_text.toUpperCase());
        expect(decrypted.datakey_length).toBe('32');
        expect(decrypted.datakey_dgst).toBe(sha256Hex(Buffer.from(created.plain_text, 'hex')));
      });

      it.each([
        ['"8"', '8', 8],
        ['"128"', '128', 128],
        ['"512"', '512', 512],
        ['"8192"', '8192', 8192],
        ['the number 512', 512, 512],
      ])('takes datakey_length %s (bits)', async (_label, length, bits) => {
        const created = await createDatakey({ key_id: aes, datakey_length: length });
        expect(created.plain_text).toHaveLength(bits / 4);
        const decrypted = await decryptDatakey({
          key_id: aes,
          cipher_text: created.cipher_text,
          datakey_cipher_length: String(bits / 8),
        });
        expect(decrypted.data_key.toUpperCase()).toBe(created.plain_text.toUpperCase());
      });

      it.each([
        [{ key_spec: 'AES_128' }, 128],
        [{ key_spec: 'AES_256' }, 256],
        [{ key_spec: 'AES_128', datakey_length: '512' }, 512],
        [{ key_spec: 'AES_256', datakey_length: '64' }, 64],
      ])('sizes %j as %i bits: datakey_length wins over key_spec', async (fields, bits) => {
        const created = await createDatakey({ key_id: aes, ...fields });
        expect(created.plain_text).toHaveLength(bits / 4);
      });

      it('gives a fresh key and a fresh ciphertext each time', async () => {
        const first = await createDatakey({ key_id: aes });
        const second = await createDatakey({ key_id: aes });
        expect(first.plain_text).not.toBe(second.plain_text);
        expect(first.cipher_text).not.toBe(second.cipher_text);
      });

      it('takes a sequence number', async () => {
        await createDatakey({ key_id: aes, sequence: SEQUENCE });
      });
    });

    describe('create-datakey-without-plaintext', () => {
      it('returns only the key id and the ciphertext; decrypt-datakey opens it', async () => {
        const reply = await target.call('create-datakey-without-plaintext', {
          key_id: aes,
          datakey_length: '128',
        });
        expect(reply.status).toBe(200);
        expect(Object.keys(reply.body).sort()).toEqual(['cipher_text', 'key_id']);
        const created = createDatakeyWithoutPlaintextResponseSchema.parse(reply.body);
        expect(created.cipher_text).toMatch(HEX);
        const decrypted = await decryptDatakey({
          key_id: aes,
          cipher_text: created.cipher_text,
          datakey_cipher_length: '16',
        });
        expect(decrypted.data_key).toHaveLength(32);
        expect(decrypted.datakey_dgst).toBe(sha256Hex(Buffer.from(decrypted.data_key, 'hex')));
      });
    });

    describe('encrypt-datakey', () => {
      it('wraps DEK ‖ SHA-256(DEK) and decrypt-datakey returns the DEK', async () => {
        const dek = randomBytes(64);
        const wrapped = await encryptDatakey({
          key_id: aes,
          plain_text: wrappedInput(dek).toUpperCase(),
          datakey_plain_length: '64',
        });
        expect(wrapped.key_id).toBe(aes);
        expect(wrapped.datakey_length).toBe('64');
        expect(wrapped.cipher_text).toMatch(HEX);
        const decrypted = await decryptDatakey({
          key_id: aes,
          cipher_text: wrapped.cipher_text,
          datakey_cipher_length: '64',
        });
        expect(decrypted.data_key.toUpperCase()).toBe(dek.toString('hex').toUpperCase());
        expect(decrypted.datakey_length).toBe('64');
        expect(decrypted.datakey_dgst).toBe(sha256Hex(dek));
      });

      it('takes the documented example: lower-case hex, a space between DEK and digest', async () => {
        const dek =
          '7549d9aea901767bf3c0b3e14b10722eaf6f59053bbd82045d04e075e809a0fe6ccab48f8e5efe74e4b18ff0512525e527b10331100f357bf42125d8d5ced94f';
        const digest = 'fbc8ac72b0785ca7fe33eb6776ce3990b11e32b299d9c0a9ee0305fb9540f797';
        const wrapped = await encryptDatakey({
          key_id: aes,
          plain_text: `${dek} ${digest}`,
          datakey_plain_length: 64,
        });
        const decrypted = await decryptDatakey({
          key_id: aes,
          cipher_text: wrapped.cipher_text.toLowerCase(),
          datakey_cipher_length: 64,
        });
        expect(decrypted.data_key.toLowerCase()).toBe(dek);
        expect(decrypted.datakey_dgst.toLowerCase()).toBe(digest);
      });

      it('wraps a 1-byte and a 1024-byte DEK', async () => {
        for (const size of [1, 1024]) {
          const dek = randomBytes(size);
          const wrapped = await encryptDatakey({
            key_id: aes,
            plain_text: wrappedInput(dek),
            datakey_plain_length: String(size),
          });
          const decrypted = await decryptDatakey({
            key_id: aes,
            cipher_text: wrapped.cipher_text,
            datakey_cipher_length: String(size),
          });
          expect(decrypted.data_key.toLowerCase()).toBe(dek.toString('hex'));
        }
      });
    });

    describe('additional_authenticated_data and encryption_context', () => {
      const aad = 'file:report.pdf';
      const context = { purpose: 'envelope', tenant: '世界' };

      it('binds the AAD: decrypt needs the same value', async () => {
        const created = await createDatakey({ key_id: aes, additional_authenticated_data: aad });
        const base = { key_id: aes, cipher_text: created.cipher_text, datakey_cipher_length: '32' };
        expectError(await target.call('decrypt-datakey', base), 'KMS.0208');
        expectError(
          await target.call('decrypt-datakey', { ...base, additional_authenticated_data: 'x' }),
          'KMS.0208',
        );
        const decrypted = await decryptDatakey({ ...base, additional_authenticated_data: aad });
        expect(decrypted.data_key.toUpperCase()).toBe(created.plain_text.toUpperCase());
      });

      it('binds the encryption context, whatever the order of its keys', async () => {
        const dek = randomBytes(32);
        const wrapped = await encryptDatakey({
          key_id: aes,
          plain_text: wrappedInput(dek),
          datakey_plain_length: '32',
          encryption_context: context,
        });
        const base = { key_id: aes, cipher_text: wrapped.cipher_text, datakey_cipher_length: '32' };
        expectError(await target.call('decrypt-datakey', base), 'KMS.0208');
        expectError(
          await target.call('decrypt-datakey', {
            ...base,
            encryption_context: { ...context, tenant: 'other' },
          }),
          'KMS.0208',
        );
        const decrypted = await decryptDatakey({
          ...base,
          encryption_context: { tenant: context.tenant, purpose: context.purpose },
        });
        expect(decrypted.data_key.toLowerCase()).toBe(dek.toString('hex'));
      });

      it('binds both at once; a ciphertext made without either opens without either', async () => {
        const created = await createDatakey({
          key_id: aes,
          additional_authenticated_data: aad,
          encryption_context: context,
        });
        const base = { key_id: aes, cipher_text: created.cipher_text, datakey_cipher_length: '32' };
        expectError(
          await target.call('decrypt-datakey', { ...base, encryption_context: context }),
          'KMS.0208',
        );
        await decryptDatakey({
          ...base,
          encryption_context: context,
          additional_authenticated_data: aad,
        });

        const plain = await createDatakey({ key_id: aes });
        expectError(
          await target.call('decrypt-datakey', {
            key_id: aes,
            cipher_text: plain.cipher_text,
            datakey_cipher_length: '32',
            encryption_context: context,
          }),
          'KMS.0208',
        );
      });
    });

    if (options.sm4) {
      describe('SM4 keys', () => {
        it('wrap DEK ‖ SM3(DEK), refuse DEK ‖ SHA-256(DEK), and create data keys', async () => {
          const sm4 = target.keys.sm4;
          if (sm4 === undefined) throw new Error(`${name} claims SM4 but names no SM4 key`);
          const dek = randomBytes(32);
          expectError(
            await target.call('encrypt-datakey', {
              key_id: sm4,
              plain_text: wrappedInput(dek),
              datakey_plain_length: '32',
            }),
            'KMS.2103',
          );
          const wrapped = await encryptDatakey({
            key_id: sm4,
            plain_text: wrappedInput(dek, sm3(dek)),
            datakey_plain_length: '32',
          });
          const decrypted = await decryptDatakey({
            key_id: sm4,
            cipher_text: wrapped.cipher_text,
            datakey_cipher_length: '32',
          });
          expect(decrypted.data_key.toLowerCase()).toBe(dek.toString('hex'));
          // Only SHA-256 is documented for datakey_dgst, even under an SM4 key (§2.1).
          expect(decrypted.datakey_dgst).toBe(sha256Hex(dek));

          const created = await createDatakey({ key_id: sm4, encryption_context: { a: 'b' } });
          const opened = await decryptDatakey({
            key_id: sm4,
            cipher_text: created.cipher_text,
            datakey_cipher_length: '32',
            encryption_context: { a: 'b' },
          });
          expect(opened.data_key.toUpperCase()).toBe(created.plain_text.toUpperCase());
        });
      });
    }

    describe('errors', () => {
      let cipherText: string;
      const dek = randomBytes(32);

      beforeAll(async () => {
        const created = await createDatakey({ key_id: aes });
        cipherText = created.cipher_text;
      });

      const requests = (keyId: string): [string, Record<string, unknown>][] => [
        ['create-datakey', { key_id: keyId }],
        ['create-datakey-without-plaintext', { key_id: keyId }],
        [
          'encrypt-datakey',
          { key_id: keyId, plain_text: wrappedInput(dek), datakey_plain_length: '32' },
        ],
        [
          'decrypt-datakey',
          { key_id: keyId, cipher_text: cipherText, datakey_cipher_length: '32' },
        ],
      ];

      it('KMS.0204: a required field is missing', async () => {
        for (const [operation, body] of requests(aes)) {
          const { key_id: _keyId, ...withoutKey } = body;
          expectError(await target.call(operation, withoutKey), 'KMS.0204');
        }
        expectError(
          await target.call('encrypt-datakey', { key_id: aes, datakey_plain_length: '32' }),
          'KMS.0204',
        );
        expectError(
          await target.call('encrypt-datakey', { key_id: aes, plain_text: wrappedInput(dek) }),
          'KMS.0204',
        );
        expectError(
          await target.call('decrypt-datakey', { key_id: aes, datakey_cipher_length: '32' }),
          'KMS.0204',
        );
        expectError(
          await target.call('decrypt-datakey', { key_id: aes, cipher_text: cipherText }),
          'KMS.0204',
        );
      });

      it('KMS.0205: the key id is malformed', async () => {
        for (const [operation, body] of requests('alias-is-not-an-id')) {
          expectError(await target.call(operation, body), 'KMS.0205');
        }
      });

      it('KMS.0206: the sequence number is not 36 characters', async () => {
        for (const [operation, body] of requests(aes)) {
          expectError(await target.call(operation, { ...body, sequence: 'short' }), 'KMS.0206');
        }
      });

      it('KMS.0207 (404): no such key', async () => {
        for (const [operation, body] of requests(MISSING_KEY)) {
          expectError(await target.call(operation, body), 'KMS.0207');
        }
      });

      it('KMS.0208: the encryption context is not an object of strings', async () => {
        for (const [operation, body] of requests(aes)) {
          for (const encryptionContext of [{ n: 1 }, 'text', ['a']]) {
            expectError(
              await target.call(operation, { ...body, encryption_context: encryptionContext }),
              'KMS.0208',
            );
          }
        }
      });

      it('KMS.0209 and KMS.0210: the key is disabled or pending deletion', async () => {
        for (const [operation, body] of requests(target.keys.disabled)) {
          expectError(await target.call(operation, body), 'KMS.0209');
        }
        for (const [operation, body] of requests(target.keys.pendingDeletion)) {
          expectError(await target.call(operation, body), 'KMS.0210');
        }
      });

      it('refuses keys that cannot wrap data keys, with the documented code', async () => {
        expect(target.refusals.length).toBeGreaterThan(0);
        for (const refusal of target.refusals) {
          for (const [operation, body] of requests(refusal.keyId)) {
            const reply = await target.call(operation, body);
            expect({
              what: refusal.what,
              operation,
              status: reply.status,
              body: reply.body,
            }).toMatchObject({
              what: refusal.what,
              operation,
              status: KMS_ERROR_CODES[refusal.code].status,
              body: { error: { error_code: refusal.code } },
            });
          }
        }
      });

      it.each(['0', '4', '8200', '99999', 'abc', '-8', '25.6', ''])(
        'KMS.1901: datakey_length %j is out of 8–8192 bits',
        async (length) => {
          for (const operation of ['create-datakey', 'create-datakey-without-plaintext']) {
            expectError(
              await target.call(operation, { key_id: aes, datakey_length: length }),
              'KMS.1901',
            );
          }
        },
      );

      it.each(['SM4', 'HMAC_256', 'AES_512', 'aes_256', ''])(
        'KMS.1902: key_spec %j is not AES_128 or AES_256',
        async (keySpec) => {
          for (const operation of ['create-datakey', 'create-datakey-without-plaintext']) {
            expectError(
              await target.call(operation, { key_id: aes, key_spec: keySpec }),
              'KMS.1902',
            );
          }
        },
      );

      it.each(['12', '100', '8191', 9])(
        'KMS.1903: datakey_length %j is not a multiple of 8',
        async (length) => {
          for (const operation of ['create-datakey', 'create-datakey-without-plaintext']) {
            expectError(
              await target.call(operation, { key_id: aes, datakey_length: length }),
              'KMS.1903',
            );
          }
        },
      );

      it.each(['', 'xyz', 'abc', '0g'.repeat(48)])(
        'KMS.2101: plain_text %j is not hex',
        async (plain) => {
          expectError(
            await target.call('encrypt-datakey', {
              key_id: aes,
              plain_text: plain,
              datakey_plain_length: '32',
            }),
            'KMS.2101',
          );
        },
      );

      it('KMS.2103: the digest is not SHA-256 of the DEK', async () => {
        const digest = createHash('sha256').update(dek).digest();
        digest[0]! ^= 0x80;
        for (const wrong of [digest, createHash('sha256').update(randomBytes(32)).digest()]) {
          expectError(
            await target.call('encrypt-datakey', {
              key_id: aes,
              plain_text: wrappedInput(dek, wrong),
              datakey_plain_length: '32',
            }),
            'KMS.2103',
          );
        }
      });

      it('KMS.2104: plain_text is not datakey_plain_length + 32 bytes', async () => {
        for (const [plain, length] of [
          [wrappedInput(dek), '31'],
          [wrappedInput(dek), '33'],
          [dek.toString('hex'), '32'],
        ] as const) {
          expectError(
            await target.call('encrypt-datakey', {
              key_id: aes,
              plain_text: plain,
              datakey_plain_length: length,
            }),
            'KMS.2104',
          );
        }
      });

      it('KMS.0308: a DEK byte count outside 1–1024', async () => {
        for (const length of ['0', '1025', 'x']) {
          expectError(
            await target.call('encrypt-datakey', {
              key_id: aes,
              plain_text: wrappedInput(dek),
              datakey_plain_length: length,
            }),
            'KMS.0308',
          );
          expectError(
            await target.call('decrypt-datakey', {
              key_id: aes,
              cipher_text: cipherText,
              datakey_cipher_length: length,
            }),
            'KMS.0308',
          );
        }
      });

      it('KMS.2201: cipher_text is not hex, not a DEK ciphertext, or of another key', async () => {
        const base = { key_id: aes, datakey_cipher_length: '32' };
        for (const bad of ['', 'zz', 'abc', randomBytes(160).toString('hex')]) {
          expectError(
            await target.call('decrypt-datakey', { ...base, cipher_text: bad }),
            'KMS.2201',
          );
        }
        const foreign = await createDatakey({ key_id: target.keys.otherAes });
        expectError(
          await target.call('decrypt-datakey', { ...base, cipher_text: foreign.cipher_text }),
          'KMS.2201',
        );
      });

      it('KMS.2203: a changed ciphertext fails the DEK check', async () => {
        expectError(
          await target.call('decrypt-datakey', {
            key_id: aes,
            cipher_text: flipLastByte(cipherText),
            datakey_cipher_length: '32',
          }),
          'KMS.2203',
        );
      });

      it('KMS.2204: datakey_cipher_length is not the DEK length inside cipher_text', async () => {
        for (const length of ['16', '31', '33', '64']) {
          expectError(
            await target.call('decrypt-datakey', {
              key_id: aes,
              cipher_text: cipherText,
              datakey_cipher_length: length,
            }),
            'KMS.2204',
          );
        }
      });
    });
  });
}
