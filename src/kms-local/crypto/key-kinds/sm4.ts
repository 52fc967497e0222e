/**
 * SM4: Node has no SM4-GCM, so SM4-CTR then HMAC-SM3 over header ‖ IV ‖ ciphertext ‖
 * canonical associated data (encrypt-then-MAC, independent keys derived by HKDF-SM3).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import type { SymmetricCipher } from '../symmetric-envelope';
import { dataKeyWrapping } from './datakey-wrapping';
import { envelopeEncryption } from './encryption-schemes';
import { unsupported, type KeyKindDefinition } from './kind';
import { randomSymmetricKey, requireLength, symmetricFromSeed } from './serialized-forms';

const KEY_BYTES = 16;

export interface Sm4Material {
  encryptionKey: KeyObject;
  macKey: KeyObject;
}

function deriveSm4Keys(master: Buffer): Sm4Material {
  // Two independent keys for encrypt-then-MAC, derived with HKDF over SM3.
  const derive = (info: string, length: number) =>
    createSecretKey(Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), info, length)));
  return {
    encryptionKey: derive('local-kms sm4-ctr encryption', 16),
    macKey: derive('local-kms hmac-sm3 authentication', 32),
  };
}

function sm4Mac(material: Sm4Material, parts: readonly Buffer[]): Buffer {
  const hmac = createHmac('sm3', material.macKey);
  for (const part of parts) {
    // Length-prefix each part so no two different splits give the same MAC input.
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(part.length));
    hmac.update(length).update(part);
  }
  return hmac.digest();
}

export const SM4_CTR_HMAC_SM3: SymmetricCipher<Sm4Material> = {
  algorithm: 'SM4-CTR-HMAC-SM3',
  seal(material, iv, headerBytes, plaintext, canonicalAssociated) {
    const cipher = createCipheriv('sm4-ctr', material.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const tag = sm4Mac(material, [headerBytes, iv, ciphertext, canonicalAssociated]);
    return { tag, ciphertext };
  },
  open(material, envelope, canonicalAssociated) {
    const expected = sm4Mac(material, [
      envelope.headerBytes,
      envelope.iv,
      envelope.ciphertext,
      canonicalAssociated,
    ]);
    if (expected.length !== envelope.tag.length || !timingSafeEqual(expected, envelope.tag)) {
      return null;
    }
    const decipher = createDecipheriv('sm4-ctr', material.encryptionKey, envelope.iv);
    return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
  },
};

export const SM4_KIND: KeyKindDefinition<Sm4Material> = {
  keyType: '1',
  usages: ['ENCRYPT_DECRYPT'],
  rotatable: true,
  generate: () => randomSymmetricKey(KEY_BYTES),
  load: (spec, serialized) => deriveSm4Keys(requireLength(spec, serialized, KEY_BYTES)),
  fromSeed: (spec, text) => symmetricFromSeed(spec, KEY_BYTES, text),
  encryption: envelopeEncryption(SM4_CTR_HMAC_SM3),
  publicKeyPem: unsupported('KMS.0308', 'A symmetric key has no public key.'),
  signing: unsupported('KMS.1115', 'A symmetric key does not sign or verify.'),
  mac: unsupported('KMS.0331', 'An encryption key does not make MACs: use an HMAC key.'),
  dataKeys: dataKeyWrapping(SM4_CTR_HMAC_SM3, 'sm3'),
};
