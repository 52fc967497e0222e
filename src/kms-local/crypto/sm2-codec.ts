/**
 * SM2 in the encodings OpenSSL 3 uses: the private scalar inside PKCS#8, the public key as
 * SubjectPublicKeyInfo, and GB/T 32918.4 ciphertext as GM/T 0009 DER. The arithmetic itself
 * is sm-crypto-v2's.
 */
import { createPublicKey } from 'node:crypto';
import {
  DER_TAG,
  DerError,
  encodeElement,
  encodeSequence,
  encodeUnsignedInteger,
  readChildren,
  readSingle,
  unsignedIntegerValue,
  type DerElement,
} from './der';

const OID_EC_PUBLIC_KEY = Buffer.from('2a8648ce3d0201', 'hex');
const OID_SM2_CURVE = Buffer.from('2a811ccf5501822d', 'hex');
/** The SubjectPublicKeyInfo prefix for an uncompressed point on the SM2 curve. */
const SM2_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');
const SM2_ORDER = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const SM3_DIGEST_BYTES = 32;
const COORDINATE_BYTES = 32;

/** A structure that is DER but not the SM2 key it should be. */
export class Sm2KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Sm2KeyError';
  }
}

function child(children: DerElement[], index: number, tag: number): DerElement {
  const element = children[index];
  if (!element || element.tag !== tag) throw new DerError(`unexpected structure at ${index}`);
  return element;
}

/**
 * Node 20 reads an SM2 PKCS#8 key into a KeyObject of no usable type, so the private scalar is
 * taken from the DER: PrivateKeyInfo { 0, { id-ecPublicKey, SM2 curve }, ECPrivateKey { 1, d } }.
 * Throws Sm2KeyError for a key on another curve or out of range, DerError for bad DER.
 */
export function sm2PrivateScalar(pkcs8: Buffer): Buffer {
  const info = readChildren(readSingle(pkcs8, DER_TAG.sequence));
  const algorithm = readChildren(child(info, 1, DER_TAG.sequence).value);
  if (
    !child(algorithm, 0, DER_TAG.oid).value.equals(OID_EC_PUBLIC_KEY) ||
    !child(algorithm, 1, DER_TAG.oid).value.equals(OID_SM2_CURVE)
  ) {
    throw new Sm2KeyError('the key is not on the SM2 curve');
  }
  const ecPrivateKey = readChildren(
    readSingle(child(info, 2, DER_TAG.octetString).value, DER_TAG.sequence),
  );
  const scalar = child(ecPrivateKey, 1, DER_TAG.octetString).value;
  const d = BigInt(`0x${scalar.toString('hex') || '0'}`);
  if (scalar.length > 32 || d < 1n || d >= SM2_ORDER) {
    throw new Sm2KeyError('the SM2 private key is out of range');
  }
  return Buffer.concat([Buffer.alloc(32 - scalar.length), scalar]);
}

export function sm2PublicKeyPem(publicKeyHex: string): string {
  const der = Buffer.concat([SM2_SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]);
  return createPublicKey({ key: der, format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

/**
 * sm-crypto-v2 mode 1 output, C1 (x‖y, no 04) ‖ C3 ‖ C2 in hex, packed as OpenSSL 3 writes it:
 * `SEQUENCE { INTEGER x1, INTEGER y1, OCTET STRING C3, OCTET STRING C2 }`.
 */
export function encodeSm2Ciphertext(c1c3c2Hex: string): Buffer {
  const raw = Buffer.from(c1c3c2Hex, 'hex');
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

/** The reverse of encodeSm2Ciphertext; null for anything that is not that structure. */
export function decodeSm2Ciphertext(ciphertext: Buffer): string | null {
  try {
    const parts = readChildren(readSingle(ciphertext, DER_TAG.sequence));
    const [xElement, yElement, c3Element, c2Element] = parts;
    if (parts.length !== 4 || !xElement || !yElement || !c3Element || !c2Element) return null;
    if (c3Element.tag !== DER_TAG.octetString || c2Element.tag !== DER_TAG.octetString) return null;
    if (c3Element.value.length !== SM3_DIGEST_BYTES || c2Element.value.length === 0) return null;
    return Buffer.concat([
      coordinate(unsignedIntegerValue(xElement)),
      coordinate(unsignedIntegerValue(yElement)),
      c3Element.value,
      c2Element.value,
    ]).toString('hex');
  } catch {
    return null;
  }
}
