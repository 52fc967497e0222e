/** A key as the keystore holds it in memory: metadata plus what its material can do. */
import type { KeySpec, KeyState, KeyUsage } from '../../shared/kms';
import type { KeyCapabilities } from '../crypto/key-kinds';

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
  /** The version of the material that encrypts now; ciphertexts name theirs (rotation). */
  materialVersion: number;
  /** sys_enterprise_project_id and keystore_id on the wire; "0" is the default of both. */
  enterpriseProjectId: string;
  keystoreId: string;
  /** The names of the multi-alias API (/kms/aliases), apart from key_alias. */
  aliases: readonly KeyAliasRecord[];
  tags: readonly KeyTag[];
  rotation: RotationState;
  grants: readonly GrantRecord[];
}

export interface KeyAliasRecord {
  alias: string;
  /** Epoch milliseconds. */
  createTime: number;
  updateTime: number;
}

export interface KeyTag {
  key: string;
  value: string;
}

export interface RotationState {
  enabled: boolean;
  intervalDays: number;
  /** When rotation was last enabled: the first scheduled rotation counts from here. */
  enabledAt: number | null;
  lastRotationTime: number | null;
  count: number;
}

export interface GrantRecord {
  grantId: string;
  granteePrincipal: string;
  granteePrincipalType: 'user' | 'domain';
  operations: readonly string[];
  issuingPrincipal: string;
  creationDate: number;
  name: string;
  retiringPrincipal: string;
}

/** Rotation as a key has it until someone enables it: yearly once enabled, never rotated. */
const NO_ROTATION = {
  enabled: false,
  intervalDays: 365,
  enabledAt: null,
  lastRotationTime: null,
  count: 0,
} as const satisfies RotationState;

/** What a key has before any name, tag, rotation or grant is added (and what format 1 meant). */
export const MANAGEMENT_DEFAULTS = {
  materialVersion: 1,
  enterpriseProjectId: '0',
  keystoreId: '0',
  aliases: [],
  tags: [],
  rotation: NO_ROTATION,
  grants: [],
} as const satisfies Partial<KeyMetadata>;

/** The fields operations may change through Keystore.update. */
export type KeyChange = Partial<
  Pick<
    KeyMetadata,
    | 'state'
    | 'scheduledDeletionDate'
    | 'alias'
    | 'description'
    | 'aliases'
    | 'tags'
    | 'rotation'
    | 'grants'
  >
>;

export interface StoredKey {
  metadata: KeyMetadata;
  /** The key's material, loaded and bound to its kind's capabilities (key-kinds/). */
  capabilities: KeyCapabilities;
  /** Earlier material versions still kept for decryption, oldest first (rotation). */
  previousMaterials: readonly { version: number; createTime: number }[];
}

export interface NewKey {
  keyId?: string;
  alias: string;
  spec: KeySpec;
  usage: KeyUsage;
  description: string;
  state: KeyState;
  scheduledDeletionDate?: number | null;
  enterpriseProjectId?: string;
  keystoreId?: string;
  /** Serialized material (raw or PKCS#8 DER); generated when absent. */
  serializedMaterial?: Buffer;
}

/** A key past its scheduled deletion date is gone, as in the cloud. */
export function isDeletionDue(metadata: KeyMetadata, now: number): boolean {
  return (
    metadata.state === '4' &&
    metadata.scheduledDeletionDate !== null &&
    metadata.scheduledDeletionDate <= now
  );
}
