import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keystore } from './keystore/keystore';
import { applySeed, readSeedFile } from './seed';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-kms-seed-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function seedFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const ID = '1a2b3c4d-0000-4000-8000-000000002001';

describe('readSeedFile', () => {
  it('loads the e2e fixture and the documented example', async () => {
    const e2e = await readSeedFile(resolve('e2e/fixtures/local-kms-seed.yaml'));
    expect(e2e.map((key) => key.key_spec).join(' ')).toBe(
      'AES_256 SM4 RSA_2048 RSA_3072 RSA_4096 SM2 EC_P256 AES_256',
    );
    expect(e2e.at(-1)?.key_state).toBe('3');
    const example = await readSeedFile(resolve('docs/examples/local-kms-seed.yaml'));
    expect(example.length).toBeGreaterThan(3);
  });

  it('reads JSON too, and an unquoted YAML state number', async () => {
    const json = await seedFile(
      'seed.json',
      JSON.stringify({ keys: [{ key_id: ID, key_alias: 'j/aes', key_spec: 'AES_256' }] }),
    );
    expect(await readSeedFile(json)).toEqual([
      { key_id: ID, key_alias: 'j/aes', key_spec: 'AES_256' },
    ]);
    const yaml = await seedFile(
      'state.yaml',
      `keys:\n  - key_id: ${ID}\n    key_alias: y/aes\n    key_spec: AES_256\n    key_state: 3\n`,
    );
    expect((await readSeedFile(yaml))[0]?.key_state).toBe('3');
  });

  it.each([
    [
      'an unknown field',
      `keys:\n  - key_id: ${ID}\n    key_alias: a\n    key_spec: AES_256\n    colour: red\n`,
      /colour/,
    ],
    [
      'a bad key id',
      `keys:\n  - key_id: nope\n    key_alias: a\n    key_spec: AES_256\n`,
      /keys\.0\.key_id/,
    ],
    [
      'an unknown spec',
      `keys:\n  - key_id: ${ID}\n    key_alias: a\n    key_spec: DES\n`,
      /key_spec/,
    ],
    [
      'state 5',
      `keys:\n  - key_id: ${ID}\n    key_alias: a\n    key_spec: AES_256\n    key_state: '5'\n`,
      /key_state/,
    ],
    [
      'a repeated id',
      `keys:\n  - {key_id: ${ID}, key_alias: a, key_spec: SM4}\n  - {key_id: ${ID}, key_alias: b, key_spec: SM4}\n`,
      /repeats/,
    ],
    ['no keys list', `- key_id: ${ID}\n`, /LOCAL_KMS_SEED/],
    ['broken YAML', `keys: [\n`, /not valid JSON or YAML/],
  ])(
    'refuses %s with a message naming LOCAL_KMS_SEED and the place',
    async (_name, text, pattern) => {
      const path = await seedFile('bad.yaml', text);
      await expect(readSeedFile(path)).rejects.toThrow(/^LOCAL_KMS_SEED: /);
      await expect(readSeedFile(path)).rejects.toThrow(pattern);
    },
  );

  it('a missing file is reported with its path', async () => {
    await expect(readSeedFile(join(dir, 'absent.yaml'))).rejects.toThrow(/absent\.yaml/);
  });
});

describe('applySeed', () => {
  it('creates missing keys once, keeps existing ones, and checks their spec', async () => {
    const store = await Keystore.open(join(dir, 'apply'));
    const seeds = [
      { key_id: ID, key_alias: 'apply/aes', key_spec: 'AES_256' as const },
      {
        key_id: '1a2b3c4d-0000-4000-8000-000000002002',
        key_alias: 'apply/sm4',
        key_spec: 'SM4' as const,
        key_state: '4' as const,
        key_material: '00112233445566778899aabbccddeeff',
      },
    ];
    expect(await applySeed(store, seeds)).toBe(2);
    expect(await applySeed(store, seeds)).toBe(0);
    expect(store.list().map((key) => key.metadata.state)).toEqual(['2', '4']);
    expect(store.get(seeds[1]!.key_id)?.metadata.scheduledDeletionDate).toBeGreaterThan(Date.now());
    await expect(applySeed(store, [{ ...seeds[0]!, key_spec: 'SM4' }])).rejects.toThrow(
      /exists as AES_256/,
    );
  });

  it.each([
    ['AES_256', 'abcd', /32 bytes/],
    ['SM4', 'zz-not-hex-or-base64', /hex or Base64/],
    ['RSA_2048', 'not a pem', /PEM private key/],
  ] as const)('refuses bad %s key_material', async (spec, material, pattern) => {
    const store = await Keystore.open(join(dir, `bad-material-${spec}`));
    await expect(
      applySeed(store, [
        { key_id: ID, key_alias: 'bad/material', key_spec: spec, key_material: material },
      ]),
    ).rejects.toThrow(pattern);
  });

  it('refuses a seed alias already used by another key', async () => {
    const store = await Keystore.open(join(dir, 'alias-clash'));
    await applySeed(store, [{ key_id: ID, key_alias: 'clash', key_spec: 'AES_256' }]);
    await expect(
      applySeed(store, [
        { key_id: '1a2b3c4d-0000-4000-8000-000000002009', key_alias: 'clash', key_spec: 'AES_256' },
      ]),
    ).rejects.toThrow(/alias/);
  });
});
