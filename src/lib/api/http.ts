import {
  decryptDataResponseSchema,
  describeKeyResponseSchema,
  encryptDataResponseSchema,
  getPublicKeyResponseSchema,
  kmsErrorBodySchema,
  listKeysResponseSchema,
  type ConsoleOperation,
  type KMS_OPERATIONS,
  type KmsRequest,
  type KmsResponse,
} from '../../shared/kms';
import {
  createDatakeyResponseSchema,
  decryptDatakeyResponseSchema,
} from '../../shared/kms/datakey-responses';
// shared/console's module, not its index: the index's history schemas (built at module level,
// so not tree-shaken) would otherwise land in the first load.
import { CONSOLE_API } from '../../shared/console/routes';
import { operatorToken } from './operator-token';

/** Codes for failures that never reached a KMS answer; explained like the KMS ones. */
export const CLIENT_ERROR_CODES = {
  network: 'CLIENT.NETWORK',
  badResponse: 'CLIENT.BAD_RESPONSE',
} as const;

/** A failed call, in the KMS error vocabulary whatever went wrong. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number | undefined;

  constructor(code: string, message: string, status?: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** fetch + JSON + the error shape, for every /api call. */
export async function requestJson(path: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(CLIENT_ERROR_CODES.network, '');
  }
  const body = await readJson(response);
  if (!response.ok) {
    const parsed = kmsErrorBodySchema.safeParse(body);
    if (parsed.success) {
      throw new ApiError(
        parsed.data.error.error_code,
        parsed.data.error.error_msg,
        response.status,
      );
    }
    throw new ApiError(CLIENT_ERROR_CODES.badResponse, '', response.status);
  }
  return body;
}

/**
 * The response schema of each operation the console forwards; the type ties each one to the
 * shared contract. Not KMS_OPERATIONS itself: the browser never calls key management, and
 * leaving that map out keeps most of their schema code out of the bundle.
 */
const RESPONSE_SCHEMAS = {
  'encrypt-data': encryptDataResponseSchema,
  'decrypt-data': decryptDataResponseSchema,
  'list-keys': listKeysResponseSchema,
  'describe-key': describeKeyResponseSchema,
  'get-publickey': getPublicKeyResponseSchema,
  'create-datakey': createDatakeyResponseSchema,
  'decrypt-datakey': decryptDatakeyResponseSchema,
} as const satisfies { [Op in ConsoleOperation]: (typeof KMS_OPERATIONS)[Op]['response'] };

/**
 * What a call is for, when the operation alone does not say: Verify's decrypt-data is audited
 * as `verify` (the server reads X-Console-Action), not as an operator's decryption.
 */
export type ConsoleAction = 'verify';

function jsonHeaders(action?: ConsoleAction): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (action) headers['X-Console-Action'] = action;
  const token = operatorToken.get();
  if (token) headers['X-Auth-Token'] = token;
  return headers;
}

/**
 * Calls one KMS operation through the console server: the body is the KMS request itself, the
 * answer the KMS response itself, checked against the shared contract.
 */
export async function postKms<Op extends ConsoleOperation>(
  operation: Op,
  body: KmsRequest<Op>,
  signal?: AbortSignal,
  action?: ConsoleAction,
): Promise<KmsResponse<Op>> {
  const answer = await requestJson(CONSOLE_API.kmsOperation(operation), {
    method: 'POST',
    headers: jsonHeaders(action),
    body: JSON.stringify(body),
    signal,
  });
  const parsed = RESPONSE_SCHEMAS[operation].safeParse(answer);
  if (!parsed.success) throw new ApiError(CLIENT_ERROR_CODES.badResponse, '');
  return parsed.data as KmsResponse<Op>;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
