/**
 * A rotated key: it encrypts and wraps with its newest material, and decrypts and unwraps with
 * the material whose version the ciphertext names (the envelope and DEK-ciphertext headers
 * carry it), so everything made before a rotation still decrypts after it.
 */
import { KmsError } from '../../shared/kms';
import { parseDataKeyBlob } from './datakey-blob';
import {
  requireCapability,
  type KeyCapabilities,
  type KeyDataKeys,
  type KeyEncryption,
} from './key-kinds';
import { Unsupported } from './key-kinds/kind';

function versionNotHeld(): KmsError {
  return new KmsError(
    'KMS.2201',
    'cipher_text names a key-material version this key does not have.',
  );
}

/**
 * `current` is the newest material's capabilities; `byVersion` holds every version, current
 * included. Capabilities that leave no versioned output pass through to the newest material.
 */
export function versionedCapabilities(
  current: KeyCapabilities,
  byVersion: ReadonlyMap<number, KeyCapabilities>,
): KeyCapabilities {
  const atVersion = (version: number): KeyCapabilities => {
    const capabilities = byVersion.get(version);
    if (!capabilities) throw versionNotHeld();
    return capabilities;
  };
  return {
    get encryption() {
      const newest = current.encryption;
      if (newest instanceof Unsupported) return newest;
      const encryption: KeyEncryption = {
        encrypt: (request) => newest.encrypt(request),
        decrypt(request) {
          const version = request.envelope?.header.keyVersion;
          const source = version === undefined ? current : atVersion(version);
          return requireCapability(source.encryption).decrypt(request);
        },
      };
      return encryption;
    },
    get dataKeys() {
      const newest = current.dataKeys;
      if (newest instanceof Unsupported) return newest;
      const dataKeys: KeyDataKeys = {
        digest: (dek) => newest.digest(dek),
        wrap: (request) => newest.wrap(request),
        unwrap(request) {
          const version = parseDataKeyBlob(request.blob)?.header.keyVersion;
          const source = version === undefined ? current : atVersion(version);
          return requireCapability(source.dataKeys).unwrap(request);
        },
      };
      return dataKeys;
    },
    get publicKeyPem() {
      return current.publicKeyPem;
    },
    get signing() {
      return current.signing;
    },
    get mac() {
      return current.mac;
    },
  };
}
