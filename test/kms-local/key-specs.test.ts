/**
 * Every key spec over real HTTP: round trips for 1-byte, multibyte and maximum-size plaintexts,
 * over-limit refusals, wrong algorithms, and data encrypted by the openssl command line with
 * the key's get-publickey output decrypting through decrypt-data to the same bytes.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxPlainTextBytes, type EncryptionAlgorithm, type KeySpec } from '../../src/shared/kms';
import { removeDir, startKms, tempDir, writeSeed, type RunningKms } from './helpers';

const run = promisify(execFile);

const KEYS: Record<KeySpec, string> = {
  AES_256: '1a2b3c4d-0000-4000-8000-000000000b01',
  SM4: '1a2b3c4d-0000-4000-8000-000000000b02',
  RSA_2048: '1a2b3c4d-0000-4000-8000-000000000b03',
  RSA_3072: '1a2b3c4d-0000-4000-8000-000000000b04',
  RSA_4096: '1a2b3c4d-0000-4000-8000-000000000b05',
  SM2: '1a2b3c4d-0000-4000-8000-000000000b06',
  EC_P256: '1a2b3c4d-0000-4000-8000-000000000b07',
  EC_P384: '1a2b3c4d-0000-4000-8000-000000000b08',
  SECP256K1: '1a2b3c4d-0000-4000-8000-000000000b09',
  ED25519: '1a2b3c4d-0000-4000-8000-000000000b0a',
  HMAC_256: '1a2b3c4d-0000-4000-8000-000000000b0b',
  HMAC_384: '1a2b3c4d-0000-4000-8000-000000000b0c',
  HMAC_512: '1a2b3c4d-0000-4000-8000-000000000b0d',
  HMAC_SM3: '1a2b3c4d-0000-4000-8000-000000000b0e',
};

let dir: string;
let kms: RunningKms;

beforeAll(async () => {
  dir = await tempDir();
  const seed = await writeSeed(
    dir,
    Object.entries(KEYS).map(([spec, keyId]) => ({
      key_id: keyId,
      key_alias: `spec/${spec.toLowerCase()}`,
      key_spec: spec,
    })),
  );
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
}, 60_000);

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

/** A plaintext of exactly `bytes` UTF-8 bytes, multibyte where it fits. */
function textOfBytes(bytes: number): string {
  const euros = Math.floor(bytes / 3);
  return '€'.repeat(euros) + 'a'.repeat(bytes - euros * 3);
}

const CASES: { spec: KeySpec; algorithm: EncryptionAlgorithm }[] = [
  { spec: 'AES_256', algorithm: 'SYMMETRIC_DEFAULT' },
  { spec: 'SM4', algorithm: 'SYMMETRIC_DEFAULT' },
  { spec: 'RSA_2048', algorithm: 'RSAES_OAEP_SHA_256' },
  { spec: 'RSA_2048', algorithm: 'RSAES_OAEP_SHA_1' },
  { spec: 'RSA_3072', algorithm: 'RSAES_OAEP_SHA_256' },
  { spec: 'RSA_3072', algorithm: 'RSAES_OAEP_SHA_1' },
  { spec: 'RSA_4096', algorithm: 'RSAES_OAEP_SHA_256' },
  { spec: 'RSA_4096', algorithm: 'RSAES_OAEP_SHA_1' },
  { spec: 'SM2', algorithm: 'SM2_ENCRYPT' },
];

