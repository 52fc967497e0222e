/**
 * Key material per key spec: how it is generated, serialized for the keystore (raw bytes for
 * symmetric keys, PKCS#8 DER for key pairs), read back into usable in-memory objects, and
 * taken from a seed file.
 */
import {
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPair,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import { sm2 } from 'sm-crypto-v2';
import type { KeySpec } from '../../shared/kms';
import { DER_TAG, DerError, readChildren, readSingle, type DerElement } from './der';

const generateKeyPairAsync = promisify(generateKeyPair);

export type KeyMaterial =
  | { kind: 'aes'; key: KeyObject }
  | { kind: 'sm4'; encryptionKey: KeyObject; macKey: KeyObject }
  | { kind: 'rsa'; privateKey: KeyObject; publicKey: KeyObject; publicKeyPem: string }
  | {
      kind: 'sm2';
      privateKeyHex: string;
      publicKeyHex: string;
      /** Precomputed multiples of the public point: makes encryption several times faster. */
      publicPoint: ReturnType<typeof sm2.precomputePublicKey>;
      publicKeyPem: string;
    }
  | { kind: 'ec'; privateKey: KeyObject; publicKeyPem: string };

export class KeyMaterialError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyMaterialError';
  }
}

const SYMMETRIC_KEY_BYTES: Partial<Record<KeySpec, number>> = { AES_256: 32, SM4: 16 };
const RSA_BITS: Partial<Record<KeySpec, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};
const EC_CURVES: Partial<Record<KeySpec, string>> = {
  EC_P256: 'prime256v1',
  EC_P384: 'secp384r1',
};

/** Fresh key material, serialized. RSA and EC pairs are generated off the event loop. */
export async function generateSerializedMaterial(spec: KeySpec): Promise<Buffer> {
  const symmetricBytes = SYMMETRIC_KEY_BYTES[spec];
  if (symmetricBytes !== undefined) return randomBytes(symmetricBytes);
  const rsaBits = RSA_BITS[spec];
  const pair =
    rsaBits !== undefined
      ? await generateKeyPairAsync('rsa', { modulusLength: rsaBits, publicExponent: 0x10001 })
      : await generateKeyPairAsync('ec', { namedCurve: EC_CURVES[spec] ?? 'SM2' });
  return pair.privateKey.export({ type: 'pkcs8', format: 'der' });
}

// ---- SM2 ------------------------------------------------------------------------------------

const OID_EC_PUBLIC_KEY = Buffer.from('2a8648ce3d0201', 'hex');
const OID_SM2_CURVE = Buffer.from('2a811ccf5501822d', 'hex');
/** The SubjectPublicKeyInfo prefix for an uncompressed point on the SM2 curve. */
const SM2_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');
const SM2_ORDER = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

function child(children: DerElement[], index: number, tag: number): DerElement {
  const element = children[index];
  if (!element || element.tag !== tag) throw new DerError(`unexpected structure at ${index}`);
  return element;
}

/**
 * Node 20 reads an SM2 PKCS#8 key into a KeyObject of no usable type, so the private scalar is
 * taken from the DER: PrivateKeyInfo { 0, { id-ecPublicKey, SM2 curve }, ECPrivateKey { 1, d } }.
 */
function sm2PrivateScalar(pkcs8: Buffer): Buffer {
  const info = readChildren(readSingle(pkcs8, DER_TAG.sequence));
  const algorithm = readChildren(child(info, 1, DER_TAG.sequence).value);
  if (
    !child(algorithm, 0, DER_TAG.oid).value.equals(OID_EC_PUBLIC_KEY) ||
    !child(algorithm, 1, DER_TAG.oid).value.equals(OID_SM2_CURVE)
  ) {
    throw new KeyMaterialError('the key is not on the SM2 curve');
  }
  const ecPrivateKey = readChildren(
    readSingle(child(info, 2, DER_TAG.octetString).value, DER_TAG.sequence),
  );
  const scalar = child(ecPrivateKey, 1, DER_TAG.octetString).value;
  const d = BigInt(`0x${scalar.toString('hex') || '0'}`);
  if (scalar.length > 32 || d < 1n || d >= SM2_ORDER) {
    throw new KeyMaterialError('the SM2 private key is out of range');
  }
  return Buffer.concat([Buffer.alloc(32 - scalar.length), scalar]);
}

