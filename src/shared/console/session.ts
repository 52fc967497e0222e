import { z } from 'zod/mini';

/** The console access token is at most this long (CONSOLE_ACCESS_TOKEN's own limit). */
export const ACCESS_TOKEN_MAX_CHARS = 1024;

/**
 * `GET /api/session`: whether sign-in is needed, and whether this browser is signed in. Signed
 * in, `expiresInSeconds` says how long the session lasts without further use (a count, not a
 * time, so the browser's clock does not matter), so the browser can warn before it ends.
 */
export const sessionStatusSchema = z.object({
  required: z.boolean(),
  signedIn: z.boolean(),
  expiresInSeconds: z.optional(z.number().check(z.int(), z.nonnegative())),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/**
 * `POST /api/session`: exchanges the access token for an HttpOnly session cookie; the answer
 * is 204 without a body. `DELETE /api/session` signs out (204 too).
 */
export const signInRequestSchema = z.strictObject({
  access_token: z.string().check(z.minLength(1), z.maxLength(ACCESS_TOKEN_MAX_CHARS)),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;
