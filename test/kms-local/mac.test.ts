/**
 * generate-mac and verify-mac over real HTTP (AK/SK signed by the official SDK signer), HMAC
 * keys pinned through the seed file, every MAC checked against `openssl dgst -mac HMAC`.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startKms, tempDir, writeSeed, type KmsReply, type RunningKms } from './helpers';
import { fileIn, openssl, refusal, signedCall } from './signed-client';

interface HmacCase {
  spec: string;
  algorithm: string;
  keyId: string;
  key: Buffer;
  /** How the seed file gives the key. */
  encoding: 'hex' | 'base64';
  digest: string;
}

const CASES: HmacCase[] = [
  ['HMAC_256', 'HMAC_SHA_256', 32, 'hex', '-sha256'],
  ['HMAC_384', 'HMAC_SHA_384', 48, 'base64', '-sha384'],
  ['HMAC_512', 'HMAC_SHA_512', 64, 'hex', '-sha512'],
  ['HMAC_SM3', 'HMAC_SM3', 32, 'base64', '-sm3'],
].map(([spec, algorithm, bytes, encoding, digest], index) => ({
  spec: spec as string,
  algorithm: algorithm as string,
  keyId: `3ac00000-0000-4000-8000-00000000000${index + 1}`,
  key: randomBytes(bytes as number),
  encoding: encoding as 'hex' | 'base64',
  digest: digest as string,
}));

const AES = '3ac00000-0000-4000-8000-0000000000a1';
const RSA_SIGN = '3ac00000-0000-4000-8000-0000000000a2';
const DISABLED = '3ac00000-0000-4000-8000-0000000000a3';

let dir: string;
let kms: RunningKms;
let call: (operation: string, body: object) => Promise<KmsReply>;

