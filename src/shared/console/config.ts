import { z } from 'zod/mini';
import { authModeSchema, upstreamKindSchema } from './auth-modes';

/**
 * `GET /api/config`: exactly what the browser may know about the upstream. It names which
 * kind of credential is in use, never a credential.
 */
export const publicConfigSchema = z.object({
  upstream: upstreamKindSchema,
  /** Scheme, host and port of the KMS endpoint, no trailing slash. */
  endpoint: z.string(),
  region: z.string(),
  projectId: z.string(),
  authMode: authModeSchema,
  /** CONSOLE_ACCESS_TOKEN is set: operators sign in (see session.ts). */
  accessControl: z.boolean(),
  /** Present (true) when the team history store is on; absent, the browser keeps its own. */
  teamHistory: z.optional(z.boolean()),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;
