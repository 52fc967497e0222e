/** 1,000 concurrent encrypt/decrypt round trips over HTTP, across symmetric and asymmetric keys. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inBatches, removeDir, startKms, tempDir, writeSeed, type RunningKms } from './helpers';

const KEYS = [
  {
    key_id: '1a2b3c4d-0000-4000-8000-000000000e01',
    spec: 'AES_256',
    algorithm: 'SYMMETRIC_DEFAULT',
  },
  { key_id: '1a2b3c4d-0000-4000-8000-000000000e02', spec: 'SM4', algorithm: 'SYMMETRIC_DEFAULT' },
  { key_id: '1a2b3c4d-0000-4000-8000-000000000e03', spec: 'SM2', algorithm: 'SM2_ENCRYPT' },
  {
    key_id: '1a2b3c4d-0000-4000-8000-000000000e04',
    spec: 'RSA_2048',
    algorithm: 'RSAES_OAEP_SHA_256',
  },
] as const;
const ROUND_TRIPS = 1000;
const IN_FLIGHT = 50;

let dir: string;
let kms: RunningKms;

beforeAll(async () => {
  dir = await tempDir();
  const seed = await writeSeed(
    dir,
    KEYS.map((key) => ({ key_id: key.key_id, key_alias: `load/${key.spec}`, key_spec: key.spec })),
  );
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
});

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

it(`${ROUND_TRIPS} round trips, ${IN_FLIGHT} in flight, all return the right plaintext`, async () => {
  const outcomes = await inBatches(ROUND_TRIPS, IN_FLIGHT, async (index) => {
    const key = KEYS[index % KEYS.length]!;
    const plainText = `round trip ${index} — 往返 ${index * 7919}`;
    const context = key.algorithm === 'SYMMETRIC_DEFAULT' ? { index: String(index) } : undefined;
    const encrypted = await kms.call('encrypt-data', {
      key_id: key.key_id,
      plain_text: plainText,
      encryption_algorithm: key.algorithm,
      ...(context ? { encryption_context: context } : {}),
    });
    if (encrypted.status !== 200) return `encrypt ${index}: ${JSON.stringify(encrypted.body)}`;
    const decrypted = await kms.call('decrypt-data', {
      cipher_text: encrypted.body.cipher_text,
      ...(context
        ? { encryption_context: context }
        : { key_id: key.key_id, encryption_algorithm: key.algorithm }),
    });
    if (decrypted.body.plain_text !== plainText) {
      return `decrypt ${index}: ${JSON.stringify(decrypted.body)}`;
    }
    return 'ok';
  });
  const failures = outcomes.filter((outcome) => outcome !== 'ok');
  expect(failures).toEqual([]);
  expect(outcomes).toHaveLength(ROUND_TRIPS);
}, 120_000);
