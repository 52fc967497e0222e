/**
 * At-rest secrecy: no key's material appears on disk in any encoding (raw, hex, Base64, PEM,
 * PKCS#8/PKCS#1/SEC1 DER, private scalar); the root key file is mode 0600; the root key can
 * come from LOCAL_KMS_ROOT_KEY instead, and a wrong or missing root key stops the start.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalKms } from '../../src/kms-local';
import { unwrapMaterial, type WrappedMaterial } from '../../src/kms-local/keystore/root-key';
import { removeDir, startKms, tempDir, testConfig, writeSeed, type RunningKms } from './helpers';

const AES_HEX = randomBytes(32).toString('hex');
const SM4_BASE64 = randomBytes(16).toString('base64');
const pem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
const RSA = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const SM2 = generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey;
const EC = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;

let dir: string;
let dataDir: string;
let kms: RunningKms;

beforeAll(async () => {
  dir = await tempDir();
  dataDir = join(dir, 'data');
  const seed = await writeSeed(dir, [
    {
      key_id: '1a2b3c4d-0000-4000-8000-000000001001',
      key_alias: 'rest/aes',
      key_spec: 'AES_256',
      key_material: AES_HEX,
    },
    {
      key_id: '1a2b3c4d-0000-4000-8000-000000001002',
      key_alias: 'rest/sm4',
      key_spec: 'SM4',
      key_material: SM4_BASE64,
    },
    {
      key_id: '1a2b3c4d-0000-4000-8000-000000001003',
      key_alias: 'rest/rsa',
      key_spec: 'RSA_2048',
      key_material: pem(RSA),
    },
    {
      key_id: '1a2b3c4d-0000-4000-8000-000000001004',
      key_alias: 'rest/sm2',
      key_spec: 'SM2',
      key_material: pem(SM2),
    },
    {
      key_id: '1a2b3c4d-0000-4000-8000-000000001005',
      key_alias: 'rest/ec',
      key_spec: 'EC_P256',
      key_material: pem(EC),
    },
  ]);
  kms = await startKms(dataDir, { seedFile: seed });
  // Keys the service generated itself, too.
  for (const spec of ['AES_256', 'SM4', 'RSA_2048', 'SM2', 'EC_P384']) {
    const reply = await kms.call('create-key', {
      key_alias: `rest/generated-${spec}`,
      key_spec: spec,
    });
    expect(reply.status).toBe(200);
  }
  await kms.close();
}, 60_000);

afterAll(async () => {
  await removeDir(dir);
});

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every encoding in which a key's secret could leak onto disk. */
function encodings(secret: Buffer): Buffer[] {
  return [
    secret,
    Buffer.from(secret.toString('hex')),
    Buffer.from(secret.toString('hex').toUpperCase()),
    Buffer.from(secret.toString('base64')),
    Buffer.from(secret.toString('base64url')),
  ];
}

function privateKeyForms(key: KeyObject): Buffer[] {
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  const pemBody = pem(key).split('\n')[1]!; // one 64-character line of the PEM body
  const forms = [pkcs8, Buffer.from(pemBody), ...encodings(pkcs8.subarray(0, 48))];
  if (key.asymmetricKeyType === 'rsa') {
    forms.push(key.export({ type: 'pkcs1', format: 'der' }));
    forms.push(...encodings(Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url')));
  } else {
    // EC and SM2: the private scalar follows `INTEGER 1, OCTET STRING <length>` of ECPrivateKey
    // (taken from the DER: Node 20 has no JWK for SM2).
    const at = pkcs8.indexOf(Buffer.from('02010104', 'hex'));
    expect(at).toBeGreaterThan(0);
    const length = pkcs8[at + 4]!;
    forms.push(...encodings(pkcs8.subarray(at + 5, at + 5 + length)));
  }
  return forms;
}

describe('at-rest secrecy', () => {
  it('no seeded key material appears in any file of the data dir', async () => {
    const needles = [
      ...encodings(Buffer.from(AES_HEX, 'hex')),
      ...encodings(Buffer.from(SM4_BASE64, 'base64')),
      ...privateKeyForms(RSA),
      ...privateKeyForms(SM2),
      ...privateKeyForms(EC),
    ];
    const files = await filesUnder(dataDir);
    expect(files.length).toBe(11); // root.key + 10 key files
    for (const file of files) {
      const content = await readFile(file);
      expect(content.includes('PRIVATE KEY'), file).toBe(false);
      for (const needle of needles) {
        expect(content.includes(needle), `${file} holds key material`).toBe(false);
      }
    }
  });

  it('no generated key material appears either (read back through the root key)', async () => {
    const rootKey = Buffer.from(
      (await readFile(join(dataDir, 'root.key'), 'utf8')).trim(),
      'base64',
    );
    const keyFiles = (await filesUnder(dataDir)).filter((file) => file.endsWith('.json'));
    const needles: Buffer[] = [];
    for (const file of keyFiles) {
      const record = JSON.parse(await readFile(file, 'utf8')) as {
        key_id: string;
        key_spec: string;
        material: WrappedMaterial;
      };
      const material = unwrapMaterial(rootKey, record.key_id, record.key_spec, record.material);
      if (material.length <= 32) needles.push(...encodings(material));
      else
        needles.push(
          ...privateKeyForms(createPrivateKey({ key: material, format: 'der', type: 'pkcs8' })),
        );
    }
    expect(needles.length).toBeGreaterThan(40);
    for (const file of await filesUnder(dataDir)) {
      const content = await readFile(file);
      for (const needle of needles) {
        expect(content.includes(needle), `${file} holds key material`).toBe(false);
      }
    }
  });

  it('the root key file and every key file are mode 0600, the directories 0700', async () => {
    expect((await stat(join(dataDir, 'root.key'))).mode & 0o777).toBe(0o600);
    for (const file of await filesUnder(dataDir)) {
      expect((await stat(file)).mode & 0o777, file).toBe(0o600);
    }
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir, 'keys'))).mode & 0o777).toBe(0o700);
  });
});

describe('root key handling', () => {
  it('LOCAL_KMS_ROOT_KEY: no root.key file; the same key reopens, another is refused', async () => {
    const envDir = join(dir, 'env-root');
    const rootKey = randomBytes(32).toString('base64');
    const first = await startKms(envDir, { rootKey });
    const keyId = ((await first.call('list-keys', {})).body.keys as string[])[0]!;
    const encrypted = await first.call('encrypt-data', { key_id: keyId, plain_text: 'env root' });
    await first.close();
    expect((await readdir(envDir)).includes('root.key')).toBe(false);

    const again = await startKms(envDir, { rootKey });
    const decrypted = await again.call('decrypt-data', { cipher_text: encrypted.body.cipher_text });
    expect(decrypted.body.plain_text).toBe('env root');
    await again.close();

    await expect(
      buildLocalKms(testConfig(envDir, { rootKey: randomBytes(32).toString('base64') })),
    ).rejects.toThrow(/root key does not match/);
  }, 30_000);

  it('a missing root.key beside existing keys stops the start instead of making a new one', async () => {
    const copyDir = join(dir, 'lost-root');
    const original = await startKms(copyDir, {
      seedFile: await writeSeed(dir, [
        {
          key_id: '1a2b3c4d-0000-4000-8000-000000001101',
          key_alias: 'lost/aes',
          key_spec: 'AES_256',
        },
      ]),
    });
    await original.close();
    await rm(join(copyDir, 'root.key'));
    await expect(buildLocalKms(testConfig(copyDir))).rejects.toThrow(/root\.key is missing/);
  });
});
