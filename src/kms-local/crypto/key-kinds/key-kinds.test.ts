import {
  constants,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  KEY_SPEC_INFO,
  KEY_SPECS,
  KmsError,
  type KeySpec,
  type KeyUsage,
  type SigningAlgorithm,
} from '../../../shared/kms';
import { parseEnvelope } from '../envelope';
import {
  allowedUsages,
  defaultKeyUsage,
  generateSerializedMaterial,
  KeyMaterialError,
  keyType,
  loadKey,
  loadStoredKey,
  requireCapability,
  serializedMaterialFromSeed,
  type KeyCapabilities,
} from '.';

const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

function kmsCodeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof KmsError) return error.code;
    throw error;
  }
  throw new Error('expected a KmsError');
}

const loaded = new Map<KeySpec, KeyCapabilities>();
async function keyOf(spec: KeySpec): Promise<KeyCapabilities> {
  const known = loaded.get(spec);
  if (known) return known;
  const key = loadKey(spec, await generateSerializedMaterial(spec));
  loaded.set(spec, key);
  return key;
}

function encryptRequest(spec: KeySpec, plaintext: Buffer) {
  return {
    keyId: KEY_ID,
    spec,
    algorithm: KEY_SPEC_INFO[spec].algorithms[0] ?? 'SYMMETRIC_DEFAULT',
    plaintext,
    encryptionContext: undefined,
    additionalAuthenticatedData: undefined,
  };
}

function decryptRequest(spec: KeySpec, ciphertext: Buffer) {
  return {
    ...encryptRequest(spec, Buffer.alloc(0)),
    ciphertext,
    envelope: parseEnvelope(ciphertext),
  };
}

/** How each spec without encryption algorithms refuses encrypt-data. */
const ENCRYPTION_REFUSAL: Partial<Record<KeySpec, string>> = {
  EC_P256: 'KMS.1114',
  EC_P384: 'KMS.1114',
  SECP256K1: 'KMS.1114',
  ED25519: 'KMS.1114',
  HMAC_256: 'KMS.0341',
  HMAC_384: 'KMS.0341',
  HMAC_512: 'KMS.0341',
  HMAC_SM3: 'KMS.0341',
};

/** The signing algorithm each asymmetric spec is checked with; absent: the spec does not sign. */
const SIGNING_ALGORITHM: Partial<Record<KeySpec, SigningAlgorithm>> = {
  RSA_2048: 'RSASSA_PSS_SHA_256',
  RSA_3072: 'RSASSA_PKCS1_V1_5_SHA_384',
  RSA_4096: 'RSASSA_PSS_SHA_512',
  SM2: 'SM2DSA_SM3',
  EC_P256: 'ECDSA_SHA_256',
  EC_P384: 'ECDSA_SHA_384',
  SECP256K1: 'ECDSA_SHA_256',
  ED25519: 'ED25519_SHA_512',
};

describe.each(KEY_SPECS.map((spec) => [spec]))('the %s entry', (spec) => {
  it('generates material that loads, and encrypts as the wire contract says', async () => {
    const key = await keyOf(spec);
    if (KEY_SPEC_INFO[spec].algorithms.length === 0) {
      expect(kmsCodeOf(() => requireCapability(key.encryption))).toBe(ENCRYPTION_REFUSAL[spec]);
      return;
    }
    const encryption = requireCapability(key.encryption);
    const plaintext = Buffer.from(`round trip through ${spec}`);
    const ciphertext = encryption.encrypt(encryptRequest(spec, plaintext));
    expect(ciphertext.equals(plaintext)).toBe(false);
    expect(encryption.decrypt(decryptRequest(spec, ciphertext))).toEqual(plaintext);
  }, 30_000);

  it('has a public key and signs exactly when it is asymmetric', async () => {
    const key = await keyOf(spec);
    const algorithm = SIGNING_ALGORITHM[spec];
    if (keyType(spec) === '1') {
      expect(kmsCodeOf(() => requireCapability(key.publicKeyPem))).toMatch(/^KMS\.(0308|0341)$/);
      expect(kmsCodeOf(() => requireCapability(key.signing))).toMatch(/^KMS\.(1115|0341)$/);
      return;
    }
    expect(requireCapability(key.publicKeyPem)).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    if (!algorithm) throw new Error(`no signing algorithm listed for ${spec}`);
    const request = {
      spec,
      algorithm,
      messageType: 'RAW' as const,
      message: Buffer.from(`signed by ${spec}`),
    };
    const signing = requireCapability(key.signing);
    const signature = signing.sign(request);
    expect(signing.verify(request, signature)).toBe(true);
    expect(signing.verify({ ...request, message: Buffer.from('another message') }, signature)).toBe(
      false,
    );
  }, 30_000);
});

