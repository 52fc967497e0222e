/**
 * The little ASN.1 DER this service needs (SM2 ciphertext, PKCS#8 of SM2 keys). Strict: a
 * non-minimal length, trailing bytes or a wrong tag is an error, so a tampered structure is
 * refused rather than guessed at.
 */
export const DER_TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  sequence: 0x30,
} as const;

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export interface DerElement {
  tag: number;
  /** The content octets. */
  value: Buffer;
}

/** Reads one element at `offset`; returns it and the offset just after it. */
export function readElement(buf: Buffer, offset: number): { element: DerElement; next: number } {
  if (offset + 2 > buf.length) throw new DerError('truncated element');
  const tag = buf[offset]!;
  let length = buf[offset + 1]!;
  let cursor = offset + 2;
  if (length & 0x80) {
    const lengthBytes = length & 0x7f;
    if (lengthBytes === 0 || lengthBytes > 3) throw new DerError('unsupported length');
    if (cursor + lengthBytes > buf.length) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < lengthBytes; i++) length = (length << 8) | buf[cursor + i]!;
    if (length < 0x80 || buf[cursor] === 0) throw new DerError('non-minimal length');
    cursor += lengthBytes;
  }
  if (cursor + length > buf.length) throw new DerError('truncated value');
  return { element: { tag, value: buf.subarray(cursor, cursor + length) }, next: cursor + length };
}

/** Reads a whole buffer as exactly one element with the expected tag. */
export function readSingle(buf: Buffer, tag: number): Buffer {
  const { element, next } = readElement(buf, 0);
  if (element.tag !== tag) throw new DerError(`expected tag ${tag}, got ${element.tag}`);
  if (next !== buf.length) throw new DerError('trailing bytes');
  return element.value;
}

/** The children of a constructed value (e.g. the content of a SEQUENCE). */
export function readChildren(content: Buffer): DerElement[] {
  const children: DerElement[] = [];
  let offset = 0;
  while (offset < content.length) {
    const { element, next } = readElement(content, offset);
    children.push(element);
    offset = next;
  }
  return children;
}

/** A non-negative INTEGER's magnitude, without the sign octet; refuses negative or padded. */
export function unsignedIntegerValue(element: DerElement): Buffer {
  if (element.tag !== DER_TAG.integer) throw new DerError('expected INTEGER');
  const value = element.value;
  if (value.length === 0) throw new DerError('empty INTEGER');
  if (value[0]! & 0x80) throw new DerError('negative INTEGER');
  if (value.length > 1 && value[0] === 0 && !(value[1]! & 0x80)) {
    throw new DerError('non-minimal INTEGER');
  }
  return value[0] === 0 && value.length > 1 ? value.subarray(1) : value;
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function encodeElement(tag: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value]);
}

/** INTEGER from an unsigned big-endian magnitude: minimal, with a 0x00 when the top bit is set. */
export function encodeUnsignedInteger(magnitude: Buffer): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  let value = magnitude.subarray(start);
  if (value.length === 0) value = Buffer.from([0]);
  if (value[0]! & 0x80) value = Buffer.concat([Buffer.from([0]), value]);
  return encodeElement(DER_TAG.integer, value);
}

export function encodeSequence(children: readonly Buffer[]): Buffer {
  return encodeElement(DER_TAG.sequence, Buffer.concat(children));
}
