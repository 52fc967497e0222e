/**
 * re-encrypt (KMS-API-2.md §3.4): decrypt under the source key and encrypt under the
 * destination key without the plaintext leaving the service. Two forms:
 * - data ciphertext (Base64, as encrypt-data gives): a symmetric ciphertext names its source
 *   key, an asymmetric one needs source_key_id and source_encryption_algorithm;
 * - data-key ciphertext (hex, as create-datakey gives), chosen by datakey_cipher_length: it
 *   is only ever re-wrapped into a data-key ciphertext (§3.4).
 * AAD and encryption context are given per side, so either may change on the way.
 */
import {
  isHex,
  KmsError,
  wholeNumberValue,
  type EncryptionAlgorithm,
  type KmsRequest,
  type KmsResponse,
} from '../../shared/kms';
import { parseDataKeyBlob } from '../crypto/datakey-blob';
import { parseEnvelope } from '../crypto/envelope';
import type { Keystore, StoredKey } from '../keystore/keystore';
import { ciphertextKeyId, encryptionKey, wrappingKey } from './key-rules';
import type { OperationContext, OperationGroup } from './operation-group';
import { decodeCipherText } from './plaintext-fields';

type ReEncryptRequest = KmsRequest<'re-encrypt'>;

function sourceKeyId(request: ReEncryptRequest, namedKeyId: string | undefined): string {
  const fields = {
    algorithm: request.source_encryption_algorithm,
    keyId: request.source_key_id,
    asymmetricNeeds: 'source_key_id',
  };
  return ciphertextKeyId(fields, namedKeyId);
}

function sides(request: ReEncryptRequest) {
  return {
    sourceAlgorithm: request.source_encryption_algorithm ?? 'SYMMETRIC_DEFAULT',
    destinationAlgorithm: request.destination_encryption_algorithm ?? 'SYMMETRIC_DEFAULT',
    source: {
      encryptionContext: request.source_encryption_context,
      additionalAuthenticatedData: request.source_additional_authenticated_data,
    },
    destination: {
      encryptionContext: request.destination_encryption_context,
      additionalAuthenticatedData: request.destination_additional_authenticated_data,
    },
  };
}

function answer(
  destination: StoredKey,
  source: StoredKey,
  algorithms: { sourceAlgorithm: EncryptionAlgorithm; destinationAlgorithm: EncryptionAlgorithm },
  cipherText: string,
): KmsResponse<'re-encrypt'> {
  return {
    key_id: destination.metadata.keyId,
    source_key_id: source.metadata.keyId,
    source_encryption_algorithm: algorithms.sourceAlgorithm,
    destination_encryption_algorithm: algorithms.destinationAlgorithm,
    cipher_text: cipherText,
  };
}

function reEncryptData(store: Keystore, request: ReEncryptRequest): KmsResponse<'re-encrypt'> {
  const { sourceAlgorithm, destinationAlgorithm, source, destination } = sides(request);
  const ciphertext = decodeCipherText(request.cipher_text);
  const envelope = parseEnvelope(ciphertext);
  const [sourceKey, decryption] = encryptionKey(
    store,
    sourceKeyId(request, envelope?.header.keyId),
  );
  const [destinationKey, encryption] = encryptionKey(store, request.destination_key_id);
  const plaintext = decryption.decrypt({
    keyId: sourceKey.metadata.keyId,
    spec: sourceKey.metadata.spec,
    algorithm: sourceAlgorithm,
    ciphertext,
    envelope,
    ...source,
  });
  try {
    const reEncrypted = encryption.encrypt({
      keyId: destinationKey.metadata.keyId,
      spec: destinationKey.metadata.spec,
      algorithm: destinationAlgorithm,
      plaintext,
      ...destination,
    });
    return answer(
      destinationKey,
      sourceKey,
      { sourceAlgorithm, destinationAlgorithm },
      reEncrypted.toString('base64'),
    );
  } finally {
    plaintext.fill(0);
  }
}

function reEncryptDataKey(
  store: Keystore,
  request: ReEncryptRequest,
  dekLength: number,
): KmsResponse<'re-encrypt'> {
  const algorithms = sides(request);
  if (!isHex(request.cipher_text)) {
    throw new KmsError('KMS.2201', 'A data-key cipher_text is hex.');
  }
  if (
    algorithms.sourceAlgorithm !== 'SYMMETRIC_DEFAULT' ||
    algorithms.destinationAlgorithm !== 'SYMMETRIC_DEFAULT'
  ) {
    throw new KmsError('KMS.2105', 'Data keys are wrapped with SYMMETRIC_DEFAULT only.');
  }
  const blob = Buffer.from(request.cipher_text, 'hex');
  const namedKeyId = parseDataKeyBlob(blob)?.header.keyId;
  const [sourceKey, unwrapping] = wrappingKey(store, sourceKeyId(request, namedKeyId));
  const [destinationKey, wrapping] = wrappingKey(store, request.destination_key_id);
  const dek = unwrapping.unwrap({
    keyId: sourceKey.metadata.keyId,
    blob,
    dekLength,
    ...algorithms.source,
  });
  try {
    const wrapped = wrapping.wrap({
      keyId: destinationKey.metadata.keyId,
      dek,
      ...algorithms.destination,
    });
    return answer(destinationKey, sourceKey, algorithms, wrapped.toString('hex').toUpperCase());
  } finally {
    dek.fill(0);
  }
}

export function reEncryptOperation({ store }: OperationContext): OperationGroup<'re-encrypt'> {
  return {
    async 're-encrypt'(request) {
      if (request.datakey_cipher_length !== undefined) {
        return reEncryptDataKey(store, request, wholeNumberValue(request.datakey_cipher_length));
      }
      return reEncryptData(store, request);
    },
  };
}
