/**
 * The at-rest forms of key material, shared by the kinds: raw bytes for symmetric keys,
 * PKCS#8 DER for key pairs; and how a seed file's text becomes one of them.
 */
import { createPrivateKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { KeySpec } from '../../../shared/kms';
import { KeyMaterialError } from './kind';

const generateKeyPairAsync = promisify(generateKeyPair);

export function randomSymmetricKey(bytes: number): Promise<Buffer> {
  return Promise.resolve(randomBytes(bytes));
}

// Key pairs are generated off the event loop: RSA 4096 takes seconds.
export async function generateRsaPkcs8(modulusLength: number): Promise<Buffer> {
  const pair = await generateKeyPairAsync('rsa', { modulusLength, publicExponent: 0x10001 });
  return pair.privateKey.export({ type: 'pkcs8', format: 'der' });
}

export async function generateEcPkcs8(namedCurve: string): Promise<Buffer> {
  const pair = await generateKeyPairAsync('ec', { namedCurve });
  return pair.privateKey.export({ type: 'pkcs8', format: 'der' });
}

export function requireLength(spec: KeySpec, serialized: Buffer, bytes: number): Buffer {
  if (serialized.length !== bytes) throw new KeyMaterialError(`a ${spec} key is ${bytes} bytes`);
  return serialized;
}

/** A seed's symmetric key: hex of exactly the key's length, or Base64. */
export function symmetricFromSeed(spec: KeySpec, bytes: number, text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]+$/.test(trimmed) && trimmed.length === bytes * 2) {
    return Buffer.from(trimmed, 'hex');
  }
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return Buffer.from(trimmed, 'base64');
  throw new KeyMaterialError(`key_material of a ${spec} key must be hex or Base64`);
}

/** A seed's key pair: a PEM private key (PKCS#8, or anything else OpenSSL reads). */
export function pkcs8FromSeed(spec: KeySpec, text: string): Buffer {
  try {
    return createPrivateKey({ key: text, format: 'pem' }).export({
      type: 'pkcs8',
      format: 'der',
    });
  } catch {
    throw new KeyMaterialError(`key_material of a ${spec} key must be a PEM private key`);
  }
}

export function readPkcs8(serialized: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: serialized, format: 'der', type: 'pkcs8' });
  } catch {
    throw new KeyMaterialError('the private key is not a readable PKCS#8 key');
  }
}
