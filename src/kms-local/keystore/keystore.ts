/**
 * Keys and their metadata, one JSON file per key under `<dataDir>/keys/`, material encrypted
 * under the root key. Everything is loaded at start; encrypt and decrypt never touch the disk.
 * A create or state change resolves only after its file is durably on disk.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  KEY_ID_PATTERN,
  KmsError,
  keySpecSchema,
  keyStateSchema,
  keyUsageSchema,
  type KeySpec,
  type KeyState,
  type KeyUsage,
} from '../../shared/kms';
import {
  generateSerializedMaterial,
  importMaterial,
  type KeyMaterial,
} from '../crypto/key-material';
import { removeFileDurably, TEMP_MARKER, writeFileDurably } from './durable-files';
import { loadOrCreateRootKey, unwrapMaterial, wrapMaterial } from './root-key';

export interface KeyMetadata {
  keyId: string;
  alias: string;
  spec: KeySpec;
  usage: KeyUsage;
  description: string;
  state: KeyState;
  /** Epoch milliseconds. */
  creationDate: number;
  /** Epoch milliseconds; set while the key is pending deletion. */
  scheduledDeletionDate: number | null;
  origin: 'kms';
  /** Creation order, stable across restarts (several keys can share a millisecond). */
  ordinal: number;
}

export interface StoredKey {
  metadata: KeyMetadata;
  material: KeyMaterial;
}

export interface NewKey {
  keyId?: string;
  alias: string;
  spec: KeySpec;
  usage: KeyUsage;
  description: string;
  state: KeyState;
  scheduledDeletionDate?: number | null;
  /** Serialized material (raw or PKCS#8 DER); generated when absent. */
  serializedMaterial?: Buffer;
}

const keyFileSchema = z.object({
  format: z.literal(1),
  key_id: z.string().regex(KEY_ID_PATTERN),
  key_alias: z.string(),
  key_spec: keySpecSchema,
  key_usage: keyUsageSchema,
  key_description: z.string(),
  key_state: keyStateSchema,
  creation_date: z.number().int(),
  scheduled_deletion_date: z.number().int().nullable(),
  origin: z.literal('kms'),
  ordinal: z.number().int().nonnegative(),
  material: z.object({
    algorithm: z.literal('AES-256-GCM'),
    iv: z.string(),
    tag: z.string(),
    ciphertext: z.string(),
  }),
});
type KeyFile = z.infer<typeof keyFileSchema>;

interface Entry extends StoredKey {
  wrapped: KeyFile['material'];
}

export class Keystore {
  private readonly keys = new Map<string, Entry>();
  private readonly aliases = new Set<string>();
  /** Ids and aliases of creates still in flight, so two concurrent creates cannot collide. */
  private readonly reservedIds = new Set<string>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private nextOrdinal = 0;

  private constructor(
    private readonly keysDir: string,
    private readonly rootKey: Buffer,
  ) {}

  static async open(dataDir: string, configuredRootKey?: string): Promise<Keystore> {
    const keysDir = join(dataDir, 'keys');
    await mkdir(keysDir, { recursive: true, mode: 0o700 });
    const names = await readdir(keysDir);
    for (const name of names.filter((n) => n.includes(TEMP_MARKER))) {
      // A write interrupted before its rename: never acknowledged, safe to drop.
      await unlink(join(keysDir, name)).catch(() => undefined);
    }
    const keyFiles = names.filter((n) => n.endsWith('.json'));
    const rootKey = await loadOrCreateRootKey(dataDir, configuredRootKey, keyFiles.length === 0);
    const store = new Keystore(keysDir, rootKey);
    for (const name of keyFiles) await store.load(join(keysDir, name));
    await store.purgeDueDeletions(Date.now());
    return store;
  }

