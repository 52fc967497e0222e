import { describe, expect, it } from 'vitest';
import { dearmorEnvelope } from './armor';
import { fromHex, toHex } from './bytes';
import { decryptBytes } from './bytes-api';
import { parseHeader } from './header-info';
import { HUAWEI_KMS_PROVIDER_ID, kmsKeyIdsOf } from './kms-keyring';
import { buildVector, VECTOR_INPUTS, vectorKeyring, type Vector } from './vector-definitions';
import armoredText from './vectors/armored-text-huawei-kms.json';
import empty from './vectors/empty-raw-aes.json';
import exactMultiple from './vectors/exact-multiple-huawei-kms.json';
import frames from './vectors/frames-raw-aes.json';

const committed = [empty, frames, exactMultiple, armoredText] as Vector[];

describe('committed test vectors', () => {
  it('cover every vector definition', () => {
    expect(committed.map((vector) => vector.name).sort()).toEqual(
      VECTOR_INPUTS.map((input) => input.name).sort(),
    );
  });

  it.each(committed.map((vector) => [vector.name, vector] as const))(
    '%s: encrypting the fixed inputs gives the committed bytes',
    async (_name, vector) => {
      const input = VECTOR_INPUTS.find((candidate) => candidate.name === vector.name);
      expect(input).toBeDefined();
      const rebuilt = await buildVector(input!);
      expect(rebuilt.envelopeHex).toBe(vector.envelopeHex);
      expect(rebuilt.headerFingerprint).toBe(vector.headerFingerprint);
      expect(rebuilt.armoredEnvelope).toBe(vector.armoredEnvelope);
    },
  );

  it.each(committed.map((vector) => [vector.name, vector] as const))(
    '%s: the committed bytes decrypt to the committed plaintext',
    async (_name, vector) => {
      const envelope = fromHex(vector.envelopeHex);
      const { plaintext, header } = await decryptBytes(vectorKeyring(vector), envelope);
      expect(toHex(plaintext)).toBe(vector.plaintextHex);
      expect(header.encryptionContext).toEqual(vector.encryptionContext);
      expect(header.frameLength).toBe(vector.frameLength);
      expect(header.messageId).toBe(vector.messageIdHex);
      expect(header.headerFingerprint).toBe(vector.headerFingerprint);
      if (vector.armoredEnvelope) {
        expect(toHex(dearmorEnvelope(vector.armoredEnvelope))).toBe(vector.envelopeHex);
      }
    },
  );

  it('records the KMS key id and the KMS cipher_text in the Huawei EDK', async () => {
    const header = await parseHeader(fromHex(exactMultiple.envelopeHex));
    const [edk] = header.encryptedDataKeys;
    expect(edk?.providerId).toBe(HUAWEI_KMS_PROVIDER_ID);
    expect(kmsKeyIdsOf(header.encryptedDataKeys)).toEqual([exactMultiple.keyring.keyId]);
    expect(toHex(edk!.encryptedDataKey)).toBe(exactMultiple.keyring.kmsCipherTextHex);
  });
});