describe('wire attributes per spec', () => {
  const expected: Record<KeySpec, [keyType: string, usages: KeyUsage[]]> = {
    AES_256: ['1', ['ENCRYPT_DECRYPT']],
    SM4: ['1', ['ENCRYPT_DECRYPT']],
    RSA_2048: ['2', ['ENCRYPT_DECRYPT', 'SIGN_VERIFY']],
    RSA_3072: ['2', ['ENCRYPT_DECRYPT', 'SIGN_VERIFY']],
    RSA_4096: ['2', ['ENCRYPT_DECRYPT', 'SIGN_VERIFY']],
    SM2: ['2', ['ENCRYPT_DECRYPT', 'SIGN_VERIFY']],
    EC_P256: ['2', ['SIGN_VERIFY']],
    EC_P384: ['2', ['SIGN_VERIFY']],
    SECP256K1: ['2', ['SIGN_VERIFY']],
    ED25519: ['2', ['SIGN_VERIFY']],
    HMAC_256: ['1', ['GENERATE_VERIFY_MAC']],
    HMAC_384: ['1', ['GENERATE_VERIFY_MAC']],
    HMAC_512: ['1', ['GENERATE_VERIFY_MAC']],
    HMAC_SM3: ['1', ['GENERATE_VERIFY_MAC']],
  };
  it.each(KEY_SPECS.map((spec) => [spec]))('%s', (spec) => {
    const [type, usages] = expected[spec];
    expect(keyType(spec)).toBe(type);
    expect(allowedUsages(spec)).toEqual(usages);
    expect(defaultKeyUsage(spec)).toBe(usages[0]);
  });
});

describe('cross-checks', () => {
  it('an RSA public key from the table encrypts what Node’s OAEP decrypts back through it', () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const key = loadKey('RSA_2048', serializedMaterialFromSeed('RSA_2048', pem));
    const publicPem = requireCapability(key.publicKeyPem);
    const plaintext = Buffer.from('independent OAEP');
    const ciphertext = publicEncrypt(
      { key: publicPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      plaintext,
    );
    const decrypted = requireCapability(key.encryption).decrypt(
      decryptRequest('RSA_2048', ciphertext),
    );
    expect(decrypted).toEqual(plaintext);
  });

  it('a symmetric kind refuses the other symmetric kind’s envelope', async () => {
    const aes = requireCapability((await keyOf('AES_256')).encryption);
    const sm4 = requireCapability((await keyOf('SM4')).encryption);
    const ciphertext = aes.encrypt(encryptRequest('AES_256', Buffer.from('x')));
    expect(kmsCodeOf(() => sm4.decrypt(decryptRequest('SM4', ciphertext)))).toBe('KMS.2201');
  });
});

describe('stored material, read on first use', () => {
  it('is not parsed when loaded: damaged material fails only when a capability needs it', () => {
    const key = loadStoredKey('RSA_2048', randomBytes(1200));
    // A refusal needs no material.
    expect(kmsCodeOf(() => requireCapability(key.mac))).toBe('KMS.0325');
    expect(() => key.signing).toThrow(KeyMaterialError);
  });

  it('works like loadKey once used', async () => {
    const serialized = await generateSerializedMaterial('EC_P256');
    const eager = loadKey('EC_P256', serialized);
    const deferred = loadStoredKey('EC_P256', serialized);
    serialized.fill(0);
    const request = {
      spec: 'EC_P256' as const,
      algorithm: 'ECDSA_SHA_256' as const,
      messageType: 'RAW' as const,
      message: Buffer.from('deferred'),
    };
    const signature = requireCapability(deferred.signing).sign(request);
    expect(requireCapability(eager.signing).verify(request, signature)).toBe(true);
    expect(requireCapability(deferred.publicKeyPem)).toBe(requireCapability(eager.publicKeyPem));
  });
});

describe('material that does not fit its spec', () => {
  const pkcs8Pem = (pair: { privateKey: KeyObject }) =>
    pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const p256 = pkcs8Pem(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }));
  const rsa2048 = pkcs8Pem(generateKeyPairSync('rsa', { modulusLength: 2048 }));

  it.each([
    ['AES_256', randomBytes(16).toString('hex')],
    ['SM4', randomBytes(32).toString('base64')],
    ['SM4', 'not key material'],
    ['RSA_3072', rsa2048],
    ['EC_P384', p256],
    ['SM2', p256],
    ['RSA_2048', p256],
    ['EC_P256', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'],
  ] as const)('%s refuses %#', (spec, text) => {
    expect(() => serializedMaterialFromSeed(spec, text)).toThrow(KeyMaterialError);
  });

  it('a damaged at-rest form is refused too', () => {
    expect(() => loadKey('AES_256', randomBytes(31))).toThrow(KeyMaterialError);
    expect(() => loadKey('SM2', randomBytes(121))).toThrow(KeyMaterialError);
    expect(() => loadKey('RSA_2048', randomBytes(1200))).toThrow(KeyMaterialError);
  });
});
