/**
 * The HTTP face of the local KMS: `POST /v1.0/{project_id}/kms/{operation}` as Huawei Cloud
 * serves it. One error handler shapes every failure as `{"error":{"error_code","error_msg"}}`.
 *
 * Order of checks: URL (KMS.0201) → method (KMS.0215) → credentials (APIGW.0301 / KMS.030x)
 * → project (KMS.0321) → JSON (KMS.0202) → fields (shared schema codes) → the operation.
 * Bodies over REQUEST_BODY_MAX_BYTES are refused while reading (KMS.0203).
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  isKmsOperation,
  KmsError,
  parseKmsRequest,
  REQUEST_BODY_MAX_BYTES,
  type KmsOperation,
} from '../shared/kms';
import { authenticate, type AuthSettings } from './auth';
import type { OperationHandlers } from './operations';

// The shared wire schemas are zod/mini, which carries no messages of its own (that keeps the
// browser bundle small). Register zod's English ones here, where parseKmsRequest is used, so
// error_msg reads "Invalid option: …" rather than "Invalid input" without relying on classic
// zod doing it as a side effect of building some other schema first.
z.config(z.locales.en());

const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const JSON_CONTENT_TYPE = /^application\/json\s*(;.*)?$/i;

function sendKmsError(reply: FastifyReply, error: KmsError): void {
  void reply.code(error.status).send(error.toBody());
}

/** Maps Fastify's own errors (body reading, content length) to KMS codes. */
function kmsErrorFromFramework(error: { code?: string; statusCode?: number }): KmsError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new KmsError('KMS.0203', `The request body is over ${REQUEST_BODY_MAX_BYTES} bytes.`);
    case 'FST_ERR_BAD_URL':
      return new KmsError('KMS.0201');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new KmsError('KMS.0214');
    default:
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return new KmsError('KMS.0214');
      }
      return null;
  }
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function parseJsonBody(body: Buffer | undefined): unknown {
  if (!body || body.length === 0) throw new KmsError('KMS.0202', 'The request body is empty.');
  try {
    return JSON.parse(utf8Strict.decode(body));
  } catch {
    throw new KmsError('KMS.0202');
  }
}

export function buildKmsApp(operations: OperationHandlers, auth: AuthSettings): FastifyInstance {
  const app = Fastify({
    bodyLimit: REQUEST_BODY_MAX_BYTES,
    exposeHeadRoutes: false,
    logger: {
      level: 'warn',
      // Requests carry tokens, signatures and plaintext; none of it belongs in a log.
      redact: ['req.headers.authorization', 'req.headers["x-auth-token"]', 'req.body'],
    },
    frameworkErrors: (error, _request, reply) => {
      sendKmsError(reply, kmsErrorFromFramework(error) ?? new KmsError('KMS.0214'));
    },
  });

  // The cloud answers every request with an X-Request-Id; the SDKs surface it as requestId.
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('x-request-id', randomUUID().replaceAll('-', ''));
  });

  // Keep every body as raw bytes: the AK/SK signature covers the exact bytes sent, and JSON
  // errors must become KMS.0202 after authentication, not a framework 400.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof KmsError) return sendKmsError(reply, error);
    const mapped = kmsErrorFromFramework(error as { code?: string; statusCode?: number });
    if (mapped) return sendKmsError(reply, mapped);
    request.log.error({ err: { message: (error as Error).message } }, 'local KMS failure');
    return sendKmsError(reply, new KmsError('KMS.0101'));
  });

  app.setNotFoundHandler((_request, reply) => {
    sendKmsError(reply, new KmsError('KMS.0201', 'Invalid request URL: no such path.'));
  });

  app.route<{ Params: { projectId: string; operation: string }; Body: Buffer | undefined }>({
    method: ALL_METHODS,
    url: '/v1.0/:projectId/kms/:operation',
    handler: async (request, reply) => {
      const { projectId, operation } = request.params;
      if (!isKmsOperation(operation)) {
        throw new KmsError('KMS.0201', `Invalid request URL: unknown operation ${operation}.`);
      }
      if (request.method !== 'POST') throw new KmsError('KMS.0215');
      const body = request.body ?? Buffer.alloc(0);
      authenticate(
        {
          method: request.method,
          rawUrl: request.raw.url ?? request.url,
          headers: request.headers,
          body,
          projectIdInPath: projectId,
        },
        auth,
      );
      const contentType = request.headers['content-type'];
      if (contentType === undefined || !JSON_CONTENT_TYPE.test(contentType)) {
        throw new KmsError('KMS.0214', 'Content-Type must be application/json.');
      }
      const parsed = parseKmsRequest(operation, parseJsonBody(body));
      const response = await dispatch(operations, operation, parsed);
      return reply.code(200).send(response);
    },
  });

  return app;
}

function dispatch<Op extends KmsOperation>(
  operations: OperationHandlers,
  operation: Op,
  request: Parameters<OperationHandlers[Op]>[0],
): Promise<unknown> {
  const handler = operations[operation] as (input: typeof request) => Promise<unknown>;
  return handler(request);
}
