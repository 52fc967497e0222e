/**
 * ED25519: sign-only keys. ED25519_SHA_512 is pure Ed25519 (RFC 8032), which signs the message
 * itself, so it takes message_type RAW only. ED25519_PH_SHA_512 (Ed25519ph) is not offered:
 * neither Node nor OpenSSL 3.0 makes or checks it, so nothing here could prove it right.
 */
import { createPublicKey, generateKeyPair, sign, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { KmsError } from '../../../shared/kms';
import { lazy } from './lazy';
import {
  KeyMaterialError,
  unsupported,
  type KeyKindDefinition,
  type KeySigning,
  type SignatureRequest,
} from './kind';
import { pkcs8FromSeed, readPkcs8 } from './serialized-forms';
import { requireSigningAlgorithm } from './signature-digests';

const generateKeyPairAsync = promisify(generateKeyPair);

const ED25519_SIGNING = { ED25519_SHA_512: 'pure' } as const;

export interface Ed25519Material {
  privateKey: KeyObject;
  publicKey: () => KeyObject;
}

function requireRawMessage(request: SignatureRequest): void {
  requireSigningAlgorithm(request.spec, request.algorithm, ED25519_SIGNING);
  if (request.messageType !== 'RAW') {
    throw new KmsError(
      'KMS.0308',
      'ED25519_SHA_512 signs the message itself: send message_type RAW.',
    );
  }
}

function ed25519Signing(material: Ed25519Material): KeySigning {
  return {
    sign(request) {
      requireRawMessage(request);
      return sign(null, request.message, material.privateKey);
    },
    verify(request, signature) {
      requireRawMessage(request);
      try {
        return verify(null, request.message, material.publicKey(), signature);
      } catch {
        return false;
      }
    },
  };
}

export const ED25519_KIND: KeyKindDefinition<Ed25519Material> = {
  keyType: '2',
  usages: ['SIGN_VERIFY'],
  async generate() {
    const pair = await generateKeyPairAsync('ed25519');
    return pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  },
  load(spec, serialized) {
    const privateKey = readPkcs8(serialized);
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new KeyMaterialError(`a ${spec} key is an Ed25519 key`);
    }
    return { privateKey, publicKey: lazy(() => createPublicKey(privateKey)) };
  },
  fromSeed: pkcs8FromSeed,
  encryption: unsupported('KMS.1114', 'An Ed25519 key signs only.'),
  publicKeyPem: (material) =>
    material.publicKey().export({ type: 'spki', format: 'pem' }).toString(),
  signing: ed25519Signing,
  mac: unsupported('KMS.0325', 'An asymmetric key does not make MACs.'),
  dataKeys: unsupported('KMS.1114', 'An Ed25519 key signs only.'),
};
