/**
 * The HTTP face of the local KMS: `POST /v1.0/{project_id}/kms/{operation}` as Huawei Cloud
 * serves it. One error handler shapes every failure as `{"error":{"error_code","error_msg"}}`.
 *
 * Order of checks: URL (KMS.0201) → method (KMS.0215) → credentials (APIGW.0301 / KMS.030x)
 * → project (KMS.0321) → JSON (KMS.0202) → fields (shared schema codes) → the operation.
 * Bodies over REQUEST_BODY_MAX_BYTES are refused while reading (KMS.0203).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import {
  isJsonContentType,
  mapFrameworkError,
  newRequestId,
  parseJsonBytes,
  sendKmsError,
  type FrameworkErrorTable,
} from '../node/http';
import {
  isKmsOperation,
  KmsError,
  parseKmsRequest,
  REQUEST_BODY_MAX_BYTES,
  type KmsOperation,
} from '../shared/kms';
import { authenticate, type AuthSettings } from './auth';
import type { OperationHandlers } from './operations';

const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/** Fastify's own errors (body reading, content length, URL) as the service reports them. */
const FRAMEWORK_ERRORS: FrameworkErrorTable = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new KmsError('KMS.0203', `The request body is over ${REQUEST_BODY_MAX_BYTES} bytes.`),
  FST_ERR_BAD_URL: () => new KmsError('KMS.0201'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new KmsError('KMS.0214'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new KmsError('KMS.0214'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new KmsError('KMS.0214'),
};

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
      sendKmsError(reply, mapFrameworkError(error, FRAMEWORK_ERRORS) ?? new KmsError('KMS.0214'));
    },
  });

  // The cloud answers every request with an X-Request-Id; the SDKs surface it as requestId.
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('x-request-id', newRequestId());
  });

  // Keep every body as raw bytes: the AK/SK signature covers the exact bytes sent, and JSON
  // errors must become KMS.0202 after authentication, not a framework 400.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.setErrorHandler((error, request, reply) => {
    const mapped = mapFrameworkError(error, FRAMEWORK_ERRORS);
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
      if (!isJsonContentType(request.headers['content-type'])) {
        throw new KmsError('KMS.0214', 'Content-Type must be application/json.');
      }
      // The cloud takes "__proto__" as an ordinary key; so does its emulator.
      const json = parseJsonBytes(body, { allowProtoKeys: true });
      const response = await dispatch(operations, operation, parseKmsRequest(operation, json));
      return reply.code(200).send(response);
    },
  });

  return app;
}

/** The operation table is keyed by name: adding an operation adds an entry, not a branch. */
function dispatch<Op extends KmsOperation>(
  operations: OperationHandlers,
  operation: Op,
  request: Parameters<OperationHandlers[Op]>[0],
): Promise<unknown> {
  const handler = operations[operation] as (input: typeof request) => Promise<unknown>;
  return handler(request);
}
