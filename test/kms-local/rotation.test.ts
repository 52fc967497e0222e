/**
 * Key rotation over real HTTP (KMS-API-2.md §6) with a clock the test drives: scheduled
 * rotation happens once the interval has passed, on demand at once; every ciphertext names
 * its material version, and everything made before a rotation still decrypts after it (and
 * after a restart).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startKms, tempDir, writeSeed, type RunningKms } from './helpers';
import { expectFieldTypes } from './rest-helpers';

const AES = '1a2b3c4d-0000-4000-8000-00000000b001';
const SM4 = '1a2b3c4d-0000-4000-8000-00000000b002';
const RSA = '1a2b3c4d-0000-4000-8000-00000000b003';
const SLEEPER = '1a2b3c4d-0000-4000-8000-00000000b004';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Where the envelope and the DEK ciphertext keep the material version (after magic, version, algorithm and key id). */
const VERSION_OFFSET = 2 + 1 + 1 + 36;

let dir: string;
let seedFile: string;
let kms: RunningKms;
let clock = Date.parse('2026-01-01T00:00:00Z');
const now = () => clock;

async function start() {
  kms = await startKms(join(dir, 'data'), { seedFile, now });
}

const envelopeVersion = (cipherText: string) =>
  Buffer.from(cipherText, 'base64').readUInt32BE(VERSION_OFFSET);
const dataKeyVersion = (cipherText: string) =>
  Buffer.from(cipherText, 'hex').readUInt32BE(VERSION_OFFSET);

async function encrypt(keyId: string, plainText: string) {
  const reply = await kms.call('encrypt-data', {
    key_id: keyId,
    plain_text: plainText,
    encryption_context: { purpose: 'rotation' },
  });
  expect(reply.status).toBe(200);
  return reply.body.cipher_text as string;
}

async function decrypt(cipherText: string) {
  const reply = await kms.call('decrypt-data', {
    cipher_text: cipherText,
    encryption_context: { purpose: 'rotation' },
  });
  expect(reply.status).toBe(200);
  return reply.body.plain_text as string;
}

async function status(keyId: string) {
  const reply = await kms.call('get-key-rotation-status', { key_id: keyId });
  expect(reply.status).toBe(200);
  return reply.body;
}

beforeAll(async () => {
  dir = await tempDir();
  seedFile = await writeSeed(dir, [
    { key_id: AES, key_alias: 'rotation/aes', key_spec: 'AES_256' },
    { key_id: SM4, key_alias: 'rotation/sm4', key_spec: 'SM4' },
    { key_id: RSA, key_alias: 'rotation/rsa', key_spec: 'RSA_2048' },
    { key_id: SLEEPER, key_alias: 'rotation/sleeper', key_spec: 'AES_256' },
  ]);
  await start();
});

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

