/**
 * Which guards a request needs is decided by the route it matched, not by its raw URL: the
 * router decodes percent-escapes (`/%61pi/config` is `/api/config`), so a check on the raw
 * text could be walked around.
 */
import type { FastifyRequest } from 'fastify';

const API_PREFIX = '/api/';

/** Routes that spend the upstream's credentials or reveal its configuration. */
const SESSION_ROUTES = new Set(['/api/kms/:operation', '/api/config']);

export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && route.startsWith(API_PREFIX)) return true;
  // Unmatched requests (404s) are judged by their path, decoded as the router would.
  return decodedPath(request).startsWith(API_PREFIX);
}

export function needsSession(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return route !== undefined && SESSION_ROUTES.has(route);
}

function decodedPath(request: FastifyRequest): string {
  const raw = request.url.split('?', 1)[0]!;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
