/**
 * Keys created at start: those of a LOCAL_KMS_SEED file (fixed ids, for test suites), or, on
 * the first start without one, a demo set covering every spec.
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  KEY_DESCRIPTION_MAX_CHARS,
  keyIdSchema,
  keyAliasSchema,
  keySpecSchema,
  keyUsageSchema,
  type KeySpec,
  type KeyState,
} from '../shared/kms';
import {
  allowedUsages,
  defaultKeyUsage,
  KeyMaterialError,
  serializedMaterialFromSeed,
} from './crypto/key-kinds';
import { writeFileDurably } from './keystore/durable-files';
import type { Keystore, NewKey } from './keystore/keystore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A seeded pending-deletion key gets the shortest window the cloud allows. */
const SEEDED_PENDING_DAYS = 7;

const seedKeySchema = z.strictObject({
  key_id: keyIdSchema,
  key_alias: keyAliasSchema,
  key_spec: keySpecSchema,
  // YAML reads an unquoted 3 as a number; accept it.
  key_state: z.coerce
    .string()
    .pipe(z.enum(['2', '3', '4']))
    .optional(),
  key_usage: z.optional(keyUsageSchema),
  key_description: z.string().max(KEY_DESCRIPTION_MAX_CHARS).optional(),
  key_material: z.string().min(1).optional(),
});
export type SeedKey = z.infer<typeof seedKeySchema>;

const seedFileSchema = z.strictObject({ keys: z.array(seedKeySchema) });

/** Reads and checks a seed file (JSON or YAML: YAML is a superset of JSON). */
export async function readSeedFile(path: string): Promise<SeedKey[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`LOCAL_KMS_SEED: cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new Error(
      `LOCAL_KMS_SEED: ${path} is not valid JSON or YAML: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const result = seedFileSchema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    throw new Error(`LOCAL_KMS_SEED: ${path}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const keys = result.data.keys;
  const duplicate = (field: 'key_id' | 'key_alias') =>
    keys.find((key, index) => keys.findIndex((other) => other[field] === key[field]) !== index);
  const repeated = duplicate('key_id') ?? duplicate('key_alias');
  if (repeated) {
    throw new Error(`LOCAL_KMS_SEED: ${path}: key ${repeated.key_id} repeats an id or alias`);
  }
  return keys;
}

function newKeyFromSeed(seed: SeedKey, now: number): NewKey {
  const usage = seed.key_usage ?? defaultKeyUsage(seed.key_spec);
  if (!allowedUsages(seed.key_spec).includes(usage)) {
    throw new Error(
      `LOCAL_KMS_SEED: key ${seed.key_id}: a ${seed.key_spec} key cannot be ${usage}`,
    );
  }
  const state: KeyState = seed.key_state ?? '2';
  const key: NewKey = {
    keyId: seed.key_id,
    alias: seed.key_alias,
    spec: seed.key_spec,
    usage,
    description: seed.key_description ?? '',
    state,
    scheduledDeletionDate: state === '4' ? now + SEEDED_PENDING_DAYS * DAY_MS : null,
  };
  if (seed.key_material !== undefined) {
    try {
      key.serializedMaterial = serializedMaterialFromSeed(seed.key_spec, seed.key_material);
    } catch (error) {
      if (error instanceof KeyMaterialError) {
        throw new Error(`LOCAL_KMS_SEED: key ${seed.key_id}: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }
  return key;
}

/**
 * Creates every seed key that is not there yet; an existing id is left as it is (so the file
 * can be applied on every start), but must still have the seed's spec.
 */
export async function applySeed(store: Keystore, seeds: readonly SeedKey[]): Promise<number> {
  const now = Date.now();
  const missing: NewKey[] = [];
  for (const seed of seeds) {
    const existing = store.get(seed.key_id);
    if (existing) {
      if (existing.metadata.spec !== seed.key_spec) {
        throw new Error(
          `LOCAL_KMS_SEED: key ${seed.key_id} exists as ${existing.metadata.spec}, the seed says ${seed.key_spec}`,
        );
      }
      continue;
    }
    missing.push(newKeyFromSeed(seed, now));
  }
  // Generated in parallel (RSA key generation runs off the event loop), recorded in file order.
  const created = await Promise.allSettled(missing.map((key) => store.create(key)));
  created.forEach((result, index) => {
    if (result.status === 'rejected') {
      const key = missing[index]!;
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      throw new Error(`LOCAL_KMS_SEED: key ${key.keyId} (${key.alias}): ${reason}`);
    }
  });
  return missing.length;
}

interface DemoKey {
  alias: string;
  spec: KeySpec;
  state: KeyState;
  description: string;
}

export const DEMO_KEYS: readonly DemoKey[] = [
  { alias: 'demo/aes-256', spec: 'AES_256', state: '2', description: 'Demo AES-256 key' },
  { alias: 'demo/sm4', spec: 'SM4', state: '2', description: 'Demo SM4 key' },
  { alias: 'demo/rsa-2048', spec: 'RSA_2048', state: '2', description: 'Demo RSA 2048 key' },
  { alias: 'demo/rsa-3072', spec: 'RSA_3072', state: '2', description: 'Demo RSA 3072 key' },
  { alias: 'demo/rsa-4096', spec: 'RSA_4096', state: '2', description: 'Demo RSA 4096 key' },
  { alias: 'demo/sm2', spec: 'SM2', state: '2', description: 'Demo SM2 key' },
  {
    alias: 'demo/ec-p256',
    spec: 'EC_P256',
    state: '2',
    description: 'Demo EC P-256 key (sign only)',
  },
  {
    alias: 'demo/aes-256-disabled',
    spec: 'AES_256',
    state: '3',
    description: 'Demo disabled AES-256 key',
  },
];

/** Written once every demo key exists: from then on a missing demo key was removed on purpose. */
export const DEMO_SEEDED_MARKER = 'demo-keys-seeded';

/**
 * The demo set, on a store that has not had all of it yet. Seeding used to run only on an empty
 * store, so a first start killed between two creates left the set incomplete for good. Now the
 * marker file says seeding finished; until it exists, every missing demo alias is created. A
 * store that has keys but neither the marker nor any demo key (filled by a seed file before) gets
 * none. Returns how many keys were created.
 */
export async function seedDemoKeys(store: Keystore, dataDir: string): Promise<number> {
  const marker = join(dataDir, DEMO_SEEDED_MARKER);
  if (await exists(marker)) return 0;
  const aliases = new Set(store.list().map((key) => key.metadata.alias));
  const demoAliases = DEMO_KEYS.map((demo) => demo.alias);
  if (store.size > 0 && !demoAliases.some((alias) => aliases.has(alias))) return 0;
  const missing = DEMO_KEYS.filter((demo) => !aliases.has(demo.alias));
  await Promise.all(
    missing.map((demo) =>
      store.create({
        alias: demo.alias,
        spec: demo.spec,
        usage: defaultKeyUsage(demo.spec),
        description: demo.description,
        state: demo.state,
      }),
    ),
  );
  await writeFileDurably(marker, `${new Date().toISOString()}\n`);
  return missing.length;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
