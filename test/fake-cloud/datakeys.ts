/**
 * The fake cloud's data-key operations (KMS-API-2.md §2), written apart from the local KMS so
 * the shared contract suite compares two implementations, not one with itself. It validates
 * by hand, not with the shared zod schemas, for the same reason.
 *
 * DEK ciphertext layout (hex on the wire), its own, not the local KMS's:
 *   "FDK" ‖ 0x01 ‖ key id (36 ASCII) ‖ material version (uint32 BE) ‖ SHA-256 of the bound
 *   context (32) ‖ IV (12) ‖ AES-256-GCM(DEK ‖ SHA-256(DEK)) ‖ tag (16)
 * The GCM AAD is everything before the IV plus the canonical context, so the key id, the
 * version and the context are all authenticated.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { FakeKey } from './fake-cloud';

export const DATA_KEY_OPERATIONS = [
  'create-datakey',
  'create-datakey-without-plaintext',
  'encrypt-datakey',
  'decrypt-datakey',
] as const;
export type DataKeyOperation = (typeof DATA_KEY_OPERATIONS)[number];

export function isDataKeyOperation(operation: string): operation is DataKeyOperation {
  return (DATA_KEY_OPERATIONS as readonly string[]).includes(operation);
}

export interface KmsAnswer {
  status: number;
  body: object;
}

const MAGIC = Buffer.from([0x46, 0x44, 0x4b, 0x01]);
const MATERIAL_VERSION = 1;
const HEADER_BYTES = MAGIC.length + 36 + 4 + 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const DIGEST_BYTES = 32;
const KEY_ID = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (code: string, message: string) => new Refusal(400, code, message);

function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function hex(bytes: Buffer): string {
  return bytes.toString('hex').toUpperCase();
}

function present(request: Record<string, unknown>, field: string): boolean {
  return Object.hasOwn(request, field) && request[field] !== undefined;
}

function requireField(request: Record<string, unknown>, field: string): unknown {
  if (!present(request, field)) throw refuse('KMS.0204', `Missing parameter: ${field}.`);
  return request[field];
}

/** A whole number the cloud takes as a decimal string (numbers tolerated), or NaN. */
function wholeNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : Number.NaN;
  if (typeof value === 'string' && /^[0-9]{1,10}$/.test(value)) return Number(value);
  return Number.NaN;
}

function hexBytes(value: unknown, code: string, field: string): Buffer {
  const text = typeof value === 'string' ? value.replace(/\s+/g, '') : '';
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) throw refuse(code, `Invalid ${field}.`);
  return Buffer.from(text, 'hex');
}

function dekBytes(request: Record<string, unknown>, field: string): number {
  const value = wholeNumber(requireField(request, field));
  if (!(value >= 1 && value <= 1024)) throw refuse('KMS.0308', `Invalid ${field}.`);
  return value;
}

/** The context and AAD as one byte string: sorted context keys, then the AAD. */
function boundContext(request: Record<string, unknown>): Buffer {
  const context = (request.encryption_context ?? {}) as Record<string, string>;
  const sorted = Object.keys(context)
    .sort()
    .map((key) => [key, context[key]]);
  return Buffer.from(JSON.stringify([sorted, request.additional_authenticated_data ?? '']));
}

function checkCommonFields(request: Record<string, unknown>): void {
  const keyId = requireField(request, 'key_id');
  if (typeof keyId !== 'string' || !KEY_ID.test(keyId)) throw refuse('KMS.0205', 'Invalid key_id.');
  if (present(request, 'sequence')) {
    const sequence = request.sequence;
    if (typeof sequence !== 'string' || sequence.length !== 36) {
      throw refuse('KMS.0206', 'Invalid sequence.');
    }
  }
  if (present(request, 'encryption_context')) {
    const context = request.encryption_context;
    const valid =
      typeof context === 'object' &&
      context !== null &&
      !Array.isArray(context) &&
      Object.values(context).every((value) => typeof value === 'string') &&
      JSON.stringify(context).length <= 8192;
    if (!valid) throw refuse('KMS.0208', 'Invalid encryption_context.');
  }
  if (present(request, 'additional_authenticated_data')) {
    const aad = request.additional_authenticated_data;
    if (typeof aad !== 'string' || Buffer.byteLength(aad) > 128) {
      throw refuse('KMS.0308', 'Invalid additional_authenticated_data.');
    }
  }
}

/** The CMK, if it may wrap data keys: enabled, symmetric, ENCRYPT_DECRYPT. */
function wrappingKey(keys: ReadonlyMap<string, FakeKey>, keyId: string): FakeKey {
  const key = keys.get(keyId);
  if (!key) throw new Refusal(404, 'KMS.0207', 'The key does not exist.');
  if (key.state === '3') throw refuse('KMS.0209', 'The key is disabled.');
  if (key.state === '4') throw refuse('KMS.0210', 'The key is pending deletion.');
  if (key.spec.startsWith('HMAC_')) {
    throw refuse('KMS.0341', 'The hmac key do not support this operation.');
  }
  if (key.usage === 'SIGN_VERIFY') throw refuse('KMS.0335', 'The cmk is used to sign and verify.');
  if (key.spec !== 'AES_256') {
    throw refuse('KMS.0325', 'The asymmetric key is not support this operation.');
  }
  return key;
}

