import { z } from 'zod/mini';

/** The one error body every layer answers with: KMS's own shape. */
export const kmsErrorBodySchema = z.object({
  error: z.object({
    error_code: z.string(),
    error_msg: z.string(),
  }),
});
export type KmsErrorBody = z.infer<typeof kmsErrorBodySchema>;

export interface ErrorCodeInfo {
  status: number;
  message: string;
}

/** A code's HTTP status and default message, the way a table writes it: one line a code. */
export type ErrorCodeRow = readonly [status: number, message: string];

export function errorCodeTable<Code extends string>(
  rows: Record<Code, ErrorCodeRow>,
): Record<Code, ErrorCodeInfo> {
  const entries = Object.entries<ErrorCodeRow>(rows);
  return Object.fromEntries(
    entries.map(([code, [status, message]]) => [code, { status, message }]),
  ) as Record<Code, ErrorCodeInfo>;
}

export type KmsErrorCode = keyof typeof KMS_ERROR_CODES;

/**
 * Error codes of Huawei Cloud KMS (KMS-API.md). The console's own `CONSOLE.*` codes live in
 * src/shared/console/errors.ts.
 */
export const KMS_ERROR_CODES = errorCodeTable({
  // Requests, keys, encryption and data keys (KMS-API.md, KMS-API-2.md §2).
  'KMS.0201': [400, 'Invalid request URL.'],
  'KMS.0202': [400, 'The request body is not valid JSON.'],
  'KMS.0203': [400, 'The request message is too long.'],
  'KMS.0204': [400, 'A required parameter is missing.'],
  'KMS.0205': [400, 'Invalid key ID.'],
  'KMS.0206': [400, 'Invalid sequence number.'],
  'KMS.0207': [404, 'The key does not exist.'],
  'KMS.0208': [400, 'Invalid encryption_context.'],
  'KMS.0209': [400, 'The key is disabled.'],
  'KMS.0210': [400, 'The key is scheduled for deletion.'],
  'KMS.0214': [400, 'Invalid request format.'],
  'KMS.0215': [405, 'Method not supported.'],
  'KMS.0301': [403, 'X-Auth-Token is missing or null.'],
  'KMS.0302': [403, 'X-Auth-Token is invalid.'],
  'KMS.0303': [403, 'X-Auth-Token has expired.'],
  'KMS.0306': [403, 'No access permission.'],
  'KMS.0308': [400, 'Invalid parameter.'],
  'KMS.0311': [400, 'RSA private-key decryption failed.'],
  'KMS.0321': [403, 'The project in the URL does not match the token.'],
  'KMS.0325': [400, 'The asymmetric key does not support this operation.'],
  'KMS.0329': [400, 'The hash algorithm does not match the digest length.'],
  'KMS.0331': [400, 'The symmetric key does not support this operation.'],
  'KMS.0332': [400, 'This key does not support the signing algorithm.'],
  'KMS.0334': [400, 'The key is used to encrypt and decrypt.'],
  'KMS.0335': [400, 'The key is used to sign and verify.'],
  'KMS.0341': [400, 'The HMAC key does not support this operation.'],
  'KMS.1101': [400, 'Invalid key_alias.'],
  'KMS.1104': [400, 'The key alias already exists.'],
  'KMS.1114': [400, 'EC keys cannot encrypt or decrypt.'],
  'KMS.1115': [400, 'Symmetric keys cannot sign or verify.'],
  'KMS.1801': [400, 'random_data_length is out of range.'],
  'KMS.1802': [400, 'random_data_length must be a multiple of 8.'],
  'KMS.1901': [400, 'datakey_length must be in the range 8 bits to 8,192 bits.'],
  'KMS.1902': [400, 'key_spec can only be AES_128 or AES_256.'],
  'KMS.1903': [400, 'datakey_length must be a multiple of 8.'],
  'KMS.2101': [400, 'Invalid plain_text.'],
  'KMS.2105': [400, 'The symmetric key does not support this encryption algorithm.'],
  'KMS.2106': [400, 'The RSA key does not support this encryption algorithm.'],
  'KMS.2103': [400, 'Failed to verify the DEK hash.'],
  'KMS.2104': [400, 'The length of plain_text does not match datakey_plain_length.'],
  'KMS.2108': [400, 'The plaintext is too long for this RSA key.'],
  'KMS.2201': [400, 'Invalid cipher_text.'],
  'KMS.2203': [400, 'Failed to verify the DEK hash.'],
  'KMS.2204': [400, 'The length of cipher_text does not match datakey_cipher_length.'],
  // Names, tags, rotation, grants (KMS-API-2.md §9).
  'KMS.0211': [400, 'Cannot perform this operation on Default Master Keys.'],
  'KMS.0312': [400, 'External keys cannot be rotated.'],
  'KMS.0313': [400, 'Key rotation is not enabled.'],
  'KMS.0324': [400, 'This key cannot be rotated.'],
  'KMS.0401': [400, 'Tag list cannot be empty.'],
  'KMS.0402': [400, 'Invalid match value.'],
  'KMS.0403': [400, 'Invalid match key.'],
  'KMS.0404': [400, 'Invalid action.'],
  'KMS.0405': [400, 'Invalid tag value.'],
  'KMS.0406': [400, 'Invalid tag key.'],
  'KMS.0409': [400, 'Too many tags.'],
  'KMS.0416': [404, 'Invalid tag ID.'],
  'KMS.0417': [400, 'Invalid offset.'],
  'KMS.1103': [400, 'Invalid key_description.'],
  'KMS.1105': [400, 'Too many keys.'],
  'KMS.1601': [400, 'Invalid limit.'],
  'KMS.1602': [400, 'marker must be greater than or equal to 0.'],
  'KMS.2401': [400, 'Specify an operation in addition to create-grant.'],
  'KMS.2402': [400, 'Invalid user ID.'],
  'KMS.2404': [400, 'Too many CMK grants.'],
  'KMS.2501': [400, 'Invalid grant ID.'],
  'KMS.2502': [400, 'grant_id and key_id do not match.'],
  'KMS.2901': [400, 'Key rotation is not disabled.'],
  'KMS.3001': [400, 'Invalid rotation_interval.'],
  'APIGW.0301': [401, 'Incorrect IAM authentication information.'],
  'KMS.0101': [500, 'KMS internal error.'],
  'KMS.0103': [500, 'KMS system exception.'],
});

