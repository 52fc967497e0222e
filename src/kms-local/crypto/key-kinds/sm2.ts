/**
 * SM2: GB/T 32918.4 encryption with SM3, raw DER output as OpenSSL 3 and the cloud give; and
 * SM2DSA_SM3 signatures (GB/T 32918.2, DER, the default user id "1234567812345678" in Z, as
 * OpenSSL 3 uses). The arithmetic is sm-crypto-v2's: Node 20 cannot use SM2 keys.
 *
 * Loading reads only the private scalar. The public key and its precomputed multiples (~70 ms
 * of blocking work per key) are derived on first use: a store of hundreds of SM2 keys used to
 * stall start-up and every create for that long per key.
 */
import { sm2 } from 'sm-crypto-v2';
import { KmsError } from '../../../shared/kms';
import {
  decodeSm2Ciphertext,
  encodeSm2Ciphertext,
  Sm2KeyError,
  sm2PrivateScalar,
  sm2PublicKeyPem,
} from '../sm2-codec';
import { rawEncryption } from './encryption-schemes';
import { lazy } from './lazy';
import {
  KeyMaterialError,
  unsupported,
  type KeyKindDefinition,
  type KeySigning,
  type SignatureRequest,
} from './kind';
import { generateEcPkcs8, pkcs8FromSeed } from './serialized-forms';
import { requireSigningAlgorithm, DIGEST_BYTES } from './signature-digests';

/** GB/T 32918.2's default signer id, which OpenSSL 3 also uses when none is set. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

const SM2_SIGNING = { SM2DSA_SM3: 'sm3' } as const;

export interface Sm2Material {
  privateKeyHex: string;
  publicKeyHex: () => string;
  /** Precomputed multiples of the public point: make encryption several times faster. */
  publicPoint: () => ReturnType<typeof sm2.precomputePublicKey>;
  publicKeyPem: () => string;
}

function privateScalar(serialized: Buffer): Buffer {
  try {
    return sm2PrivateScalar(serialized);
  } catch (error) {
    if (error instanceof Sm2KeyError) throw new KeyMaterialError(error.message);
    throw new KeyMaterialError('the private key is not an SM2 PKCS#8 key');
  }
}

function sm2Decrypt(material: Sm2Material, ciphertext: Buffer): Buffer | null {
  const hex = decodeSm2Ciphertext(ciphertext);
  if (hex === null) return null;
  try {
    // fromHex inside sm-crypto-v2 rejects points that are not on the curve (throws).
    const plaintext = sm2.doDecrypt(hex, material.privateKeyHex, 1, { output: 'array' });
    return plaintext.length === 0 ? null : Buffer.from(plaintext);
  } catch {
    return null;
  }
}

/** With DIGEST the message is e = SM3(Z ‖ M), already computed; with RAW it is M. */
function signedInput(request: SignatureRequest): { input: Uint8Array; hash: boolean } {
  requireSigningAlgorithm(request.spec, request.algorithm, SM2_SIGNING);
  if (request.messageType === 'RAW') return { input: request.message, hash: true };
  if (request.message.length !== DIGEST_BYTES.sm3) {
    throw new KmsError(
      'KMS.0329',
      `SM2DSA_SM3 with message_type DIGEST takes the 32-byte SM3(Z ‖ M); got ${request.message.length} bytes.`,
    );
  }
  return { input: request.message, hash: false };
}

function sm2Signing(material: Sm2Material): KeySigning {
  return {
    sign(request) {
      const { input, hash } = signedInput(request);
      const signatureHex = sm2.doSignature(input, material.privateKeyHex, {
        der: true,
        hash,
        publicKey: material.publicKeyHex(),
        userId: SM2_DEFAULT_USER_ID,
      });
      return Buffer.from(signatureHex, 'hex');
    },
    verify(request, signature) {
      const { input, hash } = signedInput(request);
      try {
        return sm2.doVerifySignature(input, signature.toString('hex'), material.publicPoint(), {
          der: true,
          hash,
          userId: SM2_DEFAULT_USER_ID,
        });
      } catch {
        return false;
      }
    },
  };
}

export const SM2_KIND: KeyKindDefinition<Sm2Material> = {
  keyType: '2',
  usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  generate: () => generateEcPkcs8('SM2'),
  load(_spec, serialized) {
    const privateKeyHex = privateScalar(serialized).toString('hex');
    const publicKeyHex = lazy(() => sm2.getPublicKeyFromPrivateKey(privateKeyHex));
    return {
      privateKeyHex,
      publicKeyHex,
      publicPoint: lazy(() => sm2.precomputePublicKey(publicKeyHex())),
      publicKeyPem: lazy(() => sm2PublicKeyPem(publicKeyHex())),
    };
  },
  fromSeed: pkcs8FromSeed,
  encryption: rawEncryption<Sm2Material>({
    encrypt: (material, _algorithm, plaintext) =>
      encodeSm2Ciphertext(sm2.doEncrypt(Uint8Array.from(plaintext), material.publicPoint(), 1)),
    decrypt(material, _spec, _algorithm, ciphertext) {
      const plaintext = sm2Decrypt(material, ciphertext);
      if (!plaintext) {
        throw new KmsError('KMS.2201', 'cipher_text is not an SM2 ciphertext of this key.');
      }
      return plaintext;
    },
  }),
  publicKeyPem: (material) => material.publicKeyPem(),
  signing: sm2Signing,
  mac: unsupported('KMS.0325', 'An asymmetric key does not make MACs.'),
  dataKeys: unsupported('KMS.0325', 'An asymmetric key cannot wrap data keys.'),
};
