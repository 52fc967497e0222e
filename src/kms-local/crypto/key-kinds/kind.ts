/**
 * What a key kind is: how its material is made, stored and read back, and what a loaded key
 * can do. Every capability is present in every kind, either implemented or an explicit
 * `unsupported(...)` that answers with the cloud's error, so no operation falls through to
 * another kind's code.
 */
import {
  KmsError,
  type EncryptionAlgorithm,
  type KeySpec,
  type KeyUsage,
  type KmsErrorCode,
  type MacAlgorithm,
  type MessageType,
  type SigningAlgorithm,
} from '../../../shared/kms';
import type { Envelope } from '../envelope';
import type { KeyDataKeys } from './datakey-wrapping';

/** Material that does not fit its spec (a seed file's, or a damaged key file's). */
export class KeyMaterialError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyMaterialError';
  }
}

/** A capability a kind does not have, and the KMS error that says so. */
export class Unsupported {
  constructor(
    private readonly code: KmsErrorCode,
    private readonly message?: string,
  ) {}

  error(): KmsError {
    return new KmsError(this.code, this.message);
  }
}

export type Capability<T> = T | Unsupported;

export function unsupported(code: KmsErrorCode, message?: string): Unsupported {
  return new Unsupported(code, message);
}

/** The capability, or the kind's own refusal thrown as a KmsError. */
export function requireCapability<T>(capability: Capability<T>): T {
  if (capability instanceof Unsupported) throw capability.error();
  return capability;
}

export interface EncryptRequest {
  keyId: string;
  spec: KeySpec;
  algorithm: EncryptionAlgorithm;
  plaintext: Buffer;
  encryptionContext: Record<string, string> | undefined;
  additionalAuthenticatedData: string | undefined;
}

export interface DecryptRequest {
  keyId: string;
  spec: KeySpec;
  /** Absent means SYMMETRIC_DEFAULT, as on the wire. */
  algorithm: EncryptionAlgorithm | undefined;
  ciphertext: Buffer;
  /** The ciphertext read as a symmetric envelope, or null when it is not one. */
  envelope: Envelope | null;
  encryptionContext: Record<string, string> | undefined;
  additionalAuthenticatedData: string | undefined;
}

/** encrypt-data and decrypt-data for one key; the service's rules included, as KmsErrors. */
export interface KeyEncryption {
  encrypt(request: EncryptRequest): Buffer;
  decrypt(request: DecryptRequest): Buffer;
}

export interface SignatureRequest {
  spec: KeySpec;
  algorithm: SigningAlgorithm;
  messageType: MessageType;
  /** The digest (DIGEST) or the message itself (RAW), decoded from Base64. */
  message: Buffer;
}

/** sign and verify for one key; the algorithm and digest checks included, as KmsErrors. */
export interface KeySigning {
  sign(request: SignatureRequest): Buffer;
  /** False for a signature that does not verify, however malformed. */
  verify(request: SignatureRequest, signature: Buffer): boolean;
}

/** generate-mac and verify-mac for one HMAC key. */
export interface KeyMac {
  generate(algorithm: MacAlgorithm, message: Buffer): Buffer;
  verify(algorithm: MacAlgorithm, message: Buffer, mac: Buffer): boolean;
}

/** What a loaded key can do, each capability bound to that key's own material. */
export interface KeyCapabilities {
  encryption: Capability<KeyEncryption>;
  /** The SubjectPublicKeyInfo PEM get-publickey returns. */
  publicKeyPem: Capability<string>;
  signing: Capability<KeySigning>;
  mac: Capability<KeyMac>;
  /** create-datakey and its siblings: wrapping DEKs under this key. */
  dataKeys: Capability<KeyDataKeys>;
}

