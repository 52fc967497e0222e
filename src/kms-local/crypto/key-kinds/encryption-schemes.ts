/**
 * The two ways a kind encrypts, with the service's rules for each:
 * - envelope (symmetric kinds): SYMMETRIC_DEFAULT only, the self-describing envelope, the
 *   encryption context bound as associated data;
 * - raw (asymmetric kinds): the spec's algorithms only, no associated data, the OAEP length
 *   bound, and the raw RSA/SM2 output as the cloud returns it.
 */
import {
  KEY_SPEC_INFO,
  KmsError,
  maxPlainTextBytes,
  type EncryptionAlgorithm,
  type KeySpec,
} from '../../../shared/kms';
import { associatedDataFor, canonicalAssociatedData, hasAssociatedData } from '../associated-data';
import { openSymmetric, sealSymmetric, type SymmetricCipher } from '../symmetric-envelope';
import type { KeyEncryption } from './kind';

function requireSymmetricDefault(spec: KeySpec, algorithm: EncryptionAlgorithm): void {
  if (algorithm !== 'SYMMETRIC_DEFAULT') {
    throw new KmsError('KMS.2105', `A ${spec} key takes SYMMETRIC_DEFAULT only.`);
  }
}

export function envelopeEncryption<M>(
  cipher: SymmetricCipher<M>,
): (material: M, materialVersion: number) => KeyEncryption {
  return (material, materialVersion) => ({
    encrypt(request) {
      requireSymmetricDefault(request.spec, request.algorithm);
      const canonical = canonicalAssociatedData(
        request.encryptionContext,
        request.additionalAuthenticatedData,
      );
      return sealSymmetric(
        cipher,
        material,
        request.keyId,
        request.plaintext,
        canonical,
        materialVersion,
      );
    },

    decrypt(request) {
      requireSymmetricDefault(request.spec, request.algorithm ?? 'SYMMETRIC_DEFAULT');
      const envelope = request.envelope;
      const { sealed, canonical } = associatedDataFor(envelope, cipher.algorithm, request, {
        foreign: 'cipher_text is not a ciphertext of this key.',
        mismatch: 'The encryption context does not match the one used to encrypt.',
      });
      const plaintext = openSymmetric(cipher, material, sealed, canonical);
      if (!plaintext) throw new KmsError('KMS.2201', 'cipher_text is damaged or was altered.');
      return plaintext;
    },
  });
}

export interface RawCipher<M> {
  encrypt(material: M, algorithm: EncryptionAlgorithm, plaintext: Buffer): Buffer;
  /** The plaintext; a ciphertext this key cannot open throws the kind's KmsError. */
  decrypt(material: M, spec: KeySpec, algorithm: EncryptionAlgorithm, ciphertext: Buffer): Buffer;
}

function requireSpecAlgorithm(spec: KeySpec, algorithm: EncryptionAlgorithm): void {
  const algorithms = KEY_SPEC_INFO[spec].algorithms;
  if (!algorithms.includes(algorithm)) {
    throw new KmsError(
      'KMS.2106',
      `A ${spec} key takes ${algorithms.join(' or ')}, not ${algorithm}.`,
    );
  }
}

function refuseAssociatedData(
  context: Record<string, string> | undefined,
  aad: string | undefined,
): void {
  if (hasAssociatedData(context, aad)) {
    throw new KmsError(
      'KMS.0208',
      'Asymmetric keys take no encryption_context or additional_authenticated_data.',
    );
  }
}

export function rawEncryption<M>(cipher: RawCipher<M>): (material: M) => KeyEncryption {
  return (material) => ({
    encrypt(request) {
      requireSpecAlgorithm(request.spec, request.algorithm);
      refuseAssociatedData(request.encryptionContext, request.additionalAuthenticatedData);
      const limit = maxPlainTextBytes(request.spec, request.algorithm);
      if (request.plaintext.length > limit) {
        throw new KmsError(
          'KMS.2108',
          `${request.spec} with ${request.algorithm} encrypts at most ${limit} bytes; got ${request.plaintext.length}.`,
        );
      }
      return cipher.encrypt(material, request.algorithm, request.plaintext);
    },

    decrypt(request) {
      const algorithm = request.algorithm ?? 'SYMMETRIC_DEFAULT';
      requireSpecAlgorithm(request.spec, algorithm);
      refuseAssociatedData(request.encryptionContext, request.additionalAuthenticatedData);
      return cipher.decrypt(material, request.spec, algorithm, request.ciphertext);
    },
  });
}
