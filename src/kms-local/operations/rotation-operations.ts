/**
 * Key rotation (KMS-API-2.md §6). Rotation changes only the key material: id, names and state
 * stay. Every material is kept; ciphertexts name theirs (crypto/versioned-capabilities.ts).
 * Only kinds whose outputs carry the version may rotate (key-kinds: `rotatable`).
 */
import { KmsError, ROTATION_INTERVAL_DEFAULT_DAYS } from '../../shared/kms';
import { isRotatable } from '../crypto/key-kinds';
import type { StoredKey } from '../keystore/keystore';
import type { KeyMetadata, RotationState } from '../keystore/stored-key';
import { requireKey, requireUsable } from './key-rules';
import { millisText, requireNotPendingDeletion } from './management-rules';
import type { OperationContext, OperationGroup } from './operation-group';

type RotationOperation =
  | 'enable-key-rotation'
  | 'disable-key-rotation'
  | 'update-key-rotation-interval'
  | 'get-key-rotation-status'
  | 'rotate-on-demand';

/** The material state the SDK reports: 2 = enabled (every kept material decrypts). */
const MATERIAL_ENABLED = 2;

function requireRotatable(metadata: Pick<KeyMetadata, 'spec'>): void {
  if (!isRotatable(metadata.spec)) {
    throw new KmsError(
      'KMS.0324',
      `A ${metadata.spec} key cannot be rotated: what it produces does not name a key-material version.`,
    );
  }
}

function requireRotationEnabled(rotation: RotationState): void {
  if (!rotation.enabled) throw new KmsError('KMS.0313');
}

/** What a rotation at `at` records: one more, counted from `at`. */
export function rotatedAt(rotation: RotationState, at: number): RotationState {
  return { ...rotation, lastRotationTime: at, count: rotation.count + 1 };
}

function materialsOf(key: StoredKey) {
  const m = key.metadata;
  const current = {
    version: m.materialVersion,
    createTime: m.rotation.lastRotationTime ?? m.creationDate,
  };
  return [...key.previousMaterials, current].map((material) => ({
    // A stable id per key and version: the key id with the version in its last group.
    material_id: `${m.keyId.slice(0, 24)}${material.version.toString(16).padStart(12, '0')}`,
    create_time: millisText(material.createTime),
    expiration_time: '',
    state: MATERIAL_ENABLED,
  }));
}

export function rotationOperations({
  store,
  now,
}: OperationContext): OperationGroup<RotationOperation> {
  const changeRotation = async (
    keyId: string,
    change: (rotation: RotationState, metadata: KeyMetadata) => RotationState,
  ) => {
    await store.update(keyId, (current) => {
      requireNotPendingDeletion(current);
      requireRotatable(current);
      return { rotation: change(current.rotation, current) };
    });
    return {};
  };

  return {
    async 'enable-key-rotation'(request) {
      return changeRotation(request.key_id, (rotation) => {
        if (rotation.enabled) throw new KmsError('KMS.2901');
        return { ...rotation, enabled: true, enabledAt: now() };
      });
    },

    async 'disable-key-rotation'(request) {
      return changeRotation(request.key_id, (rotation) => {
        requireRotationEnabled(rotation);
        return { ...rotation, enabled: false };
      });
    },

    async 'update-key-rotation-interval'(request) {
      return changeRotation(request.key_id, (rotation) => {
        requireRotationEnabled(rotation);
        return { ...rotation, intervalDays: Number(request.rotation_interval) };
      });
    },

    async 'get-key-rotation-status'(request) {
      const key = requireKey(store, request.key_id);
      const rotation = key.metadata.rotation;
      return {
        key_rotation_enabled: rotation.enabled,
        rotation_interval: rotation.intervalDays || ROTATION_INTERVAL_DEFAULT_DAYS,
        last_rotation_time: millisText(rotation.lastRotationTime),
        number_of_rotations: rotation.count,
        key_materials: materialsOf(key),
      };
    },

    async 'rotate-on-demand'(request) {
      const key = requireKey(store, request.key_id);
      requireUsable(key);
      requireRotatable(key.metadata);
      const at = now();
      const rotated = await store.rotate(request.key_id, (current) => {
        requireUsable({ ...key, metadata: current });
        return { rotation: rotatedAt(current.rotation, at) };
      });
      return { key_id: rotated.metadata.keyId };
    },
  };
}
