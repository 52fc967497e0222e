/** AES_256: AES-256-GCM into the envelope, AAD = header ‖ canonical associated data. */
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';
import type { SymmetricCipher } from '../symmetric-envelope';
import { dataKeyWrapping } from './datakey-wrapping';
import { envelopeEncryption } from './encryption-schemes';
import { unsupported, type KeyKindDefinition } from './kind';
import { randomSymmetricKey, requireLength, symmetricFromSeed } from './serialized-forms';

const KEY_BYTES = 32;

export interface AesMaterial {
  key: KeyObject;
}

export const AES_256_GCM: SymmetricCipher<AesMaterial> = {
  algorithm: 'AES-256-GCM',
  seal(material, iv, headerBytes, plaintext, canonicalAssociated) {
    const cipher = createCipheriv('aes-256-gcm', material.key, iv);
    cipher.setAAD(Buffer.concat([headerBytes, canonicalAssociated]));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { tag: cipher.getAuthTag(), ciphertext };
  },
  open(material, envelope, canonicalAssociated) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', material.key, envelope.iv, {
        authTagLength: 16,
      });
      decipher.setAAD(Buffer.concat([envelope.headerBytes, canonicalAssociated]));
      decipher.setAuthTag(envelope.tag);
      return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
    } catch {
      return null;
    }
  },
};

export const AES_KIND: KeyKindDefinition<AesMaterial> = {
  keyType: '1',
  usages: ['ENCRYPT_DECRYPT'],
  rotatable: true,
  generate: () => randomSymmetricKey(KEY_BYTES),
  load: (spec, serialized) => ({
    key: createSecretKey(Buffer.from(requireLength(spec, serialized, KEY_BYTES))),
  }),
  fromSeed: (spec, text) => symmetricFromSeed(spec, KEY_BYTES, text),
  encryption: envelopeEncryption(AES_256_GCM),
  publicKeyPem: unsupported('KMS.0308', 'A symmetric key has no public key.'),
  signing: unsupported('KMS.1115', 'A symmetric key does not sign or verify.'),
  mac: unsupported('KMS.0331', 'An encryption key does not make MACs: use an HMAC key.'),
  dataKeys: dataKeyWrapping(AES_256_GCM, 'sha256'),
};
