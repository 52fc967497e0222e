/** How a key shows on the wire, and the checks every operation shares. */
import {
  KmsError,
  type EncryptionAlgorithm,
  type KmsErrorCode,
  type KeyDetails,
  type KeyUsage,
} from '../../shared/kms';
import {
  keyType,
  requireCapability,
  type KeyCapabilities,
  type KeyDataKeys,
  type KeyEncryption,
  type Unsupported,
} from '../crypto/key-kinds';
import type { Keystore, StoredKey } from '../keystore/keystore';

export { allowedUsages, defaultKeyUsage } from '../crypto/key-kinds';

export interface ServiceIdentity {
  domainId: string;
  region: string;
}

export function keyDetails(key: StoredKey, identity: ServiceIdentity): KeyDetails {
  const m = key.metadata;
  return {
    key_id: m.keyId,
    domain_id: identity.domainId,
    key_alias: m.alias,
    realm: identity.region,
    key_spec: m.spec,
    key_usage: m.usage,
    key_description: m.description,
    creation_date: String(m.creationDate),
    scheduled_deletion_date:
      m.scheduledDeletionDate === null ? '' : String(m.scheduledDeletionDate),
    key_state: m.state,
    default_key_flag: '0',
    key_type: keyType(m.spec),
    expiration_time: '',
    origin: m.origin,
    key_rotation_enabled: m.rotation.enabled ? 'true' : 'false',
    sys_enterprise_project_id: m.enterpriseProjectId,
    keystore_id: m.keystoreId,
  };
}

export function requireKey(store: Keystore, keyId: string): StoredKey {
  const key = store.get(keyId);
  if (!key) throw new KmsError('KMS.0207', `The key ${keyId} does not exist.`);
  return key;
}

/** Encrypt, decrypt and get-publickey need an enabled key. */
export function requireUsable(key: StoredKey): void {
  const state = key.metadata.state;
  if (state === '3') throw new KmsError('KMS.0209');
  if (state === '4') throw new KmsError('KMS.0210');
  if (state !== '2') throw new KmsError('KMS.0308', 'The key is not enabled.');
}

/**
 * The checks an operation makes of its key, in the order the cloud applies them: it exists,
 * is enabled, its kind can do the operation, and it was created for this usage.
 */
export function capableKey<Capability>(
  store: Keystore,
  keyId: string,
  capabilityOf: (capabilities: KeyCapabilities) => Capability | Unsupported,
  usage: { required: KeyUsage; refusal: readonly [KmsErrorCode, string] },
): [StoredKey, Capability] {
  const key = requireKey(store, keyId);
  requireUsable(key);
  const capability = requireCapability(capabilityOf(key.capabilities));
  if (key.metadata.usage !== usage.required) throw new KmsError(...usage.refusal);
  return [key, capability];
}

/** encrypt, decrypt and re-encrypt. */
export function encryptionKey(store: Keystore, keyId: string): [StoredKey, KeyEncryption] {
  return capableKey(store, keyId, (can) => can.encryption, {
    required: 'ENCRYPT_DECRYPT',
    refusal: ['KMS.0308', 'The key usage is SIGN_VERIFY: it cannot encrypt or decrypt.'],
  });
}

/** The checks of the data-key operations: the CMK exists, is enabled, encrypts, wraps DEKs. */
export function wrappingKey(store: Keystore, keyId: string): [StoredKey, KeyDataKeys] {
  const key = requireKey(store, keyId);
  requireUsable(key);
  if (key.metadata.usage === 'SIGN_VERIFY') {
    throw new KmsError('KMS.0335', 'The key is used to sign and verify: it cannot wrap data keys.');
  }
  return [key, requireCapability(key.capabilities.dataKeys)];
}

/** How a request names the key of the ciphertext it brings. */
export interface CiphertextKeyFields {
  algorithm: EncryptionAlgorithm | undefined;
  keyId: string | undefined;
  /** The key id field and what else goes with it, as the request spells them. */
  asymmetricNeeds: string;
}

/** Symmetric ciphertext names its key; asymmetric ciphertext needs it in the request. */
export function ciphertextKeyId(
  fields: CiphertextKeyFields,
  envelopeKeyId: string | undefined,
): string {
  const isSymmetric = fields.algorithm === undefined || fields.algorithm === 'SYMMETRIC_DEFAULT';
  if (!isSymmetric && fields.keyId === undefined) {
    throw new KmsError('KMS.0204', `Asymmetric ciphertext needs ${fields.asymmetricNeeds}.`);
  }
  const keyId = fields.keyId ?? envelopeKeyId;
  if (keyId === undefined) {
    throw new KmsError(
      'KMS.2201',
      `cipher_text is not a symmetric ciphertext; asymmetric ciphertext needs ${fields.asymmetricNeeds}.`,
    );
  }
  return keyId;
}