describe('rotation settings', () => {
  it('reports a key that never rotated, with the documented JSON types', async () => {
    const body = await status(AES);
    expectFieldTypes(body, {
      key_rotation_enabled: 'boolean',
      rotation_interval: 'integer',
      last_rotation_time: 'string',
      number_of_rotations: 'integer',
      key_materials: 'array',
    });
    expect(body).toMatchObject({
      key_rotation_enabled: false,
      rotation_interval: 365,
      last_rotation_time: '',
      number_of_rotations: 0,
    });
    const [material] = body.key_materials as unknown[];
    expectFieldTypes(material, {
      material_id: 'string',
      create_time: 'string',
      expiration_time: 'string',
      state: 'integer',
    });
  });

  it('enables (empty 200), shows "true" in describe-key, and refuses twice (KMS.2901)', async () => {
    const enabled = await kms.call('enable-key-rotation', { key_id: AES });
    expect([enabled.status, enabled.body]).toEqual([200, {}]);
    expect(await status(AES)).toMatchObject({ key_rotation_enabled: true, rotation_interval: 365 });
    const described = await kms.call('describe-key', { key_id: AES });
    expect(described.body.key_info).toMatchObject({ key_rotation_enabled: 'true' });
    const again = await kms.call('enable-key-rotation', { key_id: AES });
    expect([again.status, again.body.error?.error_code]).toEqual([400, 'KMS.2901']);
  });

  it('takes an interval of 30 to 365 days (an integer, or its string), else KMS.3001', async () => {
    for (const rotation_interval of [29, 366, 30.5, 'thirty', -1]) {
      const bad = await kms.call('update-key-rotation-interval', {
        key_id: AES,
        rotation_interval,
      });
      expect([bad.status, bad.body.error?.error_code]).toEqual([400, 'KMS.3001']);
    }
    const asString = await kms.call('update-key-rotation-interval', {
      key_id: AES,
      rotation_interval: '45',
    });
    expect([asString.status, asString.body]).toEqual([200, {}]);
    expect((await status(AES)).rotation_interval).toBe(45);
    const set = await kms.call('update-key-rotation-interval', {
      key_id: AES,
      rotation_interval: 30,
    });
    expect(set.status).toBe(200);
    expect((await status(AES)).rotation_interval).toBe(30);
  });

  it('refuses what it cannot do with the §9 codes', async () => {
    const notEnabled = await kms.call('disable-key-rotation', { key_id: SM4 });
    expect(notEnabled.body.error?.error_code).toBe('KMS.0313');
    const intervalNotEnabled = await kms.call('update-key-rotation-interval', {
      key_id: SM4,
      rotation_interval: 90,
    });
    expect(intervalNotEnabled.body.error?.error_code).toBe('KMS.0313');
    for (const operation of ['enable-key-rotation', 'rotate-on-demand']) {
      const rsa = await kms.call(operation, { key_id: RSA });
      expect([operation, rsa.status, rsa.body.error?.error_code]).toEqual([
        operation,
        400,
        'KMS.0324',
      ]);
    }
    const unknown = await kms.call('enable-key-rotation', {
      key_id: '1a2b3c4d-0000-4000-8000-00000000bfff',
    });
    expect([unknown.status, unknown.body.error?.error_code]).toEqual([404, 'KMS.0207']);
  });
});

