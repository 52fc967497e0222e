/** What a key may do, how it shows on the wire, and the checks every operation shares. */
import {
  KEY_SPEC_INFO,
  KmsError,
  type KeyDetails,
  type KeySpec,
  type KeyUsage,
} from '../../shared/kms';
import type { Keystore, StoredKey } from '../keystore/keystore';

export interface ServiceIdentity {
  domainId: string;
  region: string;
}

export function defaultKeyUsage(spec: KeySpec): KeyUsage {
  return KEY_SPEC_INFO[spec].kind === 'sign-only' ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT';
}

export function allowedUsages(spec: KeySpec): readonly KeyUsage[] {
  switch (KEY_SPEC_INFO[spec].kind) {
    case 'symmetric':
      return ['ENCRYPT_DECRYPT'];
    case 'sign-only':
      return ['SIGN_VERIFY'];
    default:
      return ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'];
  }
}

/** key_type on the wire: "1" symmetric, "2" asymmetric (documented in docs/local-kms.md). */
function keyType(spec: KeySpec): string {
  return KEY_SPEC_INFO[spec].kind === 'symmetric' ? '1' : '2';
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
    key_rotation_enabled: 'false',
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

export function requireEncryptionKey(key: StoredKey): void {
  if (KEY_SPEC_INFO[key.metadata.spec].kind === 'sign-only') throw new KmsError('KMS.1114');
  if (key.metadata.usage !== 'ENCRYPT_DECRYPT') {
    throw new KmsError('KMS.0308', 'The key usage is SIGN_VERIFY: it cannot encrypt or decrypt.');
  }
}