  private async load(path: string): Promise<void> {
    let file: KeyFile;
    try {
      file = keyFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    } catch (error) {
      throw new Error(`${path} is not a valid key file: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const serialized = unwrapMaterial(this.rootKey, file.key_id, file.key_spec, file.material);
    const material = importMaterial(file.key_spec, serialized);
    serialized.fill(0);
    this.keys.set(file.key_id, { metadata: fromFile(file), material, wrapped: file.material });
    this.aliases.add(file.key_alias);
    this.nextOrdinal = Math.max(this.nextOrdinal, file.ordinal + 1);
  }

  private async purgeDueDeletions(now: number): Promise<void> {
    for (const entry of [...this.keys.values()]) {
      if (isDeletionDue(entry.metadata, now)) {
        await removeFileDurably(this.pathOf(entry.metadata.keyId));
        this.keys.delete(entry.metadata.keyId);
        this.aliases.delete(entry.metadata.alias);
      }
    }
  }

  private pathOf(keyId: string): string {
    return join(this.keysDir, `${keyId}.json`);
  }

  get size(): number {
    return this.keys.size;
  }

  /** A key past its scheduled deletion date is gone, as in the cloud. */
  get(keyId: string): StoredKey | undefined {
    const entry = this.keys.get(keyId);
    if (!entry || isDeletionDue(entry.metadata, Date.now())) return undefined;
    return entry;
  }

  /** Every live key in creation order. */
  list(): StoredKey[] {
    const now = Date.now();
    return [...this.keys.values()]
      .filter((entry) => !isDeletionDue(entry.metadata, now))
      .sort((a, b) => a.metadata.ordinal - b.metadata.ordinal);
  }

  hasKey(keyId: string): boolean {
    return this.keys.has(keyId) || this.reservedIds.has(keyId);
  }

  async create(input: NewKey): Promise<StoredKey> {
    const keyId = input.keyId ?? randomUUID();
    if (this.hasKey(keyId)) throw new KmsError('KMS.0308', `Key ${keyId} already exists.`);
    if (this.aliases.has(input.alias)) throw new KmsError('KMS.1104');
    this.reservedIds.add(keyId);
    this.aliases.add(input.alias);
    const metadata: KeyMetadata = {
      keyId,
      alias: input.alias,
      spec: input.spec,
      usage: input.usage,
      description: input.description,
      state: input.state,
      creationDate: Date.now(),
      scheduledDeletionDate: input.scheduledDeletionDate ?? null,
      origin: 'kms',
      ordinal: this.nextOrdinal++,
    };
    try {
      const serialized = input.serializedMaterial ?? (await generateSerializedMaterial(input.spec));
      const material = importMaterial(input.spec, serialized);
      const wrapped = wrapMaterial(this.rootKey, keyId, input.spec, serialized);
      if (!input.serializedMaterial) serialized.fill(0);
      await writeFileDurably(this.pathOf(keyId), serializeKeyFile(metadata, wrapped));
      const entry: Entry = { metadata, material, wrapped };
      this.keys.set(keyId, entry);
      return entry;
    } catch (error) {
      this.aliases.delete(input.alias);
      throw error;
    } finally {
      this.reservedIds.delete(keyId);
    }
  }

  /**
   * Changes a key's state durably. `change` sees the current metadata under a per-key lock and
   * returns the new fields, or throws a KmsError to refuse.
   */
  async update(
    keyId: string,
    change: (current: KeyMetadata) => Pick<KeyMetadata, 'state' | 'scheduledDeletionDate'>,
  ): Promise<StoredKey> {
    return this.withLock(keyId, async () => {
      const entry = this.get(keyId) as Entry | undefined;
      if (!entry) throw new KmsError('KMS.0207');
      const metadata: KeyMetadata = { ...entry.metadata, ...change(entry.metadata) };
      await writeFileDurably(this.pathOf(keyId), serializeKeyFile(metadata, entry.wrapped));
      const updated: Entry = { ...entry, metadata };
      this.keys.set(keyId, updated);
      return updated;
    });
  }

  private async withLock<T>(keyId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(keyId) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.locks.set(keyId, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(keyId) === settled) this.locks.delete(keyId);
    }
  }
}

function isDeletionDue(metadata: KeyMetadata, now: number): boolean {
  return (
    metadata.state === '4' &&
    metadata.scheduledDeletionDate !== null &&
    metadata.scheduledDeletionDate <= now
  );
}

function fromFile(file: KeyFile): KeyMetadata {
  return {
    keyId: file.key_id,
    alias: file.key_alias,
    spec: file.key_spec,
    usage: file.key_usage,
    description: file.key_description,
    state: file.key_state,
    creationDate: file.creation_date,
    scheduledDeletionDate: file.scheduled_deletion_date,
    origin: file.origin,
    ordinal: file.ordinal,
  };
}

function serializeKeyFile(metadata: KeyMetadata, wrapped: KeyFile['material']): string {
  const file: KeyFile = {
    format: 1,
    key_id: metadata.keyId,
    key_alias: metadata.alias,
    key_spec: metadata.spec,
    key_usage: metadata.usage,
    key_description: metadata.description,
    key_state: metadata.state,
    creation_date: metadata.creationDate,
    scheduled_deletion_date: metadata.scheduledDeletionDate,
    origin: metadata.origin,
    ordinal: metadata.ordinal,
    material: wrapped,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
