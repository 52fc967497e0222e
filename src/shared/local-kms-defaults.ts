/**
 * Fixed, documented development credentials of the embedded local KMS. They protect nothing
 * of value (the local KMS holds only its own keys) and are printed at start-up; both the local
 * KMS and the console server need them, so they live here rather than in either.
 */
export const LOCAL_KMS_DEFAULTS = {
  host: '127.0.0.1',
  port: 8090,
  dataDir: '.local-kms',
  projectId: '0123456789abcdef0123456789abcdef',
  domainId: 'fedcba9876543210fedcba9876543210',
  region: 'local',
  accessKey: 'LOCALKMSDEVACCESSKEY',
  secretKey: 'localKmsDevSecretKeyNotForProduction0000',
  token: 'local-kms-dev-token',
} as const;
