export {
  loadConsoleConfig,
  isLoopbackHost,
  AUTH_MODES,
  type AuthMode,
  type ConsoleConfig,
  type TrustProxy,
  type UpstreamAuth,
  type UpstreamConfig,
} from './config';
export { buildConsoleServer } from './app';
export { publicConfig, type PublicConfig } from './routes/meta';
export { CONTENT_SECURITY_POLICY } from './security/headers';
