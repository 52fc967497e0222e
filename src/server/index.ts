export {
  loadConsoleConfig,
  type ConsoleConfig,
  type LocalKmsSource,
  type TrustProxy,
} from './config';
export type { LocalKmsHandover, UpstreamAuth } from './upstream/credentials';
export type { UpstreamConfig } from './upstream/upstream-config';
export { buildConsoleServer, type ConsoleServices } from './app';
export { openConsoleHistory } from './history/console-history';
export { publicConfig } from './routes/meta';
export { CONTENT_SECURITY_POLICY } from './security/headers';