export function isKnownErrorCode(code: string): code is KmsErrorCode {
  return Object.hasOwn(KMS_ERROR_CODES, code);
}

export function kmsErrorBody(code: KmsErrorCode, message?: string): KmsErrorBody {
  return new KmsError(code, message).toBody();
}

/** A table of documented error codes: each one's HTTP status and default message. */
export type ErrorCodeTable<Code extends string> = Readonly<Record<Code, ErrorCodeInfo>>;

/**
 * A failure answered in KMS's error shape: the service's own codes (KmsError) or those of a
 * layer in front of it (the console's ConsoleError), each documented in its code table.
 */
export class KmsShapedError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(table: ErrorCodeTable<string>, code: string, message?: string) {
    const info = table[code]!;
    super(message ?? info.message);
    this.name = 'KmsShapedError';
    this.code = code;
    this.status = info.status;
  }

  toBody(): KmsErrorBody {
    return { error: { error_code: this.code, error_msg: this.message } };
  }
}

/** A typed error that carries its KMS code; one error handler turns it into the wire shape. */
export class KmsError extends KmsShapedError {
  declare readonly code: KmsErrorCode;

  constructor(code: KmsErrorCode, message?: string) {
    super(KMS_ERROR_CODES, code, message);
    this.name = 'KmsError';
  }
}
