/**
 * HMAC_256/384/512 and HMAC_SM3: keys with usage GENERATE_VERIFY_MAC that make and check MACs
 * with the one algorithm they were created for (OTC: "must be the algorithm used for
 * creating the key"). Every other operation answers KMS.0341, the HMAC key's refusal.
 */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { KmsError, type MacAlgorithm } from '../../../shared/kms';
import { specParameter, unsupported, type KeyKindDefinition, type KeyMac } from './kind';
import { randomSymmetricKey, requireLength, symmetricFromSeed } from './serialized-forms';
import type { DigestName } from './signature-digests';
import type { SpecOfKind } from './index';

interface HmacEntry {
  algorithm: MacAlgorithm;
  digest: DigestName;
  /** Key length: the hash's output length, as the cloud generates them. */
  keyBytes: number;
}

const HMAC_SPECS: Record<SpecOfKind<'hmac'>, HmacEntry> = {
  HMAC_256: { algorithm: 'HMAC_SHA_256', digest: 'sha256', keyBytes: 32 },
  HMAC_384: { algorithm: 'HMAC_SHA_384', digest: 'sha384', keyBytes: 48 },
  HMAC_512: { algorithm: 'HMAC_SHA_512', digest: 'sha512', keyBytes: 64 },
  HMAC_SM3: { algorithm: 'HMAC_SM3', digest: 'sm3', keyBytes: 32 },
};

export interface HmacMaterial {
  entry: HmacEntry;
  key: KeyObject;
}

function hmacOperations(material: HmacMaterial): KeyMac {
  const mac = (algorithm: MacAlgorithm, message: Buffer) => {
    if (algorithm !== material.entry.algorithm) {
      throw new KmsError(
        'KMS.0308',
        `This key makes ${material.entry.algorithm} MACs, not ${algorithm}.`,
      );
    }
    return createHmac(material.entry.digest, material.key).update(message).digest();
  };
  return {
    generate: mac,
    verify(algorithm, message, expected) {
      const actual = mac(algorithm, message);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

const REFUSAL = unsupported('KMS.0341');

export const HMAC_KIND: KeyKindDefinition<HmacMaterial> = {
  keyType: '1',
  usages: ['GENERATE_VERIFY_MAC'],
  generate: (spec) => randomSymmetricKey(specParameter(HMAC_SPECS, spec).keyBytes),
  load(spec, serialized) {
    const entry = specParameter(HMAC_SPECS, spec);
    return {
      entry,
      key: createSecretKey(Buffer.from(requireLength(spec, serialized, entry.keyBytes))),
    };
  },
  fromSeed: (spec, text) => symmetricFromSeed(spec, specParameter(HMAC_SPECS, spec).keyBytes, text),
  encryption: REFUSAL,
  publicKeyPem: REFUSAL,
  signing: REFUSAL,
  mac: hmacOperations,
  dataKeys: REFUSAL,
};
