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

/**
 * Error codes of Huawei Cloud KMS (KMS-API.md). The console's own `CONSOLE.*` codes live in
 * src/shared/console/errors.ts.
 */
export const KMS_ERROR_CODES = {
  'KMS.0201': { status: 400, message: 'Invalid request URL.' },
  'KMS.0202': { status: 400, message: 'The request body is not valid JSON.' },
  'KMS.0203': { status: 400, message: 'The request message is too long.' },
  'KMS.0204': { status: 400, message: 'A required parameter is missing.' },
  'KMS.0205': { status: 400, message: 'Invalid key ID.' },
  'KMS.0206': { status: 400, message: 'Invalid sequence number.' },
  'KMS.0207': { status: 404, message: 'The key does not exist.' },
  'KMS.0208': { status: 400, message: 'Invalid encryption_context.' },
  'KMS.0209': { status: 400, message: 'The key is disabled.' },
  'KMS.0210': { status: 400, message: 'The key is scheduled for deletion.' },
  'KMS.0214': { status: 400, message: 'Invalid request format.' },
  'KMS.0215': { status: 405, message: 'Method not supported.' },
  'KMS.0301': { status: 403, message: 'X-Auth-Token is missing or null.' },
  'KMS.0302': { status: 403, message: 'X-Auth-Token is invalid.' },
  'KMS.0303': { status: 403, message: 'X-Auth-Token has expired.' },
  'KMS.0306': { status: 403, message: 'No access permission.' },
  'KMS.0308': { status: 400, message: 'Invalid parameter.' },
  'KMS.0311': { status: 400, message: 'RSA private-key decryption failed.' },
  'KMS.0321': { status: 403, message: 'The project in the URL does not match the token.' },
  'KMS.0325': { status: 400, message: 'The asymmetric key does not support this operation.' },
  'KMS.0329': { status: 400, message: 'The hash algorithm does not match the digest length.' },
  'KMS.0331': { status: 400, message: 'The symmetric key does not support this operation.' },
  'KMS.0332': { status: 400, message: 'This key does not support the signing algorithm.' },
  'KMS.0334': { status: 400, message: 'The key is used to encrypt and decrypt.' },
  'KMS.0335': { status: 400, message: 'The key is used to sign and verify.' },
  'KMS.0341': { status: 400, message: 'The HMAC key does not support this operation.' },
  'KMS.1101': { status: 400, message: 'Invalid key_alias.' },
  'KMS.1104': { status: 400, message: 'The key alias already exists.' },
  'KMS.1114': { status: 400, message: 'EC keys cannot encrypt or decrypt.' },
  'KMS.1115': { status: 400, message: 'Symmetric keys cannot sign or verify.' },
  'KMS.1801': { status: 400, message: 'random_data_length is out of range.' },
  'KMS.1802': { status: 400, message: 'random_data_length must be a multiple of 8.' },
  'KMS.1901': { status: 400, message: 'datakey_length must be in the range 8 bits to 8,192 bits.' },
  'KMS.1902': { status: 400, message: 'key_spec can only be AES_128 or AES_256.' },
  'KMS.1903': { status: 400, message: 'datakey_length must be a multiple of 8.' },
  'KMS.2101': { status: 400, message: 'Invalid plain_text.' },
  'KMS.2105': {
    status: 400,
    message: 'The symmetric key does not support this encryption algorithm.',
  },
  'KMS.2106': { status: 400, message: 'The RSA key does not support this encryption algorithm.' },
  'KMS.2103': { status: 400, message: 'Failed to verify the DEK hash.' },
  'KMS.2104': {
    status: 400,
    message: 'The length of plain_text does not match datakey_plain_length.',
  },
  'KMS.2108': { status: 400, message: 'The plaintext is too long for this RSA key.' },
  'KMS.2201': { status: 400, message: 'Invalid cipher_text.' },
  'KMS.2203': { status: 400, message: 'Failed to verify the DEK hash.' },
  'KMS.2204': {
    status: 400,
    message: 'The length of cipher_text does not match datakey_cipher_length.',
  },
  // Names, tags, rotation, grants (KMS-API-2.md §9).
  'KMS.0211': { status: 400, message: 'Cannot perform this operation on Default Master Keys.' },
  'KMS.0312': { status: 400, message: 'External keys cannot be rotated.' },
  'KMS.0313': { status: 400, message: 'Key rotation is not enabled.' },
  'KMS.0324': { status: 400, message: 'This key cannot be rotated.' },
  'KMS.0401': { status: 400, message: 'Tag list cannot be empty.' },
  'KMS.0402': { status: 400, message: 'Invalid match value.' },
  'KMS.0403': { status: 400, message: 'Invalid match key.' },
  'KMS.0404': { status: 400, message: 'Invalid action.' },
  'KMS.0405': { status: 400, message: 'Invalid tag value.' },
  'KMS.0406': { status: 400, message: 'Invalid tag key.' },
  'KMS.0409': { status: 400, message: 'Too many tags.' },
  'KMS.0416': { status: 404, message: 'Invalid tag ID.' },
  'KMS.0417': { status: 400, message: 'Invalid offset.' },
  'KMS.1103': { status: 400, message: 'Invalid key_description.' },
  'KMS.1105': { status: 400, message: 'Too many keys.' },
  'KMS.1601': { status: 400, message: 'Invalid limit.' },
  'KMS.1602': { status: 400, message: 'marker must be greater than or equal to 0.' },
  'KMS.2401': { status: 400, message: 'Specify an operation in addition to create-grant.' },
  'KMS.2402': { status: 400, message: 'Invalid user ID.' },
  'KMS.2404': { status: 400, message: 'Too many CMK grants.' },
  'KMS.2501': { status: 400, message: 'Invalid grant ID.' },
  'KMS.2502': { status: 400, message: 'grant_id and key_id do not match.' },
  'KMS.2901': { status: 400, message: 'Key rotation is not disabled.' },
  'KMS.3001': { status: 400, message: 'Invalid rotation_interval.' },
  'APIGW.0301': { status: 401, message: 'Incorrect IAM authentication information.' },
  'KMS.0101': { status: 500, message: 'KMS internal error.' },
  'KMS.0103': { status: 500, message: 'KMS system exception.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type KmsErrorCode = keyof typeof KMS_ERROR_CODES;

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