export function sm2PublicKeyPem(publicKeyHex: string): string {
  const der = Buffer.concat([SM2_SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]);
  return createPublicKey({ key: der, format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

// ---- reading serialized material --------------------------------------------------------------

function deriveSm4Keys(master: Buffer): { encryptionKey: KeyObject; macKey: KeyObject } {
  // Two independent keys for encrypt-then-MAC, derived with HKDF over SM3.
  const derive = (info: string, length: number) =>
    createSecretKey(Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), info, length)));
  return {
    encryptionKey: derive('local-kms sm4-ctr encryption', 16),
    macKey: derive('local-kms hmac-sm3 authentication', 32),
  };
}

function readPkcs8(serialized: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: serialized, format: 'der', type: 'pkcs8' });
  } catch {
    throw new KeyMaterialError('the private key is not a readable PKCS#8 key');
  }
}

/** Turns serialized material into in-memory keys, checking that it fits the spec. */
export function importMaterial(spec: KeySpec, serialized: Buffer): KeyMaterial {
  const symmetricBytes = SYMMETRIC_KEY_BYTES[spec];
  if (symmetricBytes !== undefined) {
    if (serialized.length !== symmetricBytes) {
      throw new KeyMaterialError(`a ${spec} key is ${symmetricBytes} bytes`);
    }
    return spec === 'AES_256'
      ? { kind: 'aes', key: createSecretKey(Buffer.from(serialized)) }
      : { kind: 'sm4', ...deriveSm4Keys(serialized) };
  }
  if (spec === 'SM2') {
    let scalar: Buffer;
    try {
      scalar = sm2PrivateScalar(serialized);
    } catch (error) {
      if (error instanceof KeyMaterialError) throw error;
      throw new KeyMaterialError('the private key is not an SM2 PKCS#8 key');
    }
    const privateKeyHex = scalar.toString('hex');
    const publicKeyHex = sm2.getPublicKeyFromPrivateKey(privateKeyHex);
    return {
      kind: 'sm2',
      privateKeyHex,
      publicKeyHex,
      publicPoint: sm2.precomputePublicKey(publicKeyHex),
      publicKeyPem: sm2PublicKeyPem(publicKeyHex),
    };
  }
  const privateKey = readPkcs8(serialized);
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const rsaBits = RSA_BITS[spec];
  if (rsaBits !== undefined) {
    if (
      privateKey.asymmetricKeyType !== 'rsa' ||
      privateKey.asymmetricKeyDetails?.modulusLength !== rsaBits
    ) {
      throw new KeyMaterialError(`a ${spec} key is an RSA key of ${rsaBits} bits`);
    }
    return { kind: 'rsa', privateKey, publicKey, publicKeyPem };
  }
  const curve = EC_CURVES[spec];
  if (
    privateKey.asymmetricKeyType !== 'ec' ||
    privateKey.asymmetricKeyDetails?.namedCurve !== curve
  ) {
    throw new KeyMaterialError(`a ${spec} key is an EC key on ${curve}`);
  }
  return { kind: 'ec', privateKey, publicKeyPem };
}

/**
 * Material given in a seed file: hex or Base64 for symmetric keys, a PEM private key (PKCS#8,
 * or anything else OpenSSL reads) for key pairs. Returns the serialized form, validated.
 */
export function serializedMaterialFromSeed(spec: KeySpec, text: string): Buffer {
  const symmetricBytes = SYMMETRIC_KEY_BYTES[spec];
  let serialized: Buffer;
  if (symmetricBytes !== undefined) {
    const trimmed = text.trim();
    if (/^[0-9a-fA-F]+$/.test(trimmed) && trimmed.length === symmetricBytes * 2) {
      serialized = Buffer.from(trimmed, 'hex');
    } else if (/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) {
      serialized = Buffer.from(trimmed, 'base64');
    } else {
      throw new KeyMaterialError(`key_material of a ${spec} key must be hex or Base64`);
    }
  } else {
    try {
      serialized = createPrivateKey({ key: text, format: 'pem' }).export({
        type: 'pkcs8',
        format: 'der',
      });
    } catch {
      throw new KeyMaterialError(`key_material of a ${spec} key must be a PEM private key`);
    }
  }
  importMaterial(spec, serialized);
  return serialized;
}
