/**
 * encrypt-data and decrypt-data: symmetric keys seal into the self-describing envelope, RSA and
 * SM2 keys give the raw output the cloud gives.
 */
import {
  KEY_SPEC_INFO,
  KmsError,
  maxPlainTextBytes,
  type EncryptionAlgorithm,
  type KmsRequest,
  type KmsResponse,
} from '../../shared/kms';
import {
  associatedDataDigest,
  canonicalAssociatedData,
  hasAssociatedData,
} from '../crypto/associated-data';
import {
  rsaOaepDecrypt,
  rsaOaepEncrypt,
  sm2Decrypt,
  sm2Encrypt,
  type OaepHash,
} from '../crypto/asymmetric';
import { parseEnvelope } from '../crypto/envelope';
import type { KeyMaterial } from '../crypto/key-material';
import { algorithmFor, openSymmetric, sealSymmetric } from '../crypto/symmetric';
import type { Keystore, StoredKey } from '../keystore/keystore';
import { requireEncryptionKey, requireKey, requireUsable } from './key-rules';

const OAEP_HASHES: Partial<Record<EncryptionAlgorithm, OaepHash>> = {
  RSAES_OAEP_SHA_256: 'sha256',
  RSAES_OAEP_SHA_1: 'sha1',
};

export interface DataOperations {
  'encrypt-data': (request: KmsRequest<'encrypt-data'>) => Promise<KmsResponse<'encrypt-data'>>;
  'decrypt-data': (request: KmsRequest<'decrypt-data'>) => Promise<KmsResponse<'decrypt-data'>>;
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

export function createDataOperations(store: Keystore): DataOperations {
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
  };
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
