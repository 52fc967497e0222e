/**
 * Logger settings, set once. Request lines carry method, URL and client only; bodies and
 * headers are never logged, and `redact` scrubs every secret-bearing path in case an object
 * that holds one is ever logged by mistake.
 */
import type { FastifyServerOptions } from 'fastify';
import type { ConsoleConfig } from './config';

const SECRET_FIELDS = [
  'plain_text',
  'plain_text_base64',
  'cipher_text',
  'access_token',
  'password',
  'token',
  'secretKey',
  'accessKey',
  'authorization',
  'cookie',
  'x-auth-token',
  'x-subject-token',
  'set-cookie',
];

export const REDACT_PATHS = [
  'body',
  'auth',
  'headers',
  'req.headers',
  'req.body',
  'res.headers',
  ...SECRET_FIELDS.map((field) => `["${field}"]`),
  ...SECRET_FIELDS.map((field) => `*["${field}"]`),
  ...SECRET_FIELDS.map((field) => `*.*["${field}"]`),
];

interface LoggedRequest {
  method: string;
  url: string;
  ip: string;
}

export function loggerOptions(config: ConsoleConfig): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: request.url,
        client: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    ...(config.logStream !== undefined && { stream: config.logStream }),
  };
}
