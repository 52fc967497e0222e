/**
 * RSA-OAEP and SM2 encryption with the raw output the cloud returns (no envelope: the caller
 * keeps the key id and algorithm).
 */
import { constants, privateDecrypt, publicEncrypt } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import {
  DER_TAG,
  DerError,
  encodeElement,
  encodeSequence,
  encodeUnsignedInteger,
  readChildren,
  readSingle,
  unsignedIntegerValue,
} from './der';
import type { KeyMaterial } from './key-material';

export type OaepHash = 'sha256' | 'sha1';
type RsaMaterial = Extract<KeyMaterial, { kind: 'rsa' }>;
type Sm2Material = Extract<KeyMaterial, { kind: 'sm2' }>;

/** OAEP with MGF1 over the same hash, as `openssl pkeyutl` and the cloud do. */
export function rsaOaepEncrypt(material: RsaMaterial, hash: OaepHash, plaintext: Buffer): Buffer {
  return publicEncrypt(
    { key: material.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash },
    plaintext,
  );
}

/** The plaintext, or null when OAEP decoding fails (wrong key, hash or damaged data). */
export function rsaOaepDecrypt(
  material: RsaMaterial,
  hash: OaepHash,
  ciphertext: Buffer,
): Buffer | null {
  try {
    return privateDecrypt(
      { key: material.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash },
      ciphertext,
    );
  } catch {
    return null;
  }
}

const SM3_DIGEST_BYTES = 32;
const COORDINATE_BYTES = 32;

/**
 * GB/T 32918.4 with SM3, written as OpenSSL 3 writes it (GM/T 0009):
 * `SEQUENCE { INTEGER x1, INTEGER y1, OCTET STRING C3, OCTET STRING C2 }`.
 * sm-crypto-v2 mode 1 yields C1 (x‖y, no 04) ‖ C3 ‖ C2 in hex, which is packed here.
 */
export function sm2Encrypt(material: Sm2Material, plaintext: Buffer): Buffer {
  const hex = sm2.doEncrypt(Uint8Array.from(plaintext), material.publicPoint, 1);
  const raw = Buffer.from(hex, 'hex');
  const x = raw.subarray(0, COORDINATE_BYTES);
  const y = raw.subarray(COORDINATE_BYTES, 2 * COORDINATE_BYTES);
  const c3 = raw.subarray(2 * COORDINATE_BYTES, 2 * COORDINATE_BYTES + SM3_DIGEST_BYTES);
  const c2 = raw.subarray(2 * COORDINATE_BYTES + SM3_DIGEST_BYTES);
  return encodeSequence([
    encodeUnsignedInteger(x),
    encodeUnsignedInteger(y),
    encodeElement(DER_TAG.octetString, c3),
    encodeElement(DER_TAG.octetString, c2),
  ]);
}

function coordinate(magnitude: Buffer): Buffer {
  if (magnitude.length > COORDINATE_BYTES) throw new DerError('coordinate too large');
  return Buffer.concat([Buffer.alloc(COORDINATE_BYTES - magnitude.length), magnitude]);
}

/** The plaintext, or null for anything malformed, off the curve, or failing the C3 check. */
export function sm2Decrypt(material: Sm2Material, ciphertext: Buffer): Buffer | null {
  try {
    const parts = readChildren(readSingle(ciphertext, DER_TAG.sequence));
    const [xElement, yElement, c3Element, c2Element] = parts;
    if (parts.length !== 4 || !xElement || !yElement || !c3Element || !c2Element) return null;
    if (c3Element.tag !== DER_TAG.octetString || c2Element.tag !== DER_TAG.octetString) return null;
    if (c3Element.value.length !== SM3_DIGEST_BYTES || c2Element.value.length === 0) return null;
    const hex = Buffer.concat([
      coordinate(unsignedIntegerValue(xElement)),
      coordinate(unsignedIntegerValue(yElement)),
      c3Element.value,
      c2Element.value,
    ]).toString('hex');
    // fromHex inside sm-crypto-v2 rejects points that are not on the curve (throws).
    const plaintext = sm2.doDecrypt(hex, material.privateKeyHex, 1, { output: 'array' });
    return plaintext.length === 0 ? null : Buffer.from(plaintext);
  } catch {
    return null;
  }
}
