/**
 * gen-random and re-encrypt over real HTTP (AK/SK signed by the official SDK signer). The
 * asymmetric sides of re-encrypt are checked with the openssl command line: it encrypts under
 * the key's get-publickey output, and decrypts with the key pair pinned through the seed file.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startKms, tempDir, writeSeed, type KmsReply, type RunningKms } from './helpers';
import { fileIn, openssl, refusal, signedCall } from './signed-client';

const AES = '7e0c0000-0000-4000-8000-000000000001';
const SM4 = '7e0c0000-0000-4000-8000-000000000002';
const RSA = '7e0c0000-0000-4000-8000-000000000003';
const SM2 = '7e0c0000-0000-4000-8000-000000000004';
const EC = '7e0c0000-0000-4000-8000-000000000005';
const DISABLED = '7e0c0000-0000-4000-8000-000000000006';

let dir: string;
let kms: RunningKms;
let call: (operation: string, body: object) => Promise<KmsReply>;
let rsaPrivatePem: string;

beforeAll(async () => {
  dir = await tempDir('local-kms-rr-');
  rsaPrivatePem = (
    await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'])
  ).toString();
  const seed = await writeSeed(dir, [
    { key_id: AES, key_alias: 'rr/aes', key_spec: 'AES_256' },
    { key_id: SM4, key_alias: 'rr/sm4', key_spec: 'SM4' },
    { key_id: RSA, key_alias: 'rr/rsa', key_spec: 'RSA_2048', key_material: rsaPrivatePem },
    { key_id: SM2, key_alias: 'rr/sm2', key_spec: 'SM2' },
    { key_id: EC, key_alias: 'rr/ec', key_spec: 'EC_P256' },
    { key_id: DISABLED, key_alias: 'rr/off', key_spec: 'AES_256', key_state: '3' },
  ]);
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
  call = signedCall(kms.url);
}, 60_000);

afterAll(async () => {
  await kms?.close();
  await removeDir(dir);
});

describe('gen-random', () => {
  it.each([
    ['8', 2],
    ['512', 128],
    ['8192', 2048],
  ])('%s bits → %i upper-case hex digits, fresh each time', async (bits, digits) => {
    const first = await call('gen-random', { random_data_length: bits });
    const second = await call('gen-random', { random_data_length: bits });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(Object.keys(first.body)).toEqual(['random_data']);
    expect(first.body.random_data).toMatch(new RegExp(`^[0-9A-F]{${digits}}$`));
    if (digits > 2) expect(second.body.random_data).not.toBe(first.body.random_data);
  });

  it('takes the length as a JSON number too', async () => {
    const reply = await call('gen-random', { random_data_length: 256 });
    expect(reply.body.random_data).toMatch(/^[0-9A-F]{64}$/);
  });

  it.each([
    ['12', 'KMS.1802'],
    ['0', 'KMS.1801'],
    ['8200', 'KMS.1801'],
    ['many', 'KMS.1801'],
  ])('%s → %s', async (bits, code) => {
    expect(refusal(await call('gen-random', { random_data_length: bits }))).toEqual({
      status: 400,
      code,
    });
  });

  it('without a length → KMS.0204', async () => {
    expect(refusal(await call('gen-random', {}))).toEqual({ status: 400, code: 'KMS.0204' });
  });
});

async function encrypt(body: object): Promise<string> {
  const reply = await call('encrypt-data', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.cipher_text as string;
}

describe('re-encrypt of data', () => {
  it('moves a symmetric ciphertext to another key, changing AAD and context on the way', async () => {
    const cipherText = await encrypt({
      key_id: AES,
      plain_text: 'moved between keys — 重新加密',
      encryption_context: { tenant: 'a' },
      additional_authenticated_data: 'aad-a',
    });
    const reply = await call('re-encrypt', {
      cipher_text: cipherText,
      destination_key_id: SM4,
      source_encryption_context: { tenant: 'a' },
      source_additional_authenticated_data: 'aad-a',
      destination_encryption_context: { tenant: 'b' },
      destination_additional_authenticated_data: 'aad-b',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      key_id: SM4,
      source_key_id: AES,
      source_encryption_algorithm: 'SYMMETRIC_DEFAULT',
      destination_encryption_algorithm: 'SYMMETRIC_DEFAULT',
    });
    const decrypted = await call('decrypt-data', {
      cipher_text: reply.body.cipher_text,
      encryption_context: { tenant: 'b' },
      additional_authenticated_data: 'aad-b',
    });
    expect(decrypted.body).toMatchObject({
      key_id: SM4,
      plain_text: 'moved between keys — 重新加密',
    });
    const oldSide = await call('decrypt-data', {
      cipher_text: reply.body.cipher_text,
      encryption_context: { tenant: 'a' },
      additional_authenticated_data: 'aad-a',
    });
    expect(refusal(oldSide)).toEqual({ status: 400, code: 'KMS.0208' });
  });

  it('refuses the wrong source context or AAD with KMS.0208', async () => {
    const cipherText = await encrypt({
      key_id: AES,
      plain_text: 'bound',
      encryption_context: { tenant: 'a' },
    });
    for (const source of [
      { source_encryption_context: { tenant: 'b' } },
      {},
      { source_encryption_context: { tenant: 'a' }, source_additional_authenticated_data: 'x' },
    ]) {
      const reply = await call('re-encrypt', {
        cipher_text: cipherText,
        destination_key_id: SM4,
        ...source,
      });
      expect(refusal(reply), JSON.stringify(source)).toEqual({ status: 400, code: 'KMS.0208' });
    }
  });

  it('opens what openssl encrypted under the RSA public key, and re-encrypts it for AES', async () => {
    const publicKey = await call('get-publickey', { key_id: RSA });
    const ciphertext = await openssl([
      'pkeyutl',
      '-encrypt',
      '-pubin',
      '-inkey',
      await fileIn(dir, 'rsa.pub.pem', publicKey.body.public_key as string),
      '-pkeyopt',
      'rsa_padding_mode:oaep',
      '-pkeyopt',
      'rsa_oaep_md:sha256',
      '-pkeyopt',
      'rsa_mgf1_md:sha256',
      '-in',
      await fileIn(dir, 'plain.txt', 'from openssl'),
    ]);
    const body = {
      cipher_text: ciphertext.toString('base64'),
      destination_key_id: AES,
      source_encryption_algorithm: 'RSAES_OAEP_SHA_256',
    };
    expect(refusal(await call('re-encrypt', body))).toEqual({ status: 400, code: 'KMS.0204' });
    const reply = await call('re-encrypt', { ...body, source_key_id: RSA });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      key_id: AES,
      source_key_id: RSA,
      source_encryption_algorithm: 'RSAES_OAEP_SHA_256',
    });
    const decrypted = await call('decrypt-data', { cipher_text: reply.body.cipher_text });
    expect(decrypted.body.plain_text).toBe('from openssl');
  });

  it('re-encrypts for the RSA key so that openssl decrypts it with the pinned private key', async () => {
    const cipherText = await encrypt({ key_id: SM4, plain_text: 'to openssl' });
    const reply = await call('re-encrypt', {
      cipher_text: cipherText,
      destination_key_id: RSA,
      destination_encryption_algorithm: 'RSAES_OAEP_SHA_1',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const plaintext = await openssl([
      'pkeyutl',
      '-decrypt',
      '-inkey',
      await fileIn(dir, 'rsa.key.pem', rsaPrivatePem),
      '-pkeyopt',
      'rsa_padding_mode:oaep',
      '-pkeyopt',
      'rsa_oaep_md:sha1',
      '-in',
      await fileIn(dir, 'rsa.ct', Buffer.from(reply.body.cipher_text as string, 'base64')),
    ]);
    expect(plaintext.toString()).toBe('to openssl');
  });

  it('moves an SM2 ciphertext to AES', async () => {
    const cipherText = await encrypt({
      key_id: SM2,
      plain_text: 'sm2 source',
      encryption_algorithm: 'SM2_ENCRYPT',
    });
    const reply = await call('re-encrypt', {
      cipher_text: cipherText,
      source_key_id: SM2,
      source_encryption_algorithm: 'SM2_ENCRYPT',
      destination_key_id: AES,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const decrypted = await call('decrypt-data', { cipher_text: reply.body.cipher_text });
    expect(decrypted.body.plain_text).toBe('sm2 source');
  });

  it.each([
    ['a signing destination', { destination_key_id: EC }, 'KMS.1114'],
    ['a disabled destination', { destination_key_id: DISABLED }, 'KMS.0209'],
    [
      'a missing destination',
      { destination_key_id: '7e0c0000-0000-4000-8000-0000000000ff' },
      'KMS.0207',
    ],
    ['no destination', { destination_key_id: undefined }, 'KMS.0204'],
    [
      'an algorithm the destination does not take',
      { destination_encryption_algorithm: 'SM2_ENCRYPT' },
      'KMS.2105',
    ],
    ['cipher_text that is not Base64', { cipher_text: 'not*base64' }, 'KMS.2201'],
  ])('refuses %s → %s', async (_case, change, code) => {
    const cipherText = await encrypt({ key_id: AES, plain_text: 'x' });
    const body = { cipher_text: cipherText, destination_key_id: SM4, ...change };
    const reply = await call('re-encrypt', JSON.parse(JSON.stringify(body)) as object);
    expect(refusal(reply)).toEqual({ status: reply.status === 404 ? 404 : 400, code });
  });
});

describe('re-encrypt of a data key', () => {
  it('re-wraps a DEK ciphertext (hex) under another key, AAD changed, the DEK unchanged', async () => {
    const created = await call('create-datakey', {
      key_id: AES,
      datakey_length: '256',
      additional_authenticated_data: 'dek-a',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const reply = await call('re-encrypt', {
      cipher_text: created.body.cipher_text,
      datakey_cipher_length: '32',
      source_additional_authenticated_data: 'dek-a',
      destination_key_id: SM4,
      destination_additional_authenticated_data: 'dek-b',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ key_id: SM4, source_key_id: AES });
    expect(reply.body.cipher_text).toMatch(/^[0-9A-F]+$/);
    const unwrapped = await call('decrypt-datakey', {
      key_id: SM4,
      cipher_text: reply.body.cipher_text,
      datakey_cipher_length: '32',
      additional_authenticated_data: 'dek-b',
    });
    expect(unwrapped.status, JSON.stringify(unwrapped.body)).toBe(200);
    expect(unwrapped.body.data_key).toBe(created.body.plain_text);
  });

  it('refuses a wrong source AAD (KMS.0208) and a length that does not fit (KMS.2204)', async () => {
    const created = await call('create-datakey', { key_id: AES, datakey_length: '128' });
    const body = { cipher_text: created.body.cipher_text, destination_key_id: SM4 };
    const wrongAad = await call('re-encrypt', {
      ...body,
      datakey_cipher_length: '16',
      source_additional_authenticated_data: 'other',
    });
    expect(refusal(wrongAad)).toEqual({ status: 400, code: 'KMS.0208' });
    const wrongLength = await call('re-encrypt', { ...body, datakey_cipher_length: '32' });
    expect(refusal(wrongLength)).toEqual({ status: 400, code: 'KMS.2204' });
  });
});
