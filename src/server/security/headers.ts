/**
 * Response headers that keep hostile pages away from the console: no framing, no inline
 * scripts, no MIME sniffing, no referrer leaving the page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isApiRequest } from '../http/api-route';

/**
 * Scripts come only from the console's own origin (the Vite build emits no inline script).
 * Mantine injects <style> elements at run time, hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const STATIC_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(STATIC_HEADERS);
  if (request.protocol === 'https') {
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }
  if (isApiRequest(request)) {
    // KMS answers (plaintext after decrypt) must not stay in any cache.
    reply.header('cache-control', 'no-store');
  }
}
