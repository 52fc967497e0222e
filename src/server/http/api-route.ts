/**
 * Which guards a request needs is decided by the route it matched, not by its raw URL: the
 * router decodes percent-escapes (`/%61pi/config` is `/api/config`), so a check on the raw
 * text could be walked around.
 */
import type { FastifyRequest } from 'fastify';
import { CONSOLE_API, CONSOLE_API_PREFIX as API_PREFIX } from '../../shared/console';

/** Routes that spend the upstream's credentials or reveal its configuration. */
const SESSION_ROUTES = new Set([CONSOLE_API.kmsOperation(':operation'), CONSOLE_API.config]);

export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && route.startsWith(API_PREFIX)) return true;
  // Unmatched requests (404s) are judged by their path, decoded as the router would.
  return decodedPath(request).startsWith(API_PREFIX);
}

/** The team history and its audit: who encrypted what is for signed-in operators only. */
const SESSION_ROUTE_PREFIXES = [CONSOLE_API.history, CONSOLE_API.audit];

export function needsSession(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route === undefined) return false;
  return SESSION_ROUTES.has(route) || SESSION_ROUTE_PREFIXES.some((p) => route.startsWith(p));
}

function decodedPath(request: FastifyRequest): string {
  const raw = request.url.split('?', 1)[0]!;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
