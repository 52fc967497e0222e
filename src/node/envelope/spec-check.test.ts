// An independent reading of the committed vectors, written from the AWS Encryption SDK
// specification with node:crypto (OpenSSL) only, sharing no code with src/shared/envelope: if
// our WebCrypto framing drifted from the published format, these would disagree.
import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const VECTOR_DIR = path.resolve(import.meta.dirname, '../../shared/envelope/vectors');

interface VectorFile {
  name: string;
  frameLength: number;
  encryptionContext: Record<string, string>;
  plaintextHex: string;
  dataKeyHex: string;
  messageIdHex: string;
  headerFingerprint: string;
  envelopeHex: string;
  keyring: { type: string; wrappingKeyHex?: string; keyName?: string; keyNamespace?: string };
}

class Reader {
  offset = 0;
  constructor(readonly buffer: Buffer) {}
  bytes(length: number): Buffer {
    if (this.offset + length > this.buffer.length) throw new Error('short read');
    const out = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
  u8 = () => this.bytes(1).readUInt8(0);
  u16 = () => this.bytes(2).readUInt16BE(0);
  u32 = () => this.bytes(4).readUInt32BE(0);
}

function openGcm(key: Buffer, iv: Buffer, aad: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

function decodeBySpec(vector: VectorFile) {
  const message = Buffer.from(vector.envelopeHex, 'hex');
  const reader = new Reader(message);
  expect(reader.u8()).toBe(0x02); // Version 2.0
  const suite = reader.bytes(2);
  expect(suite.toString('hex')).toBe('0478');
  const messageId = reader.bytes(32);
  const aad = new Reader(reader.bytes(reader.u16()));
  const context: Record<string, string> = {};
  if (aad.buffer.length > 0) {
    for (let count = aad.u16(); count > 0; count -= 1) {
      const key = aad.bytes(aad.u16()).toString('utf8');
      context[key] = aad.bytes(aad.u16()).toString('utf8');
    }
  }
  const edks = [];
  for (let count = reader.u16(); count > 0; count -= 1) {
    edks.push({
      providerId: reader.bytes(reader.u16()).toString('utf8'),
      providerInfo: reader.bytes(reader.u16()),
      ciphertext: reader.bytes(reader.u16()),
    });
  }
  expect(reader.u8()).toBe(0x02); // framed
  const frameLength = reader.u32();
  const commitKey = reader.bytes(32);
  const headerBody = message.subarray(0, reader.offset);
  const headerTag = reader.bytes(16);

  const dataKey = Buffer.from(vector.dataKeyHex, 'hex');
  const derive = (info: Buffer) => Buffer.from(hkdfSync('sha512', dataKey, messageId, info, 32));
  const contentKey = derive(Buffer.concat([suite, Buffer.from('DERIVEKEY')]));
  expect(derive(Buffer.from('COMMITKEY')).equals(commitKey)).toBe(true);
  openGcm(contentKey, Buffer.alloc(12), headerBody, headerTag);

  const plaintext: Buffer[] = [];
  for (let sequence = 1; ; sequence += 1) {
    const first = reader.u32();
    const isFinal = first === 0xffffffff;
    expect(isFinal ? reader.u32() : first).toBe(sequence);
    const iv = reader.bytes(12);
    expect(iv.equals(Buffer.concat([Buffer.alloc(8), Buffer.from([0, 0, 0, sequence])]))).toBe(
      true,
    );
    const length = isFinal ? reader.u32() : frameLength;
    const bodyAad = Buffer.alloc(8);
    bodyAad.writeBigUInt64BE(BigInt(length));
    const label = isFinal ? 'AWSKMSEncryptionClient Final Frame' : 'AWSKMSEncryptionClient Frame';
    const sequenceBytes = Buffer.alloc(4);
    sequenceBytes.writeUInt32BE(sequence);
    const frameAad = Buffer.concat([messageId, Buffer.from(label), sequenceBytes, bodyAad]);
    plaintext.push(openGcm(contentKey, iv, frameAad, reader.bytes(length + 16)));
    if (isFinal) break;
  }
  expect(reader.offset).toBe(message.length);
  return { context, edks, frameLength, headerLength: headerBody.length + 16, plaintext };
}

const vectors = readdirSync(VECTOR_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(path.join(VECTOR_DIR, file), 'utf8')) as VectorFile);

describe('vectors read with node:crypto straight from the specification', () => {
  it('finds the committed vectors', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(4);
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const decoded = decodeBySpec(vector);
    expect(Buffer.concat(decoded.plaintext).toString('hex')).toBe(vector.plaintextHex);
    expect(decoded.context).toEqual(vector.encryptionContext);
    expect(decoded.frameLength).toBe(vector.frameLength);
    const header = Buffer.from(vector.envelopeHex, 'hex').subarray(0, decoded.headerLength);
    expect(createHash('sha256').update(header).digest('hex')).toBe(vector.headerFingerprint);

    if (vector.keyring.type === 'raw-aes') {
      // Raw AES keyring: info = key name | tag bits | IV length | IV; AAD = context pairs.
      const [edk] = decoded.edks;
      const name = Buffer.from(vector.keyring.keyName ?? '');
      expect(edk?.providerId).toBe(vector.keyring.keyNamespace);
      const info = edk!.providerInfo;
      expect(info.subarray(0, name.length).equals(name)).toBe(true);
      expect(info.readUInt32BE(name.length)).toBe(128);
      expect(info.readUInt32BE(name.length + 4)).toBe(12);
      const aadLength = Buffer.from(vector.envelopeHex, 'hex').readUInt16BE(35);
      const contextPairs = Buffer.from(vector.envelopeHex, 'hex').subarray(37, 37 + aadLength);
      const wrappingKey = Buffer.from(vector.keyring.wrappingKeyHex ?? '', 'hex');
      const unwrapped = openGcm(
        wrappingKey,
        info.subarray(name.length + 8),
        contextPairs,
        edk!.ciphertext,
      );
      expect(unwrapped.toString('hex')).toBe(vector.dataKeyHex);
    }
  });

  it('rejects a forged final tag (the independent check can fail)', () => {
    const vector = vectors.find((candidate) => candidate.name === 'frames-raw-aes');
    expect(vector).toBeDefined();
    const message = Buffer.from(vector!.envelopeHex, 'hex');
    const cipher = createCipheriv('aes-256-gcm', Buffer.alloc(32), Buffer.alloc(12));
    cipher.final();
    const forged = Buffer.concat([message.subarray(0, message.length - 16), cipher.getAuthTag()]);
    expect(() => decodeBySpec({ ...vector!, envelopeHex: forged.toString('hex') })).toThrow();
  });
});
