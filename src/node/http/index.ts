// HTTP helpers shared by the console server and the local KMS (Node only).
import './validation-messages';

export { sendKmsError } from './kms-error-reply';
export { errorCodeOf, mapFrameworkError, type FrameworkErrorTable } from './framework-errors';
export {
  isJsonContentType,
  parseJsonBody,
  parseJsonBytes,
  type JsonParseOptions,
} from './json-body';
export { newRequestId } from './request-id';
export {
  allowedHostOfText,
  allowedHostOfUrl,
  HostAllowlist,
  parseHostHeader,
  type AllowedHost,
} from './host-allowlist';
export {
  capConnectionsPerClient,
  timeoutOptions,
  type ConnectionLimits,
} from './connection-limits';
