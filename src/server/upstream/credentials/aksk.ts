/** AK/SK: every call signed with SDK-HMAC-SHA256, as the Huawei Cloud SDKs do. */
import { signRequest } from '../../../shared/signing/sdk-hmac-sha256';
import { credential } from '../../config/fields';
import { required, type CredentialMode } from './types';

/** The variables this mode reads, declared with the console's environment schema. */
export const akskEnv = {
  HUAWEICLOUD_SDK_AK: credential.optional(),
  HUAWEICLOUD_SDK_SK: credential.optional(),
};

export interface AkskSettings {
  mode: 'aksk';
  accessKey: string;
  secretKey: string;
}

export const akskMode: CredentialMode<AkskSettings> = {
  mode: 'aksk',
  isConfigured: (env) => env.HUAWEICLOUD_SDK_AK !== undefined,
  alwaysProblems: (env) =>
    (env.HUAWEICLOUD_SDK_AK === undefined) !== (env.HUAWEICLOUD_SDK_SK === undefined)
      ? [
          [
            env.HUAWEICLOUD_SDK_AK === undefined ? 'HUAWEICLOUD_SDK_AK' : 'HUAWEICLOUD_SDK_SK',
            'HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK must be set together',
          ],
        ]
      : [],
  problems: (env) =>
    env.HUAWEICLOUD_SDK_AK === undefined
      ? [['HUAWEICLOUD_SDK_AK', 'is required (with HUAWEICLOUD_SDK_SK) when KMS_AUTH_MODE=aksk']]
      : [],
  cloudSettings: (env) => ({
    mode: 'aksk',
    accessKey: required(env.HUAWEICLOUD_SDK_AK, 'HUAWEICLOUD_SDK_AK'),
    secretKey: required(env.HUAWEICLOUD_SDK_SK, 'HUAWEICLOUD_SDK_SK'),
  }),
  createAuthenticator: (settings) => ({
    authenticate: async ({ url, payload, headers }) => ({
      headers: signRequest({
        method: 'POST',
        url: url.toString(),
        headers,
        body: payload,
        accessKey: settings.accessKey,
        secretKey: settings.secretKey,
      }),
    }),
  }),
};
