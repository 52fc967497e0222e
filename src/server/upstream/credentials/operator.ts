/**
 * Operator mode: the console holds no credential; each operator pastes an IAM token, which
 * the browser sends with every call and the console forwards for that call only.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ConsoleError } from '../../../shared/console';
import type { CredentialMode } from './types';

export interface OperatorSettings {
  mode: 'operator';
}

const OPERATOR_TOKEN_PATTERN = /^[\x21-\x7e]{1,16384}$/;

/** The pasted token, or CONSOLE.0007 saying what is wrong with it. */
export function operatorToken(incoming: IncomingHttpHeaders): string {
  const header = incoming['x-auth-token'];
  if (typeof header !== 'string' || header === '') throw new ConsoleError('CONSOLE.0007');
  if (!OPERATOR_TOKEN_PATTERN.test(header)) {
    throw new ConsoleError('CONSOLE.0007', 'The IAM token in X-Auth-Token is malformed.');
  }
  return header;
}

export const operatorMode: CredentialMode<OperatorSettings> = {
  mode: 'operator',
  // Chosen only by name: no variable implies it.
  isConfigured: () => false,
  problems: () => [],
  cloudSettings: () => ({ mode: 'operator' }),
  createAuthenticator: () => ({
    authenticate: async ({ headers, incoming }) => ({
      headers: { ...headers, 'x-auth-token': operatorToken(incoming) },
    }),
  }),
};
