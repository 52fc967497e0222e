/**
 * Keys and their metadata, one JSON file per key under `<dataDir>/keys/`, material encrypted
 * under the root key. Everything is loaded at start; encrypt and decrypt never touch the disk.
 * A create, change or rotation resolves only after its file is durably on disk.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { KmsError } from '../../shared/kms';
import {
  generateSerializedMaterial,
  loadKey,
  loadStoredKey,
  type KeyCapabilities,
} from '../crypto/key-kinds';
import { versionedCapabilities } from '../crypto/versioned-capabilities';
import { removeFileDurably, TEMP_MARKER, writeFileDurably } from './durable-files';
import { NameIndex } from './name-index';
import {
  parseKeyRecord,
  serializeKeyRecord,
  type KeyRecord,
  type MaterialVersion,
} from './record-format';
import {
  loadOrCreateRootKey,
  unwrapMaterial,
  wrapMaterial,
  type WrappedMaterial,
} from './root-key';
import {
  isDeletionDue,
  MANAGEMENT_DEFAULTS,
  type KeyChange,
  type KeyMetadata,
  type NewKey,
  type StoredKey,
} from './stored-key';

export type { KeyChange, KeyMetadata, NewKey, StoredKey } from './stored-key';

interface Entry extends StoredKey {
  wrapped: WrappedMaterial;
  history: readonly MaterialVersion[];
}

export class Keystore {
  private readonly keys = new Map<string, Entry>();
  private readonly names = new NameIndex();
  /** Ids of creates still in flight, so two concurrent creates cannot collide. */
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
    // Several reads in flight: one at a time, a store of thousands of keys spent seconds idle.
    let next = 0;
    const reader = async () => {
      while (next < keyFiles.length) await store.load(join(keysDir, keyFiles[next++]!));
    };
    await Promise.all(Array.from({ length: Math.min(4, keyFiles.length) }, reader));
    await store.purgeDueDeletions(Date.now());
    return store;
  }

  private async load(path: string): Promise<void> {
    let record: KeyRecord;
    try {
      record = parseKeyRecord(await readFile(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path} is not a valid key file: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const entry = this.entryOf(record);
    this.keys.set(entry.metadata.keyId, entry);
    this.names.add(entry.metadata);
    this.nextOrdinal = Math.max(this.nextOrdinal, entry.metadata.ordinal + 1);
  }

  private loadVersion(metadata: KeyMetadata, wrapped: WrappedMaterial, version: number) {
    const { keyId, spec } = metadata;
    const serialized = unwrapMaterial(this.rootKey, keyId, spec, wrapped, version);
    // Checked by loadKey when it was created; authenticated by the root key since.
    const capabilities = loadStoredKey(spec, serialized, version);
    serialized.fill(0);
    return capabilities;
  }

  /** A record's keys made usable; a rotated key decrypts with every version it kept. */
  private entryOf({ metadata, wrapped, history }: KeyRecord): Entry {
    const current = this.loadVersion(metadata, wrapped, metadata.materialVersion);
    let capabilities: KeyCapabilities = current;
    if (history.length > 0) {
      const byVersion = new Map<number, KeyCapabilities>([[metadata.materialVersion, current]]);
      for (const earlier of history) {
        byVersion.set(
          earlier.version,
          this.loadVersion(metadata, earlier.wrapped, earlier.version),
        );
      }
      capabilities = versionedCapabilities(current, byVersion);
    }
    const previousMaterials = history.map(({ version, createTime }) => ({ version, createTime }));
    return { metadata, capabilities, wrapped, history, previousMaterials };
  }

  private async purgeDueDeletions(now: number): Promise<void> {
    for (const entry of [...this.keys.values()]) {
      if (isDeletionDue(entry.metadata, now)) {
        await removeFileDurably(this.pathOf(entry.metadata.keyId));
        this.keys.delete(entry.metadata.keyId);
        this.names.remove(entry.metadata);
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
    return this.liveEntry(keyId);
  }

  private liveEntry(keyId: string): Entry | undefined {
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

  /** The live key an alias of the alias API names. */
  keyWithAlias(alias: string): StoredKey | undefined {
    const keyId = this.names.ownerOf(alias);
    return keyId === undefined ? undefined : this.liveEntry(keyId);
  }

  async create(input: NewKey): Promise<StoredKey> {
    const keyId = input.keyId ?? randomUUID();
    if (this.hasKey(keyId)) throw new KmsError('KMS.0308', `Key ${keyId} already exists.`);
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
      ordinal: this.nextOrdinal,
      ...MANAGEMENT_DEFAULTS,
      enterpriseProjectId: input.enterpriseProjectId ?? MANAGEMENT_DEFAULTS.enterpriseProjectId,
      keystoreId: input.keystoreId ?? MANAGEMENT_DEFAULTS.keystoreId,
    };
    const undoNames = this.names.reserve(undefined, metadata);
    this.nextOrdinal++;
    this.reservedIds.add(keyId);
    try {
      const serialized = input.serializedMaterial ?? (await generateSerializedMaterial(input.spec));
      const capabilities = loadKey(input.spec, serialized);
      const wrapped = wrapMaterial(this.rootKey, keyId, input.spec, serialized);
      if (!input.serializedMaterial) serialized.fill(0);
      await writeFileDurably(
        this.pathOf(keyId),
        serializeKeyRecord({ metadata, wrapped, history: [] }),
      );
      const entry: Entry = { metadata, capabilities, wrapped, history: [], previousMaterials: [] };
      this.keys.set(keyId, entry);
      return entry;
    } catch (error) {
      undoNames();
      throw error;
    } finally {
      this.reservedIds.delete(keyId);
    }
  }

  /**
   * Changes a key durably. `change` sees the current metadata under a per-key lock and
   * returns the new fields, or throws a KmsError to refuse. A name it takes must be free.
   */
  async update(keyId: string, change: (current: KeyMetadata) => KeyChange): Promise<StoredKey> {
    return this.withLock(keyId, async () => {
      const entry = this.liveEntry(keyId);
      if (!entry) throw new KmsError('KMS.0207');
      const metadata: KeyMetadata = { ...entry.metadata, ...change(entry.metadata) };
      const undoNames = this.names.reserve(entry.metadata, metadata);
      try {
        await writeFileDurably(
          this.pathOf(keyId),
          serializeKeyRecord({ metadata, wrapped: entry.wrapped, history: entry.history }),
        );
      } catch (error) {
        undoNames();
        throw error;
      }
      this.names.release(entry.metadata, metadata);
      const updated: Entry = { ...entry, metadata };
      this.keys.set(keyId, updated);
      return updated;
    });
  }

  /**
   * New material for a key; the old material is kept for what it encrypted. `change` may
   * refuse (a KmsError) and says how the rotation is recorded in the metadata.
   */
  async rotate(keyId: string, change: (current: KeyMetadata) => KeyChange): Promise<StoredKey> {
    return this.withLock(keyId, async () => {
      const entry = this.liveEntry(keyId);
      if (!entry) throw new KmsError('KMS.0207');
      const previous = entry.metadata;
      const metadata: KeyMetadata = {
        ...previous,
        ...change(previous),
        materialVersion: previous.materialVersion + 1,
      };
      const serialized = await generateSerializedMaterial(metadata.spec);
      const wrapped = wrapMaterial(
        this.rootKey,
        keyId,
        metadata.spec,
        serialized,
        metadata.materialVersion,
      );
      serialized.fill(0);
      const currentCreated = previous.rotation.lastRotationTime ?? previous.creationDate;
      const history = [
        ...entry.history,
        { version: previous.materialVersion, createTime: currentCreated, wrapped: entry.wrapped },
      ];
      const record: KeyRecord = { metadata, wrapped, history };
      await writeFileDurably(this.pathOf(keyId), serializeKeyRecord(record));
      const rotated = this.entryOf(record);
      this.keys.set(keyId, rotated);
      return rotated;
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
