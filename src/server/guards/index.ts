export {
  installApiGuards,
  jsonBodyGuard,
  rateLimitGuard,
  sameOriginGuard,
  sessionGuard,
} from './guards';
export { consoleHostAllowlist, installHostGuard } from './host';
export { RateLimiter } from './rate-limit';
export { sessionOf } from './session';
export type { ApiGuard } from './types';
