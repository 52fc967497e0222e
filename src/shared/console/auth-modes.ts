import { z } from 'zod/mini';

/**
 * How the console authenticates to KMS, as `KMS_AUTH_MODE` names it and `/api/config` reports
 * it: `aksk` signs with an AK/SK, `token` sends a fixed X-Auth-Token, `password` logs in to IAM
 * and renews the token, `operator` forwards the token each operator pastes.
 */
export const AUTH_MODES = ['aksk', 'token', 'password', 'operator'] as const;
export const authModeSchema = z.enum(AUTH_MODES);
export type AuthMode = z.infer<typeof authModeSchema>;

/** Where the console's KMS lives: the embedded local KMS or Huawei Cloud. */
export const UPSTREAM_KINDS = ['local', 'cloud'] as const;
export const upstreamKindSchema = z.enum(UPSTREAM_KINDS);
export type UpstreamKind = z.infer<typeof upstreamKindSchema>;
