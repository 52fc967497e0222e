/**
 * The embedded local KMS: its own dev credentials, handed over by the composition root (the
 * local KMS parses LOCAL_KMS_*; the console never reads those variables itself).
 */
import type { ConsoleEnv } from '../../config/env';
import type { UpstreamAuth } from './index';

/** What the console needs of the local KMS's settings (its LocalKmsConfig has them all). */
export interface LocalKmsHandover {
  /** The address it listens on; 0.0.0.0 or :: are reached on loopback. */
  host: string;
  port: number;
  projectId: string;
  region: string;
  accessKey: string;
  secretKey: string;
  token: string;
}

/** AK/SK by default; KMS_AUTH_MODE=token sends KMS_AUTH_TOKEN or the local KMS's own token. */
export function localCredentials(env: ConsoleEnv, localKms: LocalKmsHandover): UpstreamAuth {
  switch (env.KMS_AUTH_MODE) {
    case 'token':
      return { mode: 'token', token: env.KMS_AUTH_TOKEN ?? localKms.token };
    case 'operator':
      return { mode: 'operator' };
    default:
      return { mode: 'aksk', accessKey: localKms.accessKey, secretKey: localKms.secretKey };
  }
}
