/**
 * `POST /api/kms/:operation`: the console's proxy to KMS. Only the allowlisted operations
 * exist; the body is validated with the same shared schema the browser form uses, then
 * forwarded with the configured credentials (see upstream/credentials).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import '../../node/http/validation-messages';
import { CONSOLE_API, ConsoleError } from '../../shared/console';
import { isConsoleOperation, KmsError, parseKmsRequest } from '../../shared/kms';
import type { KmsUpstream } from '../upstream/kms-upstream';
import { auditFields, logKmsAudit } from './kms-audit';

const OPERATION_ROUTE = CONSOLE_API.kmsOperation(':operation');

type KmsRouteRequest = FastifyRequest<{ Params: { operation: string }; Body: unknown }>;

export interface KmsRouteOptions {
  upstream: KmsUpstream;
}

export const kmsRoutes: FastifyPluginAsync<KmsRouteOptions> = async (app, { upstream }) => {
  app.route<{ Params: { operation: string }; Body: unknown }>({
    method: 'POST',
    url: OPERATION_ROUTE,
    // Refused before the body is read: an unknown operation is never parsed nor forwarded.
    onRequest: async (request: KmsRouteRequest) => {
      const { operation } = request.params;
      if (!isConsoleOperation(operation)) {
        throw new ConsoleError(
          'CONSOLE.0001',
          `Unknown KMS operation: the console does not forward it.`,
        );
      }
      request.kmsAudit = { operation };
    },
    handler: async (request: KmsRouteRequest, reply: FastifyReply) => {
      const { operation } = request.params;
      if (!isConsoleOperation(operation)) throw new ConsoleError('CONSOLE.0001');
      request.kmsAudit = auditFields(operation, request.body);
      const body = parseKmsRequest(operation, request.body);
      const result = await upstream.call(operation, body, { incoming: request.headers });
      // Decrypting an asymmetric ciphertext without a key id: the answer names the key.
      if (request.kmsAudit.keyId === undefined && typeof result.body.key_id === 'string') {
        request.kmsAudit.keyId = result.body.key_id;
      }
      const error = result.body.error;
      if (typeof error === 'object' && error !== null && 'error_code' in error) {
        request.kmsErrorCode = String(error.error_code);
      }
      return reply.status(result.status).send(result.body);
    },
    onResponse: async (request: KmsRouteRequest, reply: FastifyReply) => {
      logKmsAudit(request, reply);
    },
  });

  // Every other method on an operation URL: the service's "method not supported".
  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH'],
    url: OPERATION_ROUTE,
    handler: async () => {
      throw new KmsError('KMS.0215');
    },
  });
};
