import type { z } from 'zod/mini';

/** An operation's request and response schemas: one row of the operation tables. */
export function wireOperation<Request extends z.ZodMiniType, Response extends z.ZodMiniType>(
  request: Request,
  response: Response,
) {
  return { request, response };
}
