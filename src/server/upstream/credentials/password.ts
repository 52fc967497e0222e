/**
 * Password mode: the console logs in to IAM with a user's password, caches the token, renews
 * it before it expires, and renews once more when KMS refuses it early.
 */
import { z } from 'zod';
import { httpUrl, nonEmpty } from '../../config/fields';
import { IamTokenProvider } from './iam-token';
import { required, type CredentialMode, type EnvProblem } from './types';

export interface PasswordSettings {
  mode: 'password';
  iamEndpoint: string;
  domain: string;
  user: string;
  password: string;
}

/** The variables this mode reads, declared with the console's environment schema. */
export const passwordEnv = {
  KMS_IAM_ENDPOINT: httpUrl.optional(),
  HUAWEICLOUD_IAM_DOMAIN: nonEmpty.optional(),
  HUAWEICLOUD_IAM_USER: nonEmpty.optional(),
  HUAWEICLOUD_IAM_PASSWORD: z.string().min(1, 'must not be empty').optional(),
};

const VARIABLES = ['HUAWEICLOUD_IAM_DOMAIN', 'HUAWEICLOUD_IAM_USER', 'HUAWEICLOUD_IAM_PASSWORD'];

export const passwordMode: CredentialMode<PasswordSettings> = {
  mode: 'password',
  isConfigured: (env) =>
    env.HUAWEICLOUD_IAM_PASSWORD !== undefined || env.HUAWEICLOUD_IAM_USER !== undefined,
  problems: (env, region) => {
    const problems: EnvProblem[] = VARIABLES.filter(
      (variable) => env[variable as keyof typeof env] === undefined,
    ).map((variable) => [variable, 'is required when KMS_AUTH_MODE=password']);
    if (env.KMS_IAM_ENDPOINT === undefined && region === undefined) {
      problems.push([
        'KMS_REGION',
        'is required to find the IAM endpoint (or set KMS_IAM_ENDPOINT) in password mode',
      ]);
    }
    return problems;
  },
  cloudSettings: (env, region) => ({
    mode: 'password',
    iamEndpoint: env.KMS_IAM_ENDPOINT ?? `https://iam.${region}.myhuaweicloud.com`,
    domain: required(env.HUAWEICLOUD_IAM_DOMAIN, 'HUAWEICLOUD_IAM_DOMAIN'),
    user: required(env.HUAWEICLOUD_IAM_USER, 'HUAWEICLOUD_IAM_USER'),
    password: required(env.HUAWEICLOUD_IAM_PASSWORD, 'HUAWEICLOUD_IAM_PASSWORD'),
  }),
  createAuthenticator: (settings, { client, projectId, onIamFailure }) => {
    const tokens = new IamTokenProvider(client, settings, projectId, onIamFailure);
    return {
      get iamRequests() {
        return tokens.requests;
      },
      async authenticate({ headers }) {
        const token = await tokens.token();
        return {
          headers: { ...headers, 'x-auth-token': token },
          // A cached token can be revoked or expire early: forget it and retry once.
          refused: () => {
            tokens.invalidate(token);
            return true;
          },
        };
      },
    };
  },
};
