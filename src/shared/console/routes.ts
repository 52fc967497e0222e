/** The console's own HTTP paths, so the browser and the server cannot spell them apart. */
export const CONSOLE_API = {
  config: '/api/config',
  session: '/api/session',
  health: '/healthz',
  /** The team history (`/api/history/...`) and its audit trail. */
  history: '/api/history',
  audit: '/api/audit',
  /** `POST` the KMS request body of the operation itself; the answer is the KMS answer. */
  kmsOperation: (operation: string) => `/api/kms/${operation}`,
} as const;

/** Every console API path starts with this; anything else is the browser app. */
export const CONSOLE_API_PREFIX = '/api/';
