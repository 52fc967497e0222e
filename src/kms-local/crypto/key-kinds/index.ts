/**
 * The key-kind table: which kind serves each spec, and every kind with its material, seed and
 * at-rest forms and its capabilities. Both tables are checked by the compiler: a spec added to
 * the wire contract fails KEY_SPEC_KINDS until it names its kind, and a kind named there fails
 * KEY_KINDS until it has its entry. Nothing outside this folder branches on a kind.
 */
import type { KeySpec, KeyUsage } from '../../../shared/kms';
import { AES_KIND } from './aes';
import { EC_KIND } from './ec';
import { ED25519_KIND } from './ed25519';
import { HMAC_KIND } from './hmac';
import { defineKeyKind, type KeyCapabilities, type KeyKind } from './kind';
import { RSA_KIND } from './rsa';
import { SM2_KIND } from './sm2';
import { SM4_KIND } from './sm4';

export const KEY_SPEC_KINDS = {
  AES_256: 'aes',
  SM4: 'sm4',
  RSA_2048: 'rsa',
  RSA_3072: 'rsa',
  RSA_4096: 'rsa',
  SM2: 'sm2',
  EC_P256: 'ec',
  EC_P384: 'ec',
  SECP256K1: 'ec',
  ED25519: 'ed25519',
  HMAC_256: 'hmac',
  HMAC_384: 'hmac',
  HMAC_512: 'hmac',
  HMAC_SM3: 'hmac',
} as const satisfies Record<KeySpec, string>;

export type KeyKindName = (typeof KEY_SPEC_KINDS)[KeySpec];

/** The specs one kind serves, so its per-spec parameter tables are checked for completeness. */
export type SpecOfKind<K extends KeyKindName> = {
  [S in KeySpec]: (typeof KEY_SPEC_KINDS)[S] extends K ? S : never;
}[KeySpec];

export const KEY_KINDS = {
  aes: defineKeyKind(AES_KIND),
  sm4: defineKeyKind(SM4_KIND),
  rsa: defineKeyKind(RSA_KIND),
  sm2: defineKeyKind(SM2_KIND),
  ec: defineKeyKind(EC_KIND),
  ed25519: defineKeyKind(ED25519_KIND),
  hmac: defineKeyKind(HMAC_KIND),
} satisfies Record<KeyKindName, KeyKind>;

export function keyKindOf(spec: KeySpec): KeyKind {
  return KEY_KINDS[KEY_SPEC_KINDS[spec]];
}

/** Fresh material for a spec, in its at-rest form. */
export function generateSerializedMaterial(spec: KeySpec): Promise<Buffer> {
  return keyKindOf(spec).generate(spec);
}

/** At-rest material read into a usable key; throws KeyMaterialError if it does not fit. */
export function loadKey(spec: KeySpec, serialized: Buffer, materialVersion = 1): KeyCapabilities {
  return keyKindOf(spec).load(spec, serialized, materialVersion);
}

/** Whether keys of this spec may rotate (key-kinds/kind.ts says which kinds can). */
export function isRotatable(spec: KeySpec): boolean {
  return keyKindOf(spec).rotatable;
}

/** Material the keystore wrote and authenticated, read on first use (KeyKind.loadDeferred). */
export function loadStoredKey(
  spec: KeySpec,
  serialized: Buffer,
  materialVersion?: number,
): KeyCapabilities {
  return keyKindOf(spec).loadDeferred(spec, serialized, materialVersion);
}

/**
 * Material given in a seed file: hex or Base64 for symmetric and HMAC keys, a PEM private key
 * for key pairs. Returns the at-rest form, checked against the spec.
 */
export function serializedMaterialFromSeed(spec: KeySpec, text: string): Buffer {
  const serialized = keyKindOf(spec).fromSeed(spec, text);
  loadKey(spec, serialized);
  return serialized;
}

export function defaultKeyUsage(spec: KeySpec): KeyUsage {
  return keyKindOf(spec).usages[0];
}

export function allowedUsages(spec: KeySpec): readonly KeyUsage[] {
  return keyKindOf(spec).usages;
}

/** key_type on the wire: "1" symmetric, "2" asymmetric (documented in docs/local-kms.md). */
export function keyType(spec: KeySpec): '1' | '2' {
  return keyKindOf(spec).keyType;
}

export {
  KeyMaterialError,
  requireCapability,
  type DecryptRequest,
  type EncryptRequest,
  type KeyCapabilities,
  type KeyEncryption,
  type KeyMac,
  type KeySigning,
  type SignatureRequest,
  type Unsupported,
} from './kind';
export type { KeyDataKeys } from './datakey-wrapping';