describe('scheduled rotation', () => {
  it('rotates once the interval has passed; old ciphertexts and DEKs still decrypt', async () => {
    const before = await encrypt(AES, 'made before the rotation');
    expect(envelopeVersion(before)).toBe(1);
    const dek = await kms.call('create-datakey', { key_id: AES, datakey_length: '256' });
    expect(dataKeyVersion(dek.body.cipher_text as string)).toBe(1);

    clock += 29 * DAY_MS;
    expect(envelopeVersion(await encrypt(AES, 'not due yet'))).toBe(1);
    expect((await status(AES)).number_of_rotations).toBe(0);

    clock += 2 * DAY_MS;
    const after = await encrypt(AES, 'made after the rotation');
    expect(envelopeVersion(after)).toBe(2);
    expect(await status(AES)).toMatchObject({
      number_of_rotations: 1,
      last_rotation_time: String(clock),
    });
    expect((await status(AES)).key_materials).toHaveLength(2);

    expect(await decrypt(before)).toBe('made before the rotation');
    expect(await decrypt(after)).toBe('made after the rotation');
    const unwrapped = await kms.call('decrypt-datakey', {
      key_id: AES,
      cipher_text: dek.body.cipher_text,
      datakey_cipher_length: '32',
    });
    expect(unwrapped.body.data_key).toBe(dek.body.plain_text);
    const newDek = await kms.call('create-datakey', { key_id: AES });
    expect(dataKeyVersion(newDek.body.cipher_text as string)).toBe(2);

    // A header claiming the other version fails authentication: versions are not interchangeable.
    const forged = Buffer.from(before, 'base64');
    forged.writeUInt32BE(2, VERSION_OFFSET);
    const refused = await kms.call('decrypt-data', {
      cipher_text: forged.toString('base64'),
      encryption_context: { purpose: 'rotation' },
    });
    expect(refused.body.error?.error_code).toBe('KMS.2201');
    forged.writeUInt32BE(9, VERSION_OFFSET);
    const unknownVersion = await kms.call('decrypt-data', {
      cipher_text: forged.toString('base64'),
      encryption_context: { purpose: 'rotation' },
    });
    expect(unknownVersion.body.error?.error_code).toBe('KMS.2201');
  });

  it('counts each interval from the last rotation, and keeps every version', async () => {
    const second = await encrypt(AES, 'version two');
    clock += 31 * DAY_MS;
    const third = await encrypt(AES, 'version three');
    expect([envelopeVersion(second), envelopeVersion(third)]).toEqual([2, 3]);
    expect((await status(AES)).number_of_rotations).toBe(2);
    expect(await decrypt(second)).toBe('version two');
  });

  it('waits while a key is disabled and rotates when it is enabled again', async () => {
    await kms.call('enable-key-rotation', { key_id: SLEEPER });
    await kms.call('update-key-rotation-interval', { key_id: SLEEPER, rotation_interval: 30 });
    const old = await encrypt(SLEEPER, 'before the nap');
    await kms.call('disable-key', { key_id: SLEEPER });
    clock += 40 * DAY_MS;
    expect((await status(SLEEPER)).number_of_rotations).toBe(0);
    await kms.call('enable-key', { key_id: SLEEPER });
    expect((await status(SLEEPER)).number_of_rotations).toBe(1);
    expect(envelopeVersion(await encrypt(SLEEPER, 'after'))).toBe(2);
    expect(await decrypt(old)).toBe('before the nap');
  });

  it('stops when disabled', async () => {
    const disabled = await kms.call('disable-key-rotation', { key_id: SLEEPER });
    expect([disabled.status, disabled.body]).toEqual([200, {}]);
    clock += 400 * DAY_MS;
    await encrypt(AES, 'tick');
    expect(await status(SLEEPER)).toMatchObject({
      key_rotation_enabled: false,
      number_of_rotations: 1,
    });
  });
});

describe('rotate-on-demand', () => {
  it('rotates an SM4 key at once, without rotation enabled, and answers its key_id', async () => {
    const before = await encrypt(SM4, 'sm4 before');
    const rotated = await kms.call('rotate-on-demand', { key_id: SM4 });
    expect([rotated.status, rotated.body]).toEqual([200, { key_id: SM4 }]);
    const after = await encrypt(SM4, 'sm4 after');
    expect([envelopeVersion(before), envelopeVersion(after)]).toEqual([1, 2]);
    expect(await status(SM4)).toMatchObject({
      number_of_rotations: 1,
      last_rotation_time: String(clock),
    });
    expect(await decrypt(before)).toBe('sm4 before');
  });

  it('refuses a disabled key (KMS.0209)', async () => {
    await kms.call('disable-key', { key_id: SM4 });
    const refused = await kms.call('rotate-on-demand', { key_id: SM4 });
    expect(refused.body.error?.error_code).toBe('KMS.0209');
    await kms.call('enable-key', { key_id: SM4 });
  });
});

it('keeps every material version across a restart', async () => {
  const aesBefore = await encrypt(AES, 'across the restart');
  const sm4Before = await encrypt(SM4, 'sm4 across the restart');
  const rotations = (await status(AES)).number_of_rotations as number;
  expect(rotations).toBeGreaterThanOrEqual(2);
  await kms.close();
  await start();
  expect(await decrypt(aesBefore)).toBe('across the restart');
  expect(await decrypt(sm4Before)).toBe('sm4 across the restart');
  expect(await status(AES)).toMatchObject({
    key_rotation_enabled: true,
    number_of_rotations: rotations,
  });
  clock += 31 * DAY_MS;
  // Version n + 1 after n rotations; one more is due now.
  expect(envelopeVersion(await encrypt(AES, 'after the restart'))).toBe(rotations + 2);
});
