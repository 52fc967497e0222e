import type { UpstreamKind } from '../../shared/console';
import type { UpstreamAuth } from './credentials';

export interface UpstreamConfig {
  kind: UpstreamKind;
  /** Scheme, host and port, no trailing slash. */
  endpoint: string;
  region: string;
  projectId: string;
  auth: UpstreamAuth;
  timeoutMs: number;
}
