/** A fixed IAM token (KMS_AUTH_TOKEN) sent as X-Auth-Token; renewing it is the operator's job. */
import { credential } from '../../config/fields';
import { required, type CredentialMode } from './types';

/** The variables this mode reads, declared with the console's environment schema. */
export const tokenEnv = { KMS_AUTH_TOKEN: credential.optional() };

export interface TokenSettings {
  mode: 'token';
  token: string;
}

export const tokenMode: CredentialMode<TokenSettings> = {
  mode: 'token',
  isConfigured: (env) => env.KMS_AUTH_TOKEN !== undefined,
  problems: (env) =>
    env.KMS_AUTH_TOKEN === undefined
      ? [['KMS_AUTH_TOKEN', 'is required when KMS_AUTH_MODE=token']]
      : [],
  cloudSettings: (env) => ({
    mode: 'token',
    token: required(env.KMS_AUTH_TOKEN, 'KMS_AUTH_TOKEN'),
  }),
  createAuthenticator: (settings) => ({
    authenticate: async ({ headers }) => ({
      headers: { ...headers, 'x-auth-token': settings.token },
    }),
  }),
};