function header(key: FakeKey, request: Record<string, unknown>): Buffer {
  const version = Buffer.alloc(4);
  version.writeUInt32BE(MATERIAL_VERSION);
  return Buffer.concat([MAGIC, Buffer.from(key.keyId), version, sha256(boundContext(request))]);
}

function wrap(key: FakeKey, dek: Buffer, request: Record<string, unknown>): string {
  const head = header(key, request);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.material, iv);
  cipher.setAAD(Buffer.concat([head, boundContext(request)]));
  const sealed = Buffer.concat([cipher.update(Buffer.concat([dek, sha256(dek)])), cipher.final()]);
  return hex(Buffer.concat([head, iv, sealed, cipher.getAuthTag()]));
}

function unwrap(key: FakeKey, blob: Buffer, dekLength: number, request: Record<string, unknown>) {
  if (blob.length < HEADER_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw refuse('KMS.2201', 'Invalid cipher_text.');
  }
  const keyId = blob.toString('latin1', MAGIC.length, MAGIC.length + 36);
  if (keyId !== key.keyId) throw refuse('KMS.2201', 'cipher_text was made with another key.');
  if (blob.length !== HEADER_BYTES + IV_BYTES + dekLength + DIGEST_BYTES + TAG_BYTES) {
    throw refuse('KMS.2204', 'The length of cipher_text does not match datakey_cipher_length.');
  }
  const head = blob.subarray(0, HEADER_BYTES);
  if (!head.subarray(HEADER_BYTES - 32).equals(sha256(boundContext(request)))) {
    throw refuse('KMS.0208', 'The encryption context does not match the one used to encrypt.');
  }
  const iv = blob.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
  const sealed = blob.subarray(HEADER_BYTES + IV_BYTES, blob.length - TAG_BYTES);
  let opened: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.material, iv);
    decipher.setAAD(Buffer.concat([head, boundContext(request)]));
    decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
    opened = Buffer.concat([decipher.update(sealed), decipher.final()]);
  } catch {
    throw refuse('KMS.2203', 'Failed to verify the DEK hash.');
  }
  const dek = opened.subarray(0, dekLength);
  if (!sha256(dek).equals(opened.subarray(dekLength))) {
    throw refuse('KMS.2203', 'Failed to verify the DEK hash.');
  }
  return dek;
}

function createDatakeyBits(request: Record<string, unknown>): number {
  if (present(request, 'key_spec')) {
    if (request.key_spec !== 'AES_128' && request.key_spec !== 'AES_256') {
      throw refuse('KMS.1902', 'key_spec can only be AES_128 or AES_256.');
    }
  }
  if (present(request, 'datakey_length')) {
    const bits = wholeNumber(request.datakey_length);
    if (!(bits >= 8 && bits <= 8192)) {
      throw refuse('KMS.1901', 'datakey_length must be in the range 8 bits to 8,192 bits.');
    }
    if (bits % 8 !== 0) throw refuse('KMS.1903', 'datakey_length must be a multiple of 8.');
    return bits;
  }
  return request.key_spec === 'AES_128' ? 128 : 256;
}

function answer(
  operation: DataKeyOperation,
  request: Record<string, unknown>,
  keys: ReadonlyMap<string, FakeKey>,
): object {
  checkCommonFields(request);
  switch (operation) {
    case 'create-datakey':
    case 'create-datakey-without-plaintext': {
      const bits = createDatakeyBits(request);
      const key = wrappingKey(keys, String(request.key_id));
      const dek = randomBytes(bits / 8);
      const cipherText = wrap(key, dek, request);
      return operation === 'create-datakey'
        ? { key_id: key.keyId, plain_text: hex(dek), cipher_text: cipherText }
        : { key_id: key.keyId, cipher_text: cipherText };
    }
    case 'encrypt-datakey': {
      const plain = hexBytes(requireField(request, 'plain_text'), 'KMS.2101', 'plain_text');
      const dekLength = dekBytes(request, 'datakey_plain_length');
      if (plain.length !== dekLength + DIGEST_BYTES) {
        throw refuse('KMS.2104', 'The length of plain_text does not match datakey_plain_length.');
      }
      const key = wrappingKey(keys, String(request.key_id));
      const dek = plain.subarray(0, dekLength);
      if (!sha256(dek).equals(plain.subarray(dekLength))) {
        throw refuse('KMS.2103', 'Failed to verify the DEK hash.');
      }
      const cipherText = wrap(key, dek, request);
      return { key_id: key.keyId, cipher_text: cipherText, datakey_length: String(dekLength) };
    }
    case 'decrypt-datakey': {
      const blob = hexBytes(requireField(request, 'cipher_text'), 'KMS.2201', 'cipher_text');
      const dekLength = dekBytes(request, 'datakey_cipher_length');
      const key = wrappingKey(keys, String(request.key_id));
      const dek = unwrap(key, blob, dekLength, request);
      return {
        data_key: hex(dek),
        datakey_length: String(dek.length),
        datakey_dgst: hex(sha256(dek)),
      };
    }
  }
}

/** The status and body the cloud answers a data-key operation with. */
export function answerDataKeyOperation(
  operation: DataKeyOperation,
  request: unknown,
  keys: ReadonlyMap<string, FakeKey>,
): KmsAnswer {
  try {
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      throw refuse('KMS.0214', 'The request body must be a JSON object.');
    }
    return { status: 200, body: answer(operation, request as Record<string, unknown>, keys) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return {
      status: error.status,
      body: { error: { error_code: error.code, error_msg: error.message } },
    };
  }
}
