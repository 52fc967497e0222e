/**
 * Cross-site request refusal for state-changing /api calls. Browsers send `Origin` on every
 * cross-origin POST; a request from another origin is refused before anything is parsed.
 * Clients that are not browsers (curl, SDKs) send no Origin and are judged by other means.
 */
import type { FastifyRequest } from 'fastify';

export function isForeignOrigin(
  request: FastifyRequest,
  allowedOrigins: readonly string[],
): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) {
    // No Origin but the browser says the request is cross-site: refuse all the same.
    return request.headers['sec-fetch-site'] === 'cross-site';
  }
  if (allowedOrigins.includes(origin)) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return true; // includes the opaque origin "null" of sandboxed frames and file: pages
  }
  return url.host !== request.host || url.protocol !== `${request.protocol}:`;
}
