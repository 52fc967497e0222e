import type { z } from 'zod/mini';
import {
  createDatakeyRequestSchema,
  createDatakeyResponseSchema,
  createDatakeyWithoutPlaintextRequestSchema,
  createDatakeyWithoutPlaintextResponseSchema,
  decryptDatakeyRequestSchema,
  decryptDatakeyResponseSchema,
  encryptDatakeyRequestSchema,
  encryptDatakeyResponseSchema,
} from './datakeys';
import { isKnownErrorCode, KmsError, type KmsErrorCode } from './errors';
import { MANAGEMENT_OPERATIONS } from './management-operations';
import {
  genRandomRequestSchema,
  genRandomResponseSchema,
  reEncryptRequestSchema,
  reEncryptResponseSchema,
} from './random-reencrypt';
import {
  cancelKeyDeletionRequestSchema,
  createKeyRequestSchema,
  createKeyResponseSchema,
  decryptDataRequestSchema,
  decryptDataResponseSchema,
  describeKeyRequestSchema,
  describeKeyResponseSchema,
  disableKeyRequestSchema,
  enableKeyRequestSchema,
  encryptDataRequestSchema,
  encryptDataResponseSchema,
  getPublicKeyRequestSchema,
  getPublicKeyResponseSchema,
  keyDeletionResponseSchema,
  keyStateChangeResponseSchema,
  listKeysRequestSchema,
  listKeysResponseSchema,
  scheduleKeyDeletionRequestSchema,
} from './schemas';
import {
  generateMacRequestSchema,
  generateMacResponseSchema,
  signRequestSchema,
  signResponseSchema,
  verifyMacRequestSchema,
  verifyMacResponseSchema,
  verifyRequestSchema,
  verifyResponseSchema,
} from './signing';

/** Every KMS operation the local KMS serves, with its request and response schema. */
import { wireOperation } from './wire-operation';
export const KMS_OPERATIONS = {
  'encrypt-data': wireOperation(encryptDataRequestSchema, encryptDataResponseSchema),
  'decrypt-data': wireOperation(decryptDataRequestSchema, decryptDataResponseSchema),
  'list-keys': wireOperation(listKeysRequestSchema, listKeysResponseSchema),
  'describe-key': wireOperation(describeKeyRequestSchema, describeKeyResponseSchema),
  'get-publickey': wireOperation(getPublicKeyRequestSchema, getPublicKeyResponseSchema),
  'create-key': wireOperation(createKeyRequestSchema, createKeyResponseSchema),
  'enable-key': wireOperation(enableKeyRequestSchema, keyStateChangeResponseSchema),
  'disable-key': wireOperation(disableKeyRequestSchema, keyStateChangeResponseSchema),
  'schedule-key-deletion': wireOperation(
    scheduleKeyDeletionRequestSchema,
    keyDeletionResponseSchema,
  ),
  'cancel-key-deletion': wireOperation(cancelKeyDeletionRequestSchema, keyDeletionResponseSchema),
  'create-datakey': wireOperation(createDatakeyRequestSchema, createDatakeyResponseSchema),
  'create-datakey-without-plaintext': wireOperation(
    createDatakeyWithoutPlaintextRequestSchema,
    createDatakeyWithoutPlaintextResponseSchema,
  ),
  'encrypt-datakey': wireOperation(encryptDatakeyRequestSchema, encryptDatakeyResponseSchema),
  'decrypt-datakey': wireOperation(decryptDatakeyRequestSchema, decryptDatakeyResponseSchema),
  sign: wireOperation(signRequestSchema, signResponseSchema),
  verify: wireOperation(verifyRequestSchema, verifyResponseSchema),
  'generate-mac': wireOperation(generateMacRequestSchema, generateMacResponseSchema),
  'verify-mac': wireOperation(verifyMacRequestSchema, verifyMacResponseSchema),
  'gen-random': wireOperation(genRandomRequestSchema, genRandomResponseSchema),
  're-encrypt': wireOperation(reEncryptRequestSchema, reEncryptResponseSchema),
  ...MANAGEMENT_OPERATIONS,
} as const;