beforeAll(async () => {
  dir = await tempDir('local-kms-mac-');
  const seed = await writeSeed(dir, [
    ...CASES.map((hmac) => ({
      key_id: hmac.keyId,
      key_alias: `mac/${hmac.spec.toLowerCase()}`,
      key_spec: hmac.spec,
      key_material: hmac.key.toString(hmac.encoding),
    })),
    { key_id: AES, key_alias: 'mac/aes', key_spec: 'AES_256' },
    { key_id: RSA_SIGN, key_alias: 'mac/rsa', key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY' },
    { key_id: DISABLED, key_alias: 'mac/off', key_spec: 'HMAC_256', key_state: '3' },
  ]);
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
  call = signedCall(kms.url);
}, 60_000);

afterAll(async () => {
  await kms?.close();
  await removeDir(dir);
});

async function opensslHmac(hmac: HmacCase, message: Buffer): Promise<string> {
  const out = await openssl([
    'dgst',
    hmac.digest,
    '-mac',
    'HMAC',
    '-macopt',
    `hexkey:${hmac.key.toString('hex')}`,
    '-binary',
    await fileIn(dir, 'mac-message.bin', message),
  ]);
  return out.toString('hex');
}

describe.each(CASES)('$spec', (hmac) => {
  const message = Buffer.from(`authenticate me with ${hmac.algorithm} — 消息`);

  it('generate-mac gives the MAC openssl computes with the seeded key, in lower-case hex', async () => {
    const reply = await call('generate-mac', {
      key_id: hmac.keyId,
      mac_algorithm: hmac.algorithm,
      message: message.toString('base64'),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toEqual({
      key_id: hmac.keyId,
      mac_algorithm: hmac.algorithm,
      mac: await opensslHmac(hmac, message),
    });
  });

  it('verify-mac answers a JSON boolean: true for openssl’s MAC in either case, false otherwise', async () => {
    const expected = await opensslHmac(hmac, message);
    const verify = (mac: string, text = message) =>
      call('verify-mac', {
        key_id: hmac.keyId,
        mac_algorithm: hmac.algorithm,
        message: text.toString('base64'),
        mac,
      });
    expect((await verify(expected)).body).toEqual({
      key_id: hmac.keyId,
      mac_algorithm: hmac.algorithm,
      mac_valid: true,
    });
    expect((await verify(expected.toUpperCase())).body.mac_valid).toBe(true);
    expect((await verify(expected, Buffer.from('another message'))).body.mac_valid).toBe(false);
    expect((await verify(expected.slice(0, -2))).body.mac_valid).toBe(false);
  });
});

describe('refusals', () => {
  const [hmac256] = CASES;
  const body = (keyId: string, extra: object = {}) => ({
    key_id: keyId,
    mac_algorithm: 'HMAC_SHA_256',
    message: Buffer.from('m').toString('base64'),
    ...extra,
  });

  it.each([
    [
      'another algorithm than the key’s',
      body(hmac256!.keyId, { mac_algorithm: 'HMAC_SHA_512' }),
      'KMS.0308',
    ],
    ['a symmetric encryption key', body(AES), 'KMS.0331'],
    ['an asymmetric key', body(RSA_SIGN), 'KMS.0325'],
    ['a disabled key', body(DISABLED), 'KMS.0209'],
    ['a message that is not Base64', body(hmac256!.keyId, { message: 'm' }), 'KMS.0308'],
    ['an empty message', body(hmac256!.keyId, { message: '' }), 'KMS.0308'],
    [
      'a message over 4096 bytes',
      body(hmac256!.keyId, { message: Buffer.alloc(4097).toString('base64') }),
      'KMS.0308',
    ],
    ['an unknown algorithm', body(hmac256!.keyId, { mac_algorithm: 'HMAC_MD5' }), 'KMS.0308'],
    ['no mac_algorithm', { key_id: hmac256!.keyId, message: 'bQ==' }, 'KMS.0204'],
  ] as const)('generate-mac with %s → %s', async (_case, request, code) => {
    expect(refusal(await call('generate-mac', request))).toEqual({ status: 400, code });
  });

  it('verify-mac with a mac that is not hex → KMS.0308', async () => {
    const reply = await call('verify-mac', body(hmac256!.keyId, { mac: 'zz' }));
    expect(refusal(reply)).toEqual({ status: 400, code: 'KMS.0308' });
  });

  it('an HMAC key refuses the other operations with KMS.0341', async () => {
    const keyId = hmac256!.keyId;
    const attempts: [string, object][] = [
      ['encrypt-data', { key_id: keyId, plain_text: 'x' }],
      ['get-publickey', { key_id: keyId }],
      ['create-datakey', { key_id: keyId }],
      [
        'sign',
        { key_id: keyId, message: 'bQ==', signing_algorithm: 'ECDSA_SHA_256', message_type: 'RAW' },
      ],
    ];
    for (const [operation, request] of attempts) {
      expect(refusal(await call(operation, request)), operation).toEqual({
        status: 400,
        code: 'KMS.0341',
      });
    }
  });
});

describe('HMAC keys through the key operations', () => {
  it('create-key makes every HMAC spec with usage GENERATE_VERIFY_MAC; describe and list show it', async () => {
    for (const { spec } of CASES) {
      const created = await call('create-key', { key_alias: `mac/new-${spec}`, key_spec: spec });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const keyId = (created.body.key_info as { key_id: string }).key_id;
      const described = await call('describe-key', { key_id: keyId });
      expect(described.body.key_info).toMatchObject({
        key_spec: spec,
        key_usage: 'GENERATE_VERIFY_MAC',
        key_type: '1',
      });
      const listed = await call('list-keys', { key_spec: 'ALL' });
      expect(listed.body.keys).toContain(keyId);
      const mac = await call('generate-mac', {
        key_id: keyId,
        mac_algorithm: CASES.find((c) => c.spec === spec)!.algorithm,
        message: 'bQ==',
      });
      expect(mac.status).toBe(200);
    }
  });

  it('usages are checked both ways', async () => {
    const hmacForEncryption = await call('create-key', {
      key_alias: 'mac/wrong-usage',
      key_spec: 'HMAC_256',
      key_usage: 'ENCRYPT_DECRYPT',
    });
    expect(refusal(hmacForEncryption)).toEqual({ status: 400, code: 'KMS.0308' });
    const aesForMac = await call('create-key', {
      key_alias: 'mac/aes-mac',
      key_spec: 'AES_256',
      key_usage: 'GENERATE_VERIFY_MAC',
    });
    expect(refusal(aesForMac)).toEqual({ status: 400, code: 'KMS.0308' });
  });
});
