/**
 * The on-disk form of one key: `<dataDir>/keys/<key id>.json`, pretty-printed JSON with a
 * `format` number. Format 1 holds the metadata in wire names and the material encrypted under
 * the root key (root-key.ts). Format 2 adds what key management keeps (aliases, tags,
 * rotation, grants, enterprise project, keystore) and the earlier material versions of a
 * rotated key. Every format stays readable; a key that uses nothing of format 2 is still
 * written as format 1, so a data dir is readable by the version that made it for as long as
 * nothing newer was done to its keys.
 */
import { z } from 'zod';
import { KEY_ID_PATTERN, keySpecSchema, keyStateSchema, keyUsageSchema } from '../../shared/kms';
import type { WrappedMaterial } from './root-key';
import { MANAGEMENT_DEFAULTS, type KeyMetadata } from './stored-key';

const wrappedMaterialSchema = z.object({
  algorithm: z.literal('AES-256-GCM'),
  iv: z.string(),
  tag: z.string(),
  ciphertext: z.string(),
}) satisfies z.ZodType<WrappedMaterial>;

const recordV1Fields = {
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
  material: wrappedMaterialSchema,
};

const recordV1Schema = z.object({ format: z.literal(1), ...recordV1Fields });
type RecordV1 = z.infer<typeof recordV1Schema>;

const materialVersionSchema = z.object({
  version: z.number().int().positive(),
  create_time: z.number().int(),
  material: wrappedMaterialSchema,
});

const recordV2Schema = z.object({
  format: z.literal(2),
  ...recordV1Fields,
  material_version: z.number().int().positive(),
  previous_materials: z.array(materialVersionSchema),
  enterprise_project_id: z.string(),
  keystore_id: z.string(),
  aliases: z.array(
    z.object({ alias: z.string(), create_time: z.number().int(), update_time: z.number().int() }),
  ),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
  rotation: z.object({
    enabled: z.boolean(),
    interval_days: z.number().int().positive(),
    enabled_at: z.number().int().nullable(),
    last_rotation_time: z.number().int().nullable(),
    count: z.number().int().nonnegative(),
  }),
  grants: z.array(
    z.object({
      grant_id: z.string(),
      grantee_principal: z.string(),
      grantee_principal_type: z.enum(['user', 'domain']),
      operations: z.array(z.string()),
      issuing_principal: z.string(),
      creation_date: z.number().int(),
      name: z.string(),
      retiring_principal: z.string(),
    }),
  ),
});
type RecordV2 = z.infer<typeof recordV2Schema>;

/** Every format this version reads. */
const RECORD_FORMATS = z.discriminatedUnion('format', [recordV1Schema, recordV2Schema]);

/** An earlier key material, kept so that what it encrypted still decrypts. */
export interface MaterialVersion {
  version: number;
  /** Epoch milliseconds. */
  createTime: number;
  wrapped: WrappedMaterial;
}

export interface KeyRecord {
  metadata: KeyMetadata;
  /** The current material, of version `metadata.materialVersion`. */
  wrapped: WrappedMaterial;
  /** Earlier materials, oldest first; empty until the key rotates. */
  history: readonly MaterialVersion[];
}

function baseMetadata(file: RecordV1 | RecordV2) {
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

function fromV1(file: RecordV1): KeyRecord {
  return {
    metadata: { ...baseMetadata(file), ...MANAGEMENT_DEFAULTS },
    wrapped: file.material,
    history: [],
  };
}

function fromV2(file: RecordV2): KeyRecord {
  return {
    metadata: {
      ...baseMetadata(file),
      materialVersion: file.material_version,
      enterpriseProjectId: file.enterprise_project_id,
      keystoreId: file.keystore_id,
      aliases: file.aliases.map((entry) => ({
        alias: entry.alias,
        createTime: entry.create_time,
        updateTime: entry.update_time,
      })),
      tags: file.tags,
      rotation: {
        enabled: file.rotation.enabled,
        intervalDays: file.rotation.interval_days,
        enabledAt: file.rotation.enabled_at,
        lastRotationTime: file.rotation.last_rotation_time,
        count: file.rotation.count,
      },
      grants: file.grants.map((grant) => ({
        grantId: grant.grant_id,
        granteePrincipal: grant.grantee_principal,
        granteePrincipalType: grant.grantee_principal_type,
        operations: grant.operations,
        issuingPrincipal: grant.issuing_principal,
        creationDate: grant.creation_date,
        name: grant.name,
        retiringPrincipal: grant.retiring_principal,
      })),
    },
    wrapped: file.material,
    history: file.previous_materials.map((entry) => ({
      version: entry.version,
      createTime: entry.create_time,
      wrapped: entry.material,
    })),
  };
}

/** Throws (JSON or schema error) for anything that is not a key record of a known format. */
export function parseKeyRecord(text: string): KeyRecord {
  const file = RECORD_FORMATS.parse(JSON.parse(text));
  return file.format === 1 ? fromV1(file) : fromV2(file);
}

function needsFormat2({ metadata, history }: KeyRecord): boolean {
  const d = MANAGEMENT_DEFAULTS;
  const r = metadata.rotation;
  return (
    history.length > 0 ||
    metadata.materialVersion !== d.materialVersion ||
    metadata.enterpriseProjectId !== d.enterpriseProjectId ||
    metadata.keystoreId !== d.keystoreId ||
    metadata.aliases.length > 0 ||
    metadata.tags.length > 0 ||
    metadata.grants.length > 0 ||
    r.enabled !== d.rotation.enabled ||
    r.intervalDays !== d.rotation.intervalDays ||
    r.enabledAt !== null ||
    r.lastRotationTime !== null ||
    r.count !== 0
  );
}

function toV1({ metadata, wrapped }: KeyRecord): RecordV1 {
  return {
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
}

function toV2(record: KeyRecord): RecordV2 {
  const { metadata, history } = record;
  const { format: _v1, ...v1 } = toV1(record);
  return {
    format: 2,
    ...v1,
    material_version: metadata.materialVersion,
    previous_materials: history.map((entry) => ({
      version: entry.version,
      create_time: entry.createTime,
      material: entry.wrapped,
    })),
    enterprise_project_id: metadata.enterpriseProjectId,
    keystore_id: metadata.keystoreId,
    aliases: metadata.aliases.map((entry) => ({
      alias: entry.alias,
      create_time: entry.createTime,
      update_time: entry.updateTime,
    })),
    tags: metadata.tags.map(({ key, value }) => ({ key, value })),
    rotation: {
      enabled: metadata.rotation.enabled,
      interval_days: metadata.rotation.intervalDays,
      enabled_at: metadata.rotation.enabledAt,
      last_rotation_time: metadata.rotation.lastRotationTime,
      count: metadata.rotation.count,
    },
    grants: metadata.grants.map((grant) => ({
      grant_id: grant.grantId,
      grantee_principal: grant.granteePrincipal,
      grantee_principal_type: grant.granteePrincipalType,
      operations: [...grant.operations],
      issuing_principal: grant.issuingPrincipal,
      creation_date: grant.creationDate,
      name: grant.name,
      retiring_principal: grant.retiringPrincipal,
    })),
  };
}

export function serializeKeyRecord(record: KeyRecord): string {
  const file = needsFormat2(record) ? toV2(record) : toV1(record);
  return `${JSON.stringify(file, null, 2)}\n`;
}