describe.each(CASES)('$spec with $algorithm', ({ spec, algorithm }) => {
  const symmetric = algorithm === 'SYMMETRIC_DEFAULT';
  const max = maxPlainTextBytes(spec, algorithm);

  async function roundTrip(plainText: string) {
    const encrypted = await kms.call('encrypt-data', {
      key_id: KEYS[spec],
      plain_text: plainText,
      encryption_algorithm: algorithm,
    });
    expect(encrypted.status, JSON.stringify(encrypted.body)).toBe(200);
    expect(encrypted.body.key_id).toBe(KEYS[spec]);
    const cipherText = encrypted.body.cipher_text as string;
    expect(cipherText).toMatch(/^[0-9a-zA-Z+/=]{128,5648}$/);
    // Symmetric ciphertext names its key; asymmetric ciphertext needs key id and algorithm.
    const decrypted = await kms.call(
      'decrypt-data',
      symmetric
        ? { cipher_text: cipherText }
        : { cipher_text: cipherText, key_id: KEYS[spec], encryption_algorithm: algorithm },
    );
    expect(decrypted.status, JSON.stringify(decrypted.body)).toBe(200);
    expect(decrypted.body).toEqual({
      key_id: KEYS[spec],
      plain_text: plainText,
      plain_text_base64: Buffer.from(plainText, 'utf8').toString('base64'),
    });
  }

  it('round-trips a 1-byte plaintext', () => roundTrip('x'));
  it('round-trips multibyte UTF-8', () => roundTrip('密钥管理服务 — ключ 🔐'));
  it(`round-trips the maximum of ${max} bytes`, async () => {
    expect(Buffer.byteLength(textOfBytes(max))).toBe(max);
    await roundTrip(textOfBytes(max));
  });

  it(`refuses ${max + 1} bytes with ${max < 4096 ? 'KMS.2108' : 'KMS.2101'}`, async () => {
    const reply = await kms.call('encrypt-data', {
      key_id: KEYS[spec],
      plain_text: textOfBytes(max + 1),
      encryption_algorithm: algorithm,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.error_code).toBe(max < 4096 ? 'KMS.2108' : 'KMS.2101');
  });
});

describe('algorithms that do not fit the key', () => {
  it.each([
    ['AES_256', 'RSAES_OAEP_SHA_256', 'KMS.2105'],
    ['SM4', 'SM2_ENCRYPT', 'KMS.2105'],
    ['RSA_2048', 'SYMMETRIC_DEFAULT', 'KMS.2106'],
    ['RSA_3072', 'SM2_ENCRYPT', 'KMS.2106'],
    ['SM2', 'RSAES_OAEP_SHA_1', 'KMS.2106'],
    ['SM2', 'SYMMETRIC_DEFAULT', 'KMS.2106'],
    ['EC_P256', 'SYMMETRIC_DEFAULT', 'KMS.1114'],
    ['EC_P384', 'RSAES_OAEP_SHA_256', 'KMS.1114'],
  ] as const)('%s with %s → %s', async (spec, algorithm, code) => {
    const reply = await kms.call('encrypt-data', {
      key_id: KEYS[spec],
      plain_text: 'x',
      encryption_algorithm: algorithm,
    });
    expect({ status: reply.status, code: reply.body.error?.error_code }).toEqual({
      status: 400,
      code,
    });
  });

  it('an RSA key without encryption_algorithm → KMS.2106 (the default is symmetric)', async () => {
    const reply = await kms.call('encrypt-data', { key_id: KEYS.RSA_2048, plain_text: 'x' });
    expect(reply.body.error?.error_code).toBe('KMS.2106');
  });
});

describe('get-publickey', () => {
  it.each(['RSA_2048', 'RSA_4096', 'SM2', 'EC_P256', 'EC_P384', 'SECP256K1', 'ED25519'] as const)(
    '%s: a PEM SubjectPublicKeyInfo that openssl loads',
    async (spec) => {
      const reply = await kms.call('get-publickey', { key_id: KEYS[spec] });
      expect(reply.status).toBe(200);
      const pem = reply.body.public_key as string;
      expect(pem).toMatch(
        /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/,
      );
      const path = join(dir, `${spec}.pub.pem`);
      await writeFile(path, pem);
      const { stdout } = await run('openssl', ['pkey', '-pubin', '-in', path, '-noout', '-text']);
      expect(stdout).toMatch(/Public-Key/);
    },
  );

  it('a symmetric key has none → KMS.0308', async () => {
    const reply = await kms.call('get-publickey', { key_id: KEYS.AES_256 });
    expect({ status: reply.status, code: reply.body.error?.error_code }).toEqual({
      status: 400,
      code: 'KMS.0308',
    });
  });
});

describe('openssl command-line interop', () => {
  async function opensslEncrypt(spec: KeySpec, plaintext: Buffer, pkeyopts: string[]) {
    const publicKey = await kms.call('get-publickey', { key_id: KEYS[spec] });
    const tag = randomBytes(4).toString('hex');
    const pubPath = join(dir, `interop-${tag}.pub.pem`);
    const inPath = join(dir, `interop-${tag}.in`);
    const outPath = join(dir, `interop-${tag}.out`);
    await writeFile(pubPath, publicKey.body.public_key as string);
    await writeFile(inPath, plaintext);
    await run('openssl', [
      'pkeyutl',
      '-encrypt',
      '-pubin',
      '-inkey',
      pubPath,
      '-in',
      inPath,
      '-out',
      outPath,
      ...pkeyopts.flatMap((option) => ['-pkeyopt', option]),
    ]);
    return (await readFile(outPath)).toString('base64');
  }

  const oaep = (md: string) => ['rsa_padding_mode:oaep', `rsa_oaep_md:${md}`, `rsa_mgf1_md:${md}`];

  it.each([
    ['RSA_2048', 'RSAES_OAEP_SHA_256', oaep('sha256')],
    ['RSA_2048', 'RSAES_OAEP_SHA_1', oaep('sha1')],
    ['RSA_3072', 'RSAES_OAEP_SHA_256', oaep('sha256')],
    ['RSA_4096', 'RSAES_OAEP_SHA_1', oaep('sha1')],
    ['SM2', 'SM2_ENCRYPT', []],
  ] as const)(
    '%s: openssl encrypts with %s, decrypt-data returns the same bytes',
    async (spec, algorithm, opts) => {
      // Random bytes, not text: the comparison is on plain_text_base64, byte for byte.
      for (const plaintext of [randomBytes(1), randomBytes(100), Buffer.from('hello 世界')]) {
        const cipherText = await opensslEncrypt(spec, plaintext, [...opts]);
        const reply = await kms.call('decrypt-data', {
          cipher_text: cipherText,
          key_id: KEYS[spec],
          encryption_algorithm: algorithm,
        });
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        expect(reply.body.plain_text_base64).toBe(plaintext.toString('base64'));
      }
    },
  );

  it('RSA: SHA-1 ciphertext decrypted as SHA-256 fails with KMS.0311', async () => {
    const cipherText = await opensslEncrypt('RSA_2048', Buffer.from('x'), oaep('sha1'));
    const reply = await kms.call('decrypt-data', {
      cipher_text: cipherText,
      key_id: KEYS.RSA_2048,
      encryption_algorithm: 'RSAES_OAEP_SHA_256',
    });
    expect({ status: reply.status, code: reply.body.error?.error_code }).toEqual({
      status: 400,
      code: 'KMS.0311',
    });
  });
});
