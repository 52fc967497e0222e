/**
 * The KMS operations over the keystore, free of HTTP: each takes a request already validated by
 * the shared schema and returns the wire response, or throws a KmsError with the service's code.
 */
import {
  KEY_SPEC_INFO,
  KmsError,
  maxPlainTextBytes,
  type EncryptionAlgorithm,
  type KeyDetails,
  type KeySpec,
  type KeyUsage,
  type KmsOperation,
  type KmsRequest,
  type KmsResponse,
} from '../shared/kms';
import { canonicalAssociatedData, hasAssociatedData } from './crypto/associated-data';
import {
  rsaOaepDecrypt,
  rsaOaepEncrypt,
  sm2Decrypt,
  sm2Encrypt,
  type OaepHash,
} from './crypto/asymmetric';
import { parseEnvelope } from './crypto/envelope';
import { associatedDataDigest } from './crypto/associated-data';
import { algorithmFor, openSymmetric, sealSymmetric } from './crypto/symmetric';
import type { KeyMaterial } from './crypto/key-material';
import type { Keystore, StoredKey } from './keystore/keystore';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ServiceIdentity {
  domainId: string;
  region: string;
}

export type OperationHandlers = {
  [Op in KmsOperation]: (request: KmsRequest<Op>) => Promise<KmsResponse<Op>>;
};

const OAEP_HASHES: Partial<Record<EncryptionAlgorithm, OaepHash>> = {
  RSAES_OAEP_SHA_256: 'sha256',
  RSAES_OAEP_SHA_1: 'sha1',
};

