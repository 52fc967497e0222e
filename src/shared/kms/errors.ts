import { z } from 'zod/mini';

/** The one error body every layer answers with: KMS's own shape. */
export const kmsErrorBodySchema = z.object({
  error: z.object({
    error_code: z.string(),
    error_msg: z.string(),
  }),
});
export type KmsErrorBody = z.infer<typeof kmsErrorBodySchema>;

interface ErrorCodeInfo {
  status: number;
  message: string;
}

/** Error codes of Huawei Cloud KMS (KMS-API.md) and of the console server itself. */
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
  'KMS.1101': { status: 400, message: 'Invalid key_alias.' },
  'KMS.1104': { status: 400, message: 'The key alias already exists.' },
  'KMS.1114': { status: 400, message: 'EC keys cannot encrypt or decrypt.' },
  'KMS.2101': { status: 400, message: 'Invalid plain_text.' },
  'KMS.2105': {
    status: 400,
    message: 'The symmetric key does not support this encryption algorithm.',
  },
  'KMS.2106': { status: 400, message: 'The RSA key does not support this encryption algorithm.' },
  'KMS.2108': { status: 400, message: 'The plaintext is too long for this RSA key.' },
  'KMS.2201': { status: 400, message: 'Invalid cipher_text.' },
  'APIGW.0301': { status: 401, message: 'Incorrect IAM authentication information.' },
  'KMS.0101': { status: 500, message: 'KMS internal error.' },
  'KMS.0103': { status: 500, message: 'KMS system exception.' },
  'CONSOLE.0001': { status: 404, message: 'Unknown KMS operation.' },
  'CONSOLE.0002': { status: 415, message: 'Only application/json request bodies are accepted.' },
  'CONSOLE.0003': { status: 403, message: 'Cross-origin requests are refused.' },
  'CONSOLE.0004': { status: 429, message: 'Too many requests; slow down.' },
  'CONSOLE.0005': { status: 401, message: 'Sign in to use the console.' },
  'CONSOLE.0006': { status: 401, message: 'The console access token is wrong.' },
  'CONSOLE.0007': { status: 401, message: 'Paste an IAM token to use the console.' },
  'CONSOLE.0010': { status: 502, message: 'The KMS endpoint could not be reached.' },
  'CONSOLE.0011': { status: 504, message: 'The KMS endpoint did not answer in time.' },
  'CONSOLE.0012': {
    status: 502,
    message: 'The KMS endpoint answered with something that is not JSON.',
  },
  'CONSOLE.0013': { status: 502, message: 'Could not obtain an IAM token for the KMS endpoint.' },
  'CONSOLE.0014': { status: 500, message: 'The console server failed unexpectedly.' },
  'CONSOLE.0015': { status: 404, message: 'Not found.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type KmsErrorCode = keyof typeof KMS_ERROR_CODES;

export function isKnownErrorCode(code: string): code is KmsErrorCode {
  return Object.hasOwn(KMS_ERROR_CODES, code);
}

export function kmsErrorBody(code: KmsErrorCode, message?: string): KmsErrorBody {
  return { error: { error_code: code, error_msg: message ?? KMS_ERROR_CODES[code].message } };
}

/** A typed error that carries its KMS code; one error handler turns it into the wire shape. */
export class KmsError extends Error {
  readonly code: KmsErrorCode;
  readonly status: number;

  constructor(code: KmsErrorCode, message?: string) {
    super(message ?? KMS_ERROR_CODES[code].message);
    this.name = 'KmsError';
    this.code = code;
    this.status = KMS_ERROR_CODES[code].status;
  }

  toBody(): KmsErrorBody {
    return kmsErrorBody(this.code, this.message);
  }
}
