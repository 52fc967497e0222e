/**
 * The team history's variables: where the store lives (CONSOLE_DATA_DIR, DATABASE_URL), whether
 * there is one (CONSOLE_HISTORY), and who an operator is behind an SSO proxy
 * (CONSOLE_IDENTITY_HEADER). DATABASE_URL may hold a password: no message quotes it.
 */
import { z } from 'zod';
import { nonEmpty, type TrustProxy } from './fields';

export const postgresUrl = z
  .string()
  .trim()
  .refine((text) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(text).protocol);
    } catch {
      return false;
    }
  }, 'must be a postgres:// or postgresql:// URL');

/** An HTTP header name, lower-cased as Node presents incoming headers. */
export const headerName = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/,
    'must be an HTTP header name such as X-Forwarded-User',
  )
  .transform((text) => text.toLowerCase());

export const historyEnv = {
  CONSOLE_DATA_DIR: nonEmpty.default('.console-data'),
  DATABASE_URL: postgresUrl.optional(),
  CONSOLE_HISTORY: z.enum(['on', 'off']).default('on'),
  CONSOLE_IDENTITY_HEADER: headerName.optional(),
};

interface HistoryEnvValues {
  CONSOLE_DATA_DIR: string;
  DATABASE_URL?: string | undefined;
  CONSOLE_HISTORY: 'on' | 'off';
  CONSOLE_IDENTITY_HEADER?: string | undefined;
  CONSOLE_TRUST_PROXY: TrustProxy;
}

/** Cross-variable rules, as [variable, message] pairs. */
export function historyProblems(env: HistoryEnvValues): Array<[string, string]> {
  // A header any client can set names nobody: it is believed only from a trusted proxy, and
  // refusing the setting beats silently recording every operator as "local".
  if (env.CONSOLE_IDENTITY_HEADER !== undefined && env.CONSOLE_TRUST_PROXY === false) {
    return [
      [
        'CONSOLE_IDENTITY_HEADER',
        'is only believed from a trusted proxy: set CONSOLE_TRUST_PROXY to the proxy that sets it',
      ],
    ];
  }
  return [];
}

export interface HistoryConfig {
  /** CONSOLE_HISTORY=off: no store, the browser-only history. */
  enabled: boolean;
  /** A PostgreSQL server shared by every console replica. */
  databaseUrl?: string;
  /** The embedded store (PGlite) goes in `history/` under it. */
  dataDir: string;
  /** The header an SSO proxy names the operator in (lower case); believed with trust proxy. */
  identityHeader?: string;
  /** The IAM that says whose token an operator pasted (operator mode). */
  iamEndpoint?: string;
}

export function historyConfigFrom(
  env: HistoryEnvValues,
  iamEndpoint: string | undefined,
): HistoryConfig {
  return {
    ...(iamEndpoint !== undefined && { iamEndpoint }),
    enabled: env.CONSOLE_HISTORY === 'on',
    ...(env.DATABASE_URL !== undefined && { databaseUrl: env.DATABASE_URL }),
    dataDir: env.CONSOLE_DATA_DIR,
    ...(env.CONSOLE_IDENTITY_HEADER !== undefined && {
      identityHeader: env.CONSOLE_IDENTITY_HEADER,
    }),
  };
}