export function defaultKeyUsage(spec: KeySpec): KeyUsage {
  return KEY_SPEC_INFO[spec].kind === 'sign-only' ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT';
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

function requireKey(store: Keystore, keyId: string): StoredKey {
  const key = store.get(keyId);
  if (!key) throw new KmsError('KMS.0207', `The key ${keyId} does not exist.`);
  return key;
}

/** Encrypt, decrypt and get-publickey need an enabled key. */
function requireUsable(key: StoredKey): void {
  const state = key.metadata.state;
  if (state === '3') throw new KmsError('KMS.0209');
  if (state === '4') throw new KmsError('KMS.0210');
  if (state !== '2') throw new KmsError('KMS.0308', 'The key is not enabled.');
}

function requireEncryptionKey(key: StoredKey): void {
  if (KEY_SPEC_INFO[key.metadata.spec].kind === 'sign-only') throw new KmsError('KMS.1114');
  if (key.metadata.usage !== 'ENCRYPT_DECRYPT') {
    throw new KmsError('KMS.0308', 'The key usage is SIGN_VERIFY: it cannot encrypt or decrypt.');
  }
}

/** Strict Base64: Buffer.from is lenient, so re-encode and compare. */
function decodeBase64(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) {
    throw new KmsError('KMS.2201', 'cipher_text is not valid Base64.');
  }
  return bytes;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** plain_text as UTF-8; bytes that are not UTF-8 come back with U+FFFD, exact in Base64. */
function plainTextFields(plaintext: Buffer): { plain_text: string; plain_text_base64: string } {
  let text: string;
  try {
    text = utf8Strict.decode(plaintext);
  } catch {
    text = plaintext.toString('utf8');
  }
  return { plain_text: text, plain_text_base64: plaintext.toString('base64') };
}

type AsymmetricMaterial = Extract<KeyMaterial, { kind: 'rsa' | 'sm2' }>;

function asymmetricAlgorithmCheck(key: StoredKey, algorithm: EncryptionAlgorithm): void {
  if (!KEY_SPEC_INFO[key.metadata.spec].algorithms.includes(algorithm)) {
    throw new KmsError(
      'KMS.2106',
      `A ${key.metadata.spec} key takes ${KEY_SPEC_INFO[key.metadata.spec].algorithms.join(' or ')}, not ${algorithm}.`,
    );
  }
}

function refuseAssociatedData(
  context: Record<string, string> | undefined,
  aad: string | undefined,
): void {
  if (hasAssociatedData(context, aad)) {
    throw new KmsError(
      'KMS.0208',
      'Asymmetric keys take no encryption_context or additional_authenticated_data.',
    );
  }
}

export function createOperations(store: Keystore, identity: ServiceIdentity): OperationHandlers {
  return {
    async 'encrypt-data'(request) {
      const key = requireKey(store, request.key_id);
      requireUsable(key);
      requireEncryptionKey(key);
      const algorithm = request.encryption_algorithm ?? 'SYMMETRIC_DEFAULT';
      const plaintext = Buffer.from(request.plain_text, 'utf8');
      const material = key.material;
      if (material.kind === 'aes' || material.kind === 'sm4') {
        if (algorithm !== 'SYMMETRIC_DEFAULT') {
          throw new KmsError(
            'KMS.2105',
            `A ${key.metadata.spec} key takes SYMMETRIC_DEFAULT only.`,
          );
        }
        const canonical = canonicalAssociatedData(
          request.encryption_context,
          request.additional_authenticated_data,
        );
        const envelope = sealSymmetric(material, key.metadata.keyId, plaintext, canonical);
        return { key_id: key.metadata.keyId, cipher_text: envelope.toString('base64') };
      }
      asymmetricAlgorithmCheck(key, algorithm);
      refuseAssociatedData(request.encryption_context, request.additional_authenticated_data);
      const limit = maxPlainTextBytes(key.metadata.spec, algorithm);
      if (plaintext.length > limit) {
        throw new KmsError(
          'KMS.2108',
          `${key.metadata.spec} with ${algorithm} encrypts at most ${limit} bytes; got ${plaintext.length}.`,
        );
      }
      const ciphertext = encryptAsymmetric(material as AsymmetricMaterial, algorithm, plaintext);
      return { key_id: key.metadata.keyId, cipher_text: ciphertext.toString('base64') };
    },

    async 'decrypt-data'(request) {
      const bytes = decodeBase64(request.cipher_text);
      const algorithm = request.encryption_algorithm;
      const isSymmetricRequest = algorithm === undefined || algorithm === 'SYMMETRIC_DEFAULT';
      if (!isSymmetricRequest && request.key_id === undefined) {
        throw new KmsError('KMS.0204', 'key_id is required to decrypt asymmetric ciphertext.');
      }
      const envelope = parseEnvelope(bytes);
      const keyId = request.key_id ?? envelope?.header.keyId;
      if (keyId === undefined) {
        throw new KmsError(
          'KMS.2201',
          'cipher_text is not a symmetric ciphertext; asymmetric ciphertext needs key_id and encryption_algorithm.',
        );
      }
      const key = requireKey(store, keyId);
      requireUsable(key);
      requireEncryptionKey(key);
      const material = key.material;
      if (material.kind === 'aes' || material.kind === 'sm4') {
        if (!isSymmetricRequest) {
          throw new KmsError(
            'KMS.2105',
            `A ${key.metadata.spec} key takes SYMMETRIC_DEFAULT only.`,
          );
        }
        if (!envelope || envelope.header.algorithm !== algorithmFor(material)) {
          throw new KmsError('KMS.2201', 'cipher_text is not a ciphertext of this key.');
        }
        if (envelope.header.keyId !== key.metadata.keyId) {
          throw new KmsError('KMS.2201', 'cipher_text was made with another key.');
        }
        const canonical = canonicalAssociatedData(
          request.encryption_context,
          request.additional_authenticated_data,
        );
        if (!associatedDataDigest(canonical).equals(envelope.header.associatedDataDigest)) {
          throw new KmsError(
            'KMS.0208',
            'The encryption context does not match the one used to encrypt.',
          );
        }
        const plaintext = openSymmetric(material, envelope, canonical);
        if (!plaintext) throw new KmsError('KMS.2201', 'cipher_text is damaged or was altered.');
        return { key_id: key.metadata.keyId, ...plainTextFields(plaintext) };
      }
      asymmetricAlgorithmCheck(key, algorithm ?? 'SYMMETRIC_DEFAULT');
      refuseAssociatedData(request.encryption_context, request.additional_authenticated_data);
      const plaintext = decryptAsymmetric(
        key,
        material as AsymmetricMaterial,
        algorithm ?? 'SYMMETRIC_DEFAULT',
        bytes,
      );
      return { key_id: key.metadata.keyId, ...plainTextFields(plaintext) };
    },

    async 'list-keys'(request) {
      const spec = request.key_spec ?? 'AES_256';
      const matching = store
        .list()
        .filter((key) => spec === 'ALL' || key.metadata.spec === spec)
        .filter(
          (key) => request.key_state === undefined || key.metadata.state === request.key_state,
        );
      const start = request.marker === undefined ? 0 : Number(request.marker);
      const limit = request.limit === undefined ? matching.length : Number(request.limit);
      const page = matching.slice(start, start + limit);
      const end = start + page.length;
      const truncated = end < matching.length;
      return {
        keys: page.map((key) => key.metadata.keyId),
        key_details: page.map((key) => keyDetails(key, identity)),
        next_marker: truncated ? String(end) : '',
        truncated: truncated ? 'true' : 'false',
        total: matching.length,
      };
    },

    async 'describe-key'(request) {
      return { key_info: keyDetails(requireKey(store, request.key_id), identity) };
    },

    async 'get-publickey'(request) {
      const key = requireKey(store, request.key_id);
      requireUsable(key);
      const material = key.material;
      if (material.kind === 'aes' || material.kind === 'sm4') {
        throw new KmsError('KMS.0308', 'A symmetric key has no public key.');
      }
      return { key_id: key.metadata.keyId, public_key: material.publicKeyPem };
    },

    async 'create-key'(request) {
      const spec = request.key_spec ?? 'AES_256';
      const usage = request.key_usage ?? defaultKeyUsage(spec);
      if (!allowedUsages(spec).includes(usage)) {
        throw new KmsError('KMS.0308', `A ${spec} key cannot have key_usage ${usage}.`);
      }
      if (request.origin === 'external') {
        throw new KmsError('KMS.0308', 'The local KMS does not import external key material.');
      }
      const key = await store.create({
        alias: request.key_alias,
        spec,
        usage,
        description: request.key_description ?? '',
        state: '2',
      });
      return { key_info: { key_id: key.metadata.keyId, domain_id: identity.domainId } };
    },

    async 'enable-key'(request) {
      const key = await store.update(request.key_id, (current) => {
        if (current.state === '4') throw new KmsError('KMS.0210');
        return { state: '2', scheduledDeletionDate: null };
      });
      return { key_info: { key_id: key.metadata.keyId, key_state: key.metadata.state } };
    },

    async 'disable-key'(request) {
      const key = await store.update(request.key_id, (current) => {
        if (current.state === '4') throw new KmsError('KMS.0210');
        return { state: '3', scheduledDeletionDate: null };
      });
      return { key_info: { key_id: key.metadata.keyId, key_state: key.metadata.state } };
    },

    async 'schedule-key-deletion'(request) {
      const key = await store.update(request.key_id, (current) => {
        if (current.state === '4') throw new KmsError('KMS.0210');
        return {
          state: '4',
          scheduledDeletionDate: Date.now() + Number(request.pending_days) * DAY_MS,
        };
      });
      return { key_id: key.metadata.keyId, key_state: key.metadata.state };
    },

    async 'cancel-key-deletion'(request) {
      // As in the cloud, a key whose deletion is cancelled comes back disabled.
      const key = await store.update(request.key_id, (current) => {
        if (current.state !== '4') {
          throw new KmsError('KMS.0308', 'The key is not scheduled for deletion.');
        }
        return { state: '3', scheduledDeletionDate: null };
      });
      return { key_id: key.metadata.keyId, key_state: key.metadata.state };
    },
  };
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

function encryptAsymmetric(
  material: AsymmetricMaterial,
  algorithm: EncryptionAlgorithm,
  plaintext: Buffer,
): Buffer {
  if (material.kind === 'sm2') return sm2Encrypt(material, plaintext);
  return rsaOaepEncrypt(material, OAEP_HASHES[algorithm] ?? 'sha256', plaintext);
}

function decryptAsymmetric(
  key: StoredKey,
  material: AsymmetricMaterial,
  algorithm: EncryptionAlgorithm,
  ciphertext: Buffer,
): Buffer {
  if (material.kind === 'sm2') {
    const plaintext = sm2Decrypt(material, ciphertext);
    if (!plaintext) {
      throw new KmsError('KMS.2201', 'cipher_text is not an SM2 ciphertext of this key.');
    }
    return plaintext;
  }
  const modulusBytes = KEY_SPEC_INFO[key.metadata.spec].modulusBytes;
  if (ciphertext.length !== modulusBytes) {
    throw new KmsError(
      'KMS.2201',
      `A ${key.metadata.spec} ciphertext is ${modulusBytes} bytes; got ${ciphertext.length}.`,
    );
  }
  const plaintext = rsaOaepDecrypt(material, OAEP_HASHES[algorithm] ?? 'sha256', ciphertext);
  if (!plaintext) throw new KmsError('KMS.0311');
  return plaintext;
}
