/**
 * The root key encrypts every key's material at rest (AES-256-GCM). It comes from
 * LOCAL_KMS_ROOT_KEY, or from `root.key` in the data dir (Base64, mode 0600), created on the
 * first start.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRootKey } from '../config';
import { writeFileDurably } from './durable-files';

export const ROOT_KEY_FILE = 'root.key';

export interface WrappedMaterial {
  algorithm: 'AES-256-GCM';
  iv: string;
  tag: string;
  ciphertext: string;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/**
 * Returns the root key. `mayCreate` is false when keys already exist: inventing a new root
 * key then would make every stored key unreadable, so that is an error instead.
 */
export async function loadOrCreateRootKey(
  dataDir: string,
  configured: string | undefined,
  mayCreate: boolean,
): Promise<Buffer> {
  if (configured !== undefined) {
    const key = decodeRootKey(configured);
    if (!key) throw new Error('LOCAL_KMS_ROOT_KEY must be the Base64 of exactly 32 bytes');
    return key;
  }
  const path = join(dataDir, ROOT_KEY_FILE);
  try {
    const info = await stat(path);
    // Tighten a loosened file rather than keep serving with a world-readable root key.
    if ((info.mode & 0o077) !== 0) await chmod(path, 0o600);
    const key = decodeRootKey(await readFile(path, 'utf8'));
    if (!key) throw new Error(`${path} does not hold the Base64 of 32 bytes`);
    return key;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  if (!mayCreate) {
    throw new Error(
      `${path} is missing but ${dataDir} holds keys: restore root.key or set LOCAL_KMS_ROOT_KEY`,
    );
  }
  const key = randomBytes(32);
  await writeFileDurably(path, `${key.toString('base64')}\n`, 0o600);
  return key;
}

/**
 * Binds wrapped material to its key, spec and (after a rotation) version, so no material can
 * be moved to another key or version. Version 1 keeps the text keys were wrapped with before
 * rotation existed.
 */
function wrappingAad(keyId: string, keySpec: string, materialVersion: number): Buffer {
  const version = materialVersion === 1 ? '' : `\n${materialVersion}`;
  return Buffer.from(`local-kms/key-material/v1\n${keyId}\n${keySpec}${version}`, 'utf8');
}

export function wrapMaterial(
  rootKey: Buffer,
  keyId: string,
  keySpec: string,
  material: Buffer,
  materialVersion = 1,
): WrappedMaterial {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', rootKey, iv);
  cipher.setAAD(wrappingAad(keyId, keySpec, materialVersion));
  const ciphertext = Buffer.concat([cipher.update(material), cipher.final()]);
  return {
    algorithm: 'AES-256-GCM',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

export function unwrapMaterial(
  rootKey: Buffer,
  keyId: string,
  keySpec: string,
  wrapped: WrappedMaterial,
  materialVersion = 1,
): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', rootKey, Buffer.from(wrapped.iv, 'base64'), {
    authTagLength: 16,
  });
  decipher.setAAD(wrappingAad(keyId, keySpec, materialVersion));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(wrapped.ciphertext, 'base64')),
      decipher.final(),
    ]);
  } catch {
    throw new Error(
      `cannot decrypt the material of key ${keyId}: the root key does not match (or the file was altered)`,
    );
  }
}
