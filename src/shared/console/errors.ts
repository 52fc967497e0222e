import { KMS_ERROR_CODES, KmsShapedError, type ErrorCodeInfo } from '../kms';

/**
 * The console server's own failures, answered in KMS's error shape so the browser reads one
 * shape whoever failed. Values are part of the API: never renumber one.
 */
export const CONSOLE_ERROR_CODES = {
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
  'CONSOLE.0200': {
    status: 421,
    message: 'This console does not answer the host name the request was sent to.',
  },
} as const satisfies Record<`CONSOLE.${string}`, ErrorCodeInfo>;

export type ConsoleErrorCode = keyof typeof CONSOLE_ERROR_CODES;

/** Every code a console answer can carry: the KMS service's (passed through) and its own. */
export const API_ERROR_CODES = { ...KMS_ERROR_CODES, ...CONSOLE_ERROR_CODES } as const;
export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export function isConsoleErrorCode(code: string): code is ConsoleErrorCode {
  return Object.hasOwn(CONSOLE_ERROR_CODES, code);
}

/** A failure of the console itself; the server's error handler shapes it like a KmsError. */
export class ConsoleError extends KmsShapedError {
  declare readonly code: ConsoleErrorCode;

  constructor(code: ConsoleErrorCode, message?: string) {
    super(CONSOLE_ERROR_CODES, code, message);
    this.name = 'ConsoleError';
  }
}
