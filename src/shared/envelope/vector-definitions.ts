// Test vectors: fixed inputs (data key, message id, wrapping IV) and the envelope they give.
// Used by vectors.test.ts and by src/node/envelope/write-vectors.ts, which writes vectors/*.json.
import { armorEnvelope } from './armor';
import { fromHex, toHex } from './bytes';
import { prepareEncryptionWithInternals } from './encrypt';
import type { EncryptionContext } from './encryption-context';
import { kmsKeyring, type CallKms } from './kms-keyring';
import type { Keyring } from './keyring';
import { rawAesKeyring } from './raw-aes-keyring';

export type VectorKeyring =
  | {
      type: 'raw-aes';
      keyNamespace: string;
      keyName: string;
      wrappingKeyHex: string;
      wrapIvHex: string;
    }
  | { type: 'huawei-kms'; keyId: string; kmsCipherTextHex: string };

export interface VectorInput {
  name: string;
  description: string;
  frameLength: number;
  encryptionContext: EncryptionContext;
  plaintextHex: string;
  dataKeyHex: string;
  messageIdHex: string;
  keyring: VectorKeyring;
  armored?: boolean;
}

export interface Vector extends VectorInput {
  format: string;
  headerFingerprint: string;
  envelopeHex: string;
  armoredEnvelope?: string;
}

const FORMAT = 'AWS Encryption SDK message format 2.0, suite 0x0478, framed content';

/** Replays fixed "random" bytes in order; a vector fails loudly if the consumption changes. */
function replay(values: Uint8Array[]): (length: number) => Uint8Array {
  return (length) => {
    const next = values.shift();
    if (!next || next.length !== length) throw new Error('Vector random source out of step.');
    return next.slice();
  };
}

/**
 * A KMS that knows exactly one data key: what create-datakey would have returned when the
 * vector was made, and what decrypt-datakey returns for that exact cipher_text.
 */
function fixedKms(keyId: string, dataKeyHex: string, cipherTextHex: string): CallKms {
  return async (operation, body) => {
    if (body.key_id !== keyId) throw new Error('KMS.0207');
    if (operation === 'create-datakey') {
      return { key_id: keyId, plain_text: dataKeyHex, cipher_text: cipherTextHex };
    }
    if (
      !('cipher_text' in body) ||
      body.cipher_text.toLowerCase() !== cipherTextHex.toLowerCase()
    ) {
      throw new Error('KMS.2201');
    }
    return { data_key: dataKeyHex, datakey_length: '32' };
  };
}

export function vectorKeyring(input: VectorInput): Keyring {
  const { keyring } = input;
  if (keyring.type === 'huawei-kms') {
    const callKms = fixedKms(keyring.keyId, input.dataKeyHex, keyring.kmsCipherTextHex);
    return kmsKeyring({ callKms, keyId: keyring.keyId });
  }
  return rawAesKeyring({
    keyNamespace: keyring.keyNamespace,
    keyName: keyring.keyName,
    wrappingKey: fromHex(keyring.wrappingKeyHex),
    randomBytes: replay([fromHex(input.dataKeyHex), fromHex(keyring.wrapIvHex)]),
  });
}

async function* once(bytes: Uint8Array) {
  yield bytes;
}

export async function buildVector(input: VectorInput): Promise<Vector> {
  const prepared = await prepareEncryptionWithInternals(
    vectorKeyring(input),
    { frameLength: input.frameLength, encryptionContext: input.encryptionContext },
    { messageId: fromHex(input.messageIdHex) },
  );
  const parts: Uint8Array[] = [prepared.header];
  for await (const part of prepared.frames(once(fromHex(input.plaintextHex)))) parts.push(part);
  const envelope = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    envelope.set(part, offset);
    offset += part.length;
  }
  return {
    ...input,
    format: FORMAT,
    headerFingerprint: prepared.headerInfo.headerFingerprint,
    envelopeHex: toHex(envelope),
    ...(input.armored ? { armoredEnvelope: armorEnvelope(envelope) } : {}),
  };
}

const hexOf = (length: number, step: number) =>
  toHex(Uint8Array.from({ length }, (_, index) => (index * step + 1) & 0xff));
const text = (value: string) => toHex(new TextEncoder().encode(value));

// An opaque blob in the shape KMS-API-2.md §2.6 documents (version, length, body, key id).
const KMS_KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const KMS_CIPHER_TEXT = '02009800' + hexOf(112, 7) + text(KMS_KEY_ID) + '00000000' + hexOf(32, 13);

export const VECTOR_INPUTS: VectorInput[] = [
  {
    name: 'empty-raw-aes',
    description: 'Empty plaintext, empty context: one empty final frame.',
    frameLength: 4096,
    encryptionContext: {},
    plaintextHex: '',
    dataKeyHex: hexOf(32, 3),
    messageIdHex: hexOf(32, 5),
    keyring: {
      type: 'raw-aes',
      keyNamespace: 'kms-encrypt-console-vectors',
      keyName: 'vector-wrapping-key',
      wrappingKeyHex: hexOf(32, 11),
      wrapIvHex: hexOf(12, 17),
    },
  },
  {
    name: 'frames-raw-aes',
    description: '100 bytes in 32-byte frames (3 regular + final of 4), non-ASCII context.',
    frameLength: 32,
    encryptionContext: { purpose: 'test vector', département: 'crypto 🔐', a: '' },
    plaintextHex: toHex(Uint8Array.from({ length: 100 }, (_, index) => index)),
    dataKeyHex: hexOf(32, 19),
    messageIdHex: hexOf(32, 23),
    keyring: {
      type: 'raw-aes',
      keyNamespace: 'kms-encrypt-console-vectors',
      keyName: 'vector-wrapping-key',
      wrappingKeyHex: hexOf(32, 11),
      wrapIvHex: hexOf(12, 29),
    },
  },
  {
    name: 'exact-multiple-huawei-kms',
    description: '64 bytes in 32-byte frames: one regular frame and a full final frame.',
    frameLength: 32,
    encryptionContext: { tenant: 'demo' },
    plaintextHex: hexOf(64, 37),
    dataKeyHex: hexOf(32, 41),
    messageIdHex: hexOf(32, 43),
    keyring: { type: 'huawei-kms', keyId: KMS_KEY_ID, kmsCipherTextHex: KMS_CIPHER_TEXT },
  },
  {
    name: 'armored-text-huawei-kms',
    description: 'A UTF-8 text with the default frame length, also as armored text.',
    frameLength: 1024 * 1024,
    encryptionContext: { kind: 'text' },
    plaintextHex: text('Envelope encryption for long texts: ünïcödé, 漢字, emoji 🗝️.\n'),
    dataKeyHex: hexOf(32, 47),
    messageIdHex: hexOf(32, 53),
    keyring: { type: 'huawei-kms', keyId: KMS_KEY_ID, kmsCipherTextHex: KMS_CIPHER_TEXT },
    armored: true,
  },
];