export type KmsOperation = keyof typeof KMS_OPERATIONS;
export type KmsRequest<Op extends KmsOperation> = z.infer<(typeof KMS_OPERATIONS)[Op]['request']>;
export type KmsResponse<Op extends KmsOperation> = z.infer<(typeof KMS_OPERATIONS)[Op]['response']>;

/**
 * What the console server forwards. Key management stays out of the browser's reach: the
 * console is for encrypting and decrypting, not for creating or deleting keys.
 */
export const CONSOLE_OPERATIONS = [
  'encrypt-data',
  'decrypt-data',
  'list-keys',
  'describe-key',
  'get-publickey',
  // Envelope encryption of files: the browser needs a data key and, to decrypt, its unwrapping.
  // encrypt-datakey and create-datakey-without-plaintext serve no console page, so stay out.
  'create-datakey',
  'decrypt-datakey',
] as const satisfies readonly KmsOperation[];
export type ConsoleOperation = (typeof CONSOLE_OPERATIONS)[number];

export function isKmsOperation(name: string): name is KmsOperation {
  return Object.hasOwn(KMS_OPERATIONS, name);
}

export function isConsoleOperation(name: string): name is ConsoleOperation {
  return (CONSOLE_OPERATIONS as readonly string[]).includes(name);
}

const FIELD_ERROR_CODES: Record<string, KmsErrorCode> = {
  key_id: 'KMS.0205',
  sequence: 'KMS.0206',
  encryption_context: 'KMS.0208',
  plain_text: 'KMS.2101',
  cipher_text: 'KMS.2201',
  key_alias: 'KMS.1101',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A refinement may name its own code (`params.kmsErrorCode`) where one field has several. */
function codeNamedByIssue(issue: z.core.$ZodIssue): KmsErrorCode | undefined {
  if (issue.code !== 'custom') return undefined;
  const named: unknown = issue.params?.kmsErrorCode;
  return typeof named === 'string' && isKnownErrorCode(named) ? named : undefined;
}

/**
 * Maps the first schema problem to the code the service uses for that field, so the local
 * KMS and the console server refuse the same input with the same code.
 */
export function kmsErrorFromIssues(body: unknown, issues: readonly z.core.$ZodIssue[]): KmsError {
  const issue = issues[0];
  if (!issue) return new KmsError('KMS.0214');
  if (issue.code === 'unrecognized_keys') {
    return new KmsError('KMS.0214', `Unknown parameter: ${issue.keys.join(', ')}.`);
  }
  const field = issue.path[0];
  if (typeof field !== 'string') return new KmsError('KMS.0214');
  if (isPlainObject(body) && !Object.hasOwn(body, field)) {
    return new KmsError('KMS.0204', `Missing parameter: ${field}.`);
  }
  const code = codeNamedByIssue(issue) ?? FIELD_ERROR_CODES[field] ?? 'KMS.0308';
  return new KmsError(code, `Invalid ${field}: ${issue.message}`);
}

/**
 * Validates a parsed JSON body for an operation; throws a KmsError with the service's code.
 * zod's own messages (wrong type, unknown option) come from the process's zod locale: the
 * console server and the local KMS register English (the schemas are zod/mini, which has none).
 */
export function parseKmsRequest<Op extends KmsOperation>(
  operation: Op,
  body: unknown,
): KmsRequest<Op> {
  if (!isPlainObject(body)) {
    throw new KmsError('KMS.0214', 'The request body must be a JSON object.');
  }
  const result = KMS_OPERATIONS[operation].request.safeParse(body);
  if (!result.success) throw kmsErrorFromIssues(body, result.error.issues);
  return result.data as KmsRequest<Op>;
}
