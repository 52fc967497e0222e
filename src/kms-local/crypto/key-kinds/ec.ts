/**
 * EC_P256, EC_P384 and SECP256K1: sign-only keys; encrypt and decrypt answer KMS.1114 as in the
 * cloud. ECDSA signatures are DER (what OpenSSL writes and reads). Node signs only messages it
 * hashes itself, and message_type DIGEST hands us the hash, so the ECDSA arithmetic is
 * @noble/curves' with the hash given as is.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { p256, p384 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { KmsError, type SigningAlgorithm } from '../../../shared/kms';
import { lazy } from './lazy';
import {
  KeyMaterialError,
  specParameter,
  unsupported,
  type KeyKindDefinition,
  type KeySigning,
  type SignatureRequest,
} from './kind';
import { generateEcPkcs8, pkcs8FromSeed, readPkcs8 } from './serialized-forms';
import { messageDigest, requireSigningAlgorithm, type DigestName } from './signature-digests';
import type { SpecOfKind } from './index';

type Ecdsa = typeof p256;

interface CurveEntry {
  /** OpenSSL's name. */
  opensslName: string;
  ecdsa: Ecdsa;
  /** The one algorithm each curve signs with (KMS-API-2.md §3.2). */
  algorithms: Partial<Record<SigningAlgorithm, DigestName>>;
}

const EC_CURVES: Record<SpecOfKind<'ec'>, CurveEntry> = {
  EC_P256: { opensslName: 'prime256v1', ecdsa: p256, algorithms: { ECDSA_SHA_256: 'sha256' } },
  EC_P384: { opensslName: 'secp384r1', ecdsa: p384, algorithms: { ECDSA_SHA_384: 'sha384' } },
  SECP256K1: {
    opensslName: 'secp256k1',
    ecdsa: secp256k1,
    algorithms: { ECDSA_SHA_256: 'sha256' },
  },
};

export interface EcMaterial {
  curve: CurveEntry;
  privateKey: KeyObject;
  publicKey: () => KeyObject;
  publicKeyPem: () => string;
  /** The private scalar and the uncompressed public point, as @noble/curves takes them. */
  rawKeys: () => { scalar: Buffer; publicPoint: Buffer };
}

function rawKeysOf(privateKey: KeyObject) {
  const jwk = privateKey.export({ format: 'jwk' });
  if (!jwk.d || !jwk.x || !jwk.y) throw new KeyMaterialError('the EC key has no JWK form');
  return {
    scalar: Buffer.from(jwk.d, 'base64url'),
    publicPoint: Buffer.concat([
      Buffer.from([0x04]),
      Buffer.from(jwk.x, 'base64url'),
      Buffer.from(jwk.y, 'base64url'),
    ]),
  };
}

function ecdsaSigning(material: EcMaterial): KeySigning {
  const curve = material.curve;
  const digestNameOf = (request: SignatureRequest): DigestName => {
    const algorithm = requireSigningAlgorithm(request.spec, request.algorithm, curve.algorithms);
    const digest = curve.algorithms[algorithm];
    if (digest === undefined) throw new Error(`${algorithm} has no digest`);
    return digest;
  };
  return {
    sign(request) {
      const digest = digestNameOf(request);
      // A RAW message goes to Node (native, several times faster); a digest to @noble/curves.
      if (request.messageType === 'RAW') return sign(digest, request.message, material.privateKey);
      const hash = messageDigest(request, digest);
      const signature = curve.ecdsa.sign(hash, material.rawKeys().scalar, { prehash: false });
      return Buffer.from(signature.toDERRawBytes());
    },
    verify(request, signature) {
      const digest = digestNameOf(request);
      try {
        if (request.messageType === 'RAW') {
          return verify(digest, request.message, material.publicKey(), signature);
        }
        // lowS off: OpenSSL does not normalise s, and its signatures must verify here.
        return curve.ecdsa.verify(
          signature,
          messageDigest(request, digest),
          material.rawKeys().publicPoint,
          {
            prehash: false,
            lowS: false,
            format: 'der',
          },
        );
      } catch (error) {
        if (error instanceof KmsError) throw error;
        return false;
      }
    },
  };
}

export const EC_KIND: KeyKindDefinition<EcMaterial> = {
  keyType: '2',
  usages: ['SIGN_VERIFY'],
  generate: (spec) => generateEcPkcs8(specParameter(EC_CURVES, spec).opensslName),
  load(spec, serialized) {
    const curve = specParameter(EC_CURVES, spec);
    const privateKey = readPkcs8(serialized);
    if (
      privateKey.asymmetricKeyType !== 'ec' ||
      privateKey.asymmetricKeyDetails?.namedCurve !== curve.opensslName
    ) {
      throw new KeyMaterialError(`a ${spec} key is an EC key on ${curve.opensslName}`);
    }
    return {
      curve,
      privateKey,
      publicKey: lazy(() => createPublicKey(privateKey)),
      publicKeyPem: lazy(() =>
        createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
      ),
      rawKeys: lazy(() => rawKeysOf(privateKey)),
    };
  },
  fromSeed: pkcs8FromSeed,
  encryption: unsupported('KMS.1114'),
  publicKeyPem: (material) => material.publicKeyPem(),
  signing: ecdsaSigning,
  mac: unsupported('KMS.0325', 'An asymmetric key does not make MACs.'),
  dataKeys: unsupported('KMS.1114'),
};
