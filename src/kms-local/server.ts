/**
 * The HTTP face of the local KMS: `POST /v1.0/{project_id}/kms/{operation}` and the REST routes
 * of route-table.ts as Huawei Cloud serves them, and the API versions at the root. One error
 * handler shapes every failure as `{"error":{"error_code","error_msg"}}`.
 *
 * Order of checks: URL (KMS.0201) → method (KMS.0215) → credentials (APIGW.0301 / KMS.030x)
 * → project (KMS.0321) → JSON (KMS.0202) → fields (shared schema codes) → the operation.
 * Bodies over REQUEST_BODY_MAX_BYTES are refused while reading (KMS.0203).
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  isJsonContentType,
  mapFrameworkError,
  newRequestId,
  parseJsonBytes,
  sendKmsError,
  type FrameworkErrorTable,
} from '../node/http';
import {
  KmsError,
  parseKmsRequest,
  REQUEST_BODY_MAX_BYTES,
  type KmsOperation,
} from '../shared/kms';
import { authenticate, type AuthSettings } from './auth';
import { hardenKmsServer, kmsTimeoutOptions, type KmsServerSettings } from './http-hardening';
import type { OperationHandlers } from './operations';
import { kmsPathSegments, matchKmsRoute, type RouteMatch } from './route-table';
import { API_VERSION_ID, apiVersion } from './versions';

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

export function buildKmsApp(
  operations: OperationHandlers,
  auth: AuthSettings & KmsServerSettings,
): FastifyInstance {
  const app = Fastify({
    ...kmsTimeoutOptions(auth),
    bodyLimit: REQUEST_BODY_MAX_BYTES,
    exposeHeadRoutes: false,
    logger: {
      level: 'warn',
      // Requests carry tokens, signatures and plaintext; none of it belongs in a log.
      redact: ['req.headers.authorization', 'req.headers["x-auth-token"]', 'req.body'],
    },
    frameworkErrors: (error, _request, reply) => {
      // Errors the router raises before any hook ran still carry a request id.
      if (!reply.hasHeader('x-request-id')) void reply.header('x-request-id', newRequestId());
      sendKmsError(reply, mapFrameworkError(error, FRAMEWORK_ERRORS) ?? new KmsError('KMS.0214'));
    },
  });

  // First of all hooks: a foreign host name is refused before anything is read.
  hardenKmsServer(app, auth);

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

  app.route<{ Params: { projectId: string }; Body: Buffer | undefined }>({
    method: ALL_METHODS,
    url: '/v1.0/:projectId/kms/*',
    handler: async (request, reply) => {
      const rawUrl = request.raw.url ?? request.url;
      const segments = kmsPathSegments(rawUrl);
      const route: RouteMatch = segments
        ? matchKmsRoute(request.method, segments)
        : { kind: 'unknown-path' };
      if (route.kind === 'unknown-path') {
        throw new KmsError('KMS.0201', `Invalid request URL: no operation at ${request.url}.`);
      }
      if (route.kind === 'method-not-allowed') throw new KmsError('KMS.0215');
      const body = request.body ?? Buffer.alloc(0);
      authenticate(
        {
          method: request.method,
          rawUrl,
          headers: request.headers,
          body,
          projectIdInPath: request.params.projectId,
        },
        auth,
      );
      const fields = requestFields(request.method, body, request.headers['content-type'], rawUrl);
      const input = withPathFields(fields, route.pathFields);
      const response = await dispatch(
        operations,
        route.operation,
        parseKmsRequest(route.operation, input),
      );
      if (route.status === 204) return reply.code(204).send();
      return reply.code(route.status).send(response);
    },
  });

  // API versions live at the endpoint's root, outside any project, and need no credentials.
  app.get('/', async (request) => ({ versions: [apiVersion(baseUrlOf(request))] }));
  app.get<{ Params: { versionId: string } }>('/:versionId', async (request) => {
    if (request.params.versionId !== API_VERSION_ID) {
      throw new KmsError(
        'KMS.0201',
        `Invalid request URL: no API version ${request.params.versionId}.`,
      );
    }
    return { version: apiVersion(baseUrlOf(request)) };
  });

  return app;
}

/** The operation table is keyed by name: adding an operation adds an entry, not a branch. */
function baseUrlOf(request: FastifyRequest): string {
  return `http://${request.headers.host ?? request.hostname}`;
}

/**
 * The request's fields: the JSON body; for GET the query string instead (GET carries no
 * body). A DELETE may come without a body (tag deletion) or with one (alias deletion).
 */
function requestFields(
  method: string,
  body: Buffer,
  contentType: string | undefined,
  rawUrl: string,
): unknown {
  if (method === 'GET') {
    const query = new URL(rawUrl, 'http://local').searchParams;
    return Object.fromEntries(query.entries());
  }
  if (method === 'DELETE' && body.length === 0) return {};
  if (!isJsonContentType(contentType)) {
    throw new KmsError('KMS.0214', 'Content-Type must be application/json.');
  }
  // The cloud takes "__proto__" as an ordinary key; so does its emulator.
  return parseJsonBytes(body, { allowProtoKeys: true });
}

/** Path parameters ({key_id}, {key}) join the body's fields; the path wins a clash. */
function withPathFields(fields: unknown, pathFields: Record<string, string>): unknown {
  if (Object.keys(pathFields).length === 0) return fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return fields;
  return { ...fields, ...pathFields };
}

function dispatch<Op extends KmsOperation>(
  operations: OperationHandlers,
  operation: Op,
  request: Parameters<OperationHandlers[Op]>[0],
): Promise<unknown> {
  const handler = operations[operation] as (input: typeof request) => Promise<unknown>;
  return handler(request);
}
