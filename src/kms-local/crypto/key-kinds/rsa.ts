/** RSA_2048/3072/4096: RSA-OAEP with MGF1 over the same hash, as `openssl pkeyutl` and the cloud do. */
import {
  constants,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  type KeyObject,
} from 'node:crypto';
import { KmsError, type EncryptionAlgorithm, type SigningAlgorithm } from '../../../shared/kms';
import { rawEncryption } from './encryption-schemes';
import {
  KeyMaterialError,
  specParameter,
  unsupported,
  type KeyKindDefinition,
  type KeySigning,
} from './kind';
import { signPkcs1, signPss, verifyPkcs1, verifyPss } from './rsa-signatures';
import { generateRsaPkcs8, pkcs8FromSeed, readPkcs8 } from './serialized-forms';
import { messageDigest, requireSigningAlgorithm } from './signature-digests';
import type { SpecOfKind } from './index';

const RSA_BITS: Record<SpecOfKind<'rsa'>, number> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};

type OaepHash = 'sha256' | 'sha1';
const OAEP_HASHES: Partial<Record<EncryptionAlgorithm, OaepHash>> = {
  RSAES_OAEP_SHA_256: 'sha256',
  RSAES_OAEP_SHA_1: 'sha1',
};

const RSA_SIGNING = {
  RSASSA_PSS_SHA_256: { scheme: 'pss', digest: 'sha256' },
  RSASSA_PSS_SHA_384: { scheme: 'pss', digest: 'sha384' },
  RSASSA_PSS_SHA_512: { scheme: 'pss', digest: 'sha512' },
  RSASSA_PKCS1_V1_5_SHA_256: { scheme: 'pkcs1', digest: 'sha256' },
  RSASSA_PKCS1_V1_5_SHA_384: { scheme: 'pkcs1', digest: 'sha384' },
  RSASSA_PKCS1_V1_5_SHA_512: { scheme: 'pkcs1', digest: 'sha512' },
} as const satisfies Partial<Record<SigningAlgorithm, object>>;

function rsaSigning(material: RsaMaterial): KeySigning {
  const prepare = (request: Parameters<KeySigning['sign']>[0]) => {
    const algorithm = requireSigningAlgorithm(request.spec, request.algorithm, RSA_SIGNING);
    const { scheme, digest } = RSA_SIGNING[algorithm];
    return { scheme, digest, hash: messageDigest(request, digest) };
  };
  return {
    sign(request) {
      const { scheme, digest, hash } = prepare(request);
      return scheme === 'pss'
        ? signPss(material.privateKey, digest, hash)
        : signPkcs1(material.privateKey, digest, hash);
    },
    verify(request, signature) {
      const { scheme, digest, hash } = prepare(request);
      return scheme === 'pss'
        ? verifyPss(material.publicKey, digest, hash, signature)
        : verifyPkcs1(material.publicKey, digest, hash, signature);
    },
  };
}

export interface RsaMaterial {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
}

function oaep(key: KeyObject, algorithm: EncryptionAlgorithm) {
  // The algorithm was checked against the spec before: only the OAEP ones reach here.
  const oaepHash = OAEP_HASHES[algorithm] ?? 'sha256';
  return { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash };
}

export const RSA_KIND: KeyKindDefinition<RsaMaterial> = {
  keyType: '2',
  usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  generate: (spec) => generateRsaPkcs8(specParameter(RSA_BITS, spec)),
  load(spec, serialized) {
    const bits = specParameter(RSA_BITS, spec);
    const privateKey = readPkcs8(serialized);
    if (
      privateKey.asymmetricKeyType !== 'rsa' ||
      privateKey.asymmetricKeyDetails?.modulusLength !== bits
    ) {
      throw new KeyMaterialError(`a ${spec} key is an RSA key of ${bits} bits`);
    }
    const publicKey = createPublicKey(privateKey);
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    return { privateKey, publicKey, publicKeyPem };
  },
  fromSeed: pkcs8FromSeed,
  encryption: rawEncryption<RsaMaterial>({
    encrypt: (material, algorithm, plaintext) =>
      publicEncrypt(oaep(material.publicKey, algorithm), plaintext),
    decrypt(material, spec, algorithm, ciphertext) {
      const modulusBytes = specParameter(RSA_BITS, spec) / 8;
      if (ciphertext.length !== modulusBytes) {
        throw new KmsError(
          'KMS.2201',
          `A ${spec} ciphertext is ${modulusBytes} bytes; got ${ciphertext.length}.`,
        );
      }
      try {
        return privateDecrypt(oaep(material.privateKey, algorithm), ciphertext);
      } catch {
        // Wrong key, wrong hash or damaged data: OAEP decoding cannot tell them apart.
        throw new KmsError('KMS.0311');
      }
    },
  }),
  publicKeyPem: (material) => material.publicKeyPem,
  signing: rsaSigning,
  mac: unsupported('KMS.0325', 'An asymmetric key does not make MACs.'),
  dataKeys: unsupported('KMS.0325', 'An asymmetric key cannot wrap data keys.'),
};
