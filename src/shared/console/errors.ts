import { errorCodeTable, KMS_ERROR_CODES, KmsShapedError } from '../kms';

/**
 * The console server's own failures, answered in KMS's error shape so the browser reads one
 * shape whoever failed. Values are part of the API: never renumber one.
 */
export const CONSOLE_ERROR_CODES = errorCodeTable({
  'CONSOLE.0001': [404, 'Unknown KMS operation.'],
  'CONSOLE.0002': [415, 'Only application/json request bodies are accepted.'],
  'CONSOLE.0003': [403, 'Cross-origin requests are refused.'],
  'CONSOLE.0004': [429, 'Too many requests; slow down.'],
  'CONSOLE.0005': [401, 'Sign in to use the console.'],
  'CONSOLE.0006': [401, 'The console access token is wrong.'],
  'CONSOLE.0007': [401, 'Paste an IAM token to use the console.'],
  'CONSOLE.0010': [502, 'The KMS endpoint could not be reached.'],
  'CONSOLE.0011': [504, 'The KMS endpoint did not answer in time.'],
  'CONSOLE.0012': [502, 'The KMS endpoint answered with something that is not JSON.'],
  'CONSOLE.0013': [502, 'Could not obtain an IAM token for the KMS endpoint.'],
  'CONSOLE.0014': [500, 'The console server failed unexpectedly.'],
  'CONSOLE.0015': [404, 'Not found.'],
  // The team history and audit API.
  'CONSOLE.0100': [400, 'Invalid history or audit query.'],
  'CONSOLE.0101': [400, 'Invalid pagination cursor.'],
  'CONSOLE.0102': [404, 'The history record does not exist.'],
  'CONSOLE.0103': [400, 'Invalid history record.'],
  'CONSOLE.0104': [503, 'The history store is unavailable; try again.'],
  // The host guard, in front of everything else.
  'CONSOLE.0200': [421, 'This console does not answer the host name the request was sent to.'],
});

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