/** One kind, written against its own material type `M`. */
export interface KeyKindDefinition<M> {
  /** key_type on the wire: "1" symmetric, "2" asymmetric (docs/local-kms.md). */
  keyType: '1' | '2';
  /** Usages a key of this kind may have; the first is the one create-key defaults to. */
  usages: readonly [KeyUsage, ...KeyUsage[]];
  /** Fresh material in its at-rest form (raw bytes, or PKCS#8 DER for key pairs). */
  generate(spec: KeySpec): Promise<Buffer>;
  /** The at-rest form read into usable keys; throws KeyMaterialError if it does not fit. */
  load(spec: KeySpec, serialized: Buffer): M;
  /** A seed file's key_material in the at-rest form (checked by `load` afterwards). */
  fromSeed(spec: KeySpec, text: string): Buffer;
  /**
   * Whether the key may rotate. Only kinds whose every output names the material version
   * (the symmetric envelope and DEK ciphertext) can: raw RSA/SM2 output, signatures and MACs
   * would stop verifying or decrypting under new material.
   */
  rotatable?: boolean;
  /** Takes the material's version: what it seals names it, so rotated keys still decrypt. */
  encryption: Capability<(material: M, materialVersion: number) => KeyEncryption>;
  publicKeyPem: Capability<(material: M) => string>;
  signing: Capability<(material: M) => KeySigning>;
  mac: Capability<(material: M) => KeyMac>;
  dataKeys: Capability<(material: M, materialVersion: number) => KeyDataKeys>;
}

/** A kind as the rest of the service sees it: its material type stays inside. */
export interface KeyKind {
  keyType: '1' | '2';
  usages: readonly [KeyUsage, ...KeyUsage[]];
  rotatable: boolean;
  generate(spec: KeySpec): Promise<Buffer>;
  /** `materialVersion` (default 1) is what the key's ciphertexts name (rotation). */
  load(spec: KeySpec, serialized: Buffer, materialVersion?: number): KeyCapabilities;
  /**
   * `load` without reading the material until a capability is first used: for material the
   * keystore wrote after `load` accepted it, authenticated since under the root key. Parsing
   * a key pair takes 1–2 ms, which made a store of thousands of keys slow to open.
   */
  loadDeferred(spec: KeySpec, serialized: Buffer, materialVersion?: number): KeyCapabilities;
  fromSeed(spec: KeySpec, text: string): Buffer;
}

function bind<M, T>(
  capability: Capability<(material: M, materialVersion: number) => T>,
  materialOf: () => M,
  materialVersion: number,
): Capability<T> {
  return capability instanceof Unsupported ? capability : capability(materialOf(), materialVersion);
}

export function defineKeyKind<M>(definition: KeyKindDefinition<M>): KeyKind {
  return {
    keyType: definition.keyType,
    usages: definition.usages,
    rotatable: definition.rotatable ?? false,
    generate: (spec) => definition.generate(spec),
    fromSeed: (spec, text) => definition.fromSeed(spec, text),
    load(spec, serialized, materialVersion = 1) {
      const material = definition.load(spec, serialized);
      return boundLazily(definition, () => material, materialVersion);
    },
    loadDeferred(spec, serialized, materialVersion = 1) {
      const copy = Buffer.from(serialized);
      let material: M | undefined;
      const materialOf = () => {
        if (material === undefined) {
          material = definition.load(spec, copy);
          copy.fill(0);
        }
        return material;
      };
      return boundLazily(definition, materialOf, materialVersion);
    },
  };
}

/**
 * Capabilities bound on first use: binding may derive things (a public key PEM) that most keys
 * of a large store never need, and start-up loads every key. A refusal needs no material.
 */
function boundLazily<M>(
  definition: KeyKindDefinition<M>,
  materialOf: () => M,
  materialVersion: number,
): KeyCapabilities {
  const lazily = <T>(capability: Capability<(material: M, materialVersion: number) => T>) => {
    let bound: Capability<T> | undefined;
    return () => (bound ??= bind(capability, materialOf, materialVersion));
  };
  const encryption = lazily(definition.encryption);
  const publicKeyPem = lazily(definition.publicKeyPem);
  const signing = lazily(definition.signing);
  const mac = lazily(definition.mac);
  const dataKeys = lazily(definition.dataKeys);
  return {
    get encryption() {
      return encryption();
    },
    get publicKeyPem() {
      return publicKeyPem();
    },
    get signing() {
      return signing();
    },
    get mac() {
      return mac();
    },
    get dataKeys() {
      return dataKeys();
    },
  };
}

function isSpecOf<S extends KeySpec>(table: Record<S, unknown>, spec: KeySpec): spec is S {
  return Object.hasOwn(table, spec);
}

/**
 * A kind's parameter for one of its specs (RSA modulus bits, EC curve). Only the kind table
 * hands a kind its specs, so a miss is a programming error, not a user error.
 */
export function specParameter<S extends KeySpec, P>(table: Record<S, P>, spec: KeySpec): P {
  if (!isSpecOf(table, spec)) throw new Error(`${spec} is not a spec of this key kind`);
  return table[spec];
}
