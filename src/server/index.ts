export {
  loadConsoleConfig,
  type ConsoleConfig,
  type LocalKmsSource,
  type TrustProxy,
} from './config';
export type { LocalKmsHandover, UpstreamAuth } from './upstream/credentials';
export type { UpstreamConfig } from './upstream/upstream-config';
export { buildConsoleServer } from './app';
export { publicConfig } from './routes/meta';
export { CONTENT_SECURITY_POLICY } from './security/headers';
