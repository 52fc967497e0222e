/**
 * `POST /api/kms/:operation`: the console's proxy to KMS. Only the allowlisted operations
 * exist; the body is validated with the same shared schema the browser form uses, then
 * forwarded with the server's credentials (or the operator's token).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ENCRYPTION_ALGORITHMS,
  isConsoleOperation,
  KEY_ID_PATTERN,
  KmsError,
  parseKmsRequest,
  type EncryptionAlgorithm,
} from '../../shared/kms';
import type { AuthMode } from '../config';
import type { KmsAuditFields } from '../http/request-context';
import { sessionLabel } from '../security/session';
import type { KmsUpstream } from '../upstream/kms-upstream';

// The shared wire schemas are zod/mini, which carries no messages of its own (that keeps the
// browser bundle small). Register zod's English ones here, where parseKmsRequest is used, so
// error_msg reads "Invalid option: …" rather than "Invalid input" without relying on classic
// zod doing it as a side effect of building some other schema first.
z.config(z.locales.en());

type KmsRouteRequest = FastifyRequest<{ Params: { operation: string }; Body: unknown }>;

function isEncryptionAlgorithm(text: string): text is EncryptionAlgorithm {
  return (ENCRYPTION_ALGORITHMS as readonly string[]).includes(text);
}

const OPERATOR_TOKEN_PATTERN = /^[\x21-\x7e]{1,16384}$/;

function operatorToken(request: FastifyRequest): string {
  const header = request.headers['x-auth-token'];
  if (typeof header !== 'string' || header === '') throw new KmsError('CONSOLE.0007');
  if (!OPERATOR_TOKEN_PATTERN.test(header)) {
    throw new KmsError('CONSOLE.0007', 'The IAM token in X-Auth-Token is malformed.');
  }
  return header;
}

/**
 * What the audit line records of a request body. Taken before validation, so refused calls
 * are audited too; hence only values of a known form are kept, never arbitrary input.
 */
function auditFields(operation: string, body: unknown): KmsAuditFields {
  const fields: KmsAuditFields = { operation };
  if (typeof body !== 'object' || body === null) return fields;
  const { key_id: keyId, encryption_algorithm: algorithm } = body as Record<string, unknown>;
  if (typeof keyId === 'string' && KEY_ID_PATTERN.test(keyId)) fields.keyId = keyId;
  if (typeof algorithm === 'string' && isEncryptionAlgorithm(algorithm)) {
    fields.algorithm = algorithm;
  } else if (operation === 'encrypt-data' || operation === 'decrypt-data') {
    fields.algorithm = 'SYMMETRIC_DEFAULT'; // the service's default
  }
  return fields;
}

export interface KmsRouteOptions {
  upstream: KmsUpstream;
  authMode: AuthMode;
}

export function registerKmsRoutes(app: FastifyInstance, options: KmsRouteOptions): void {
  const { upstream, authMode } = options;

  app.route<{ Params: { operation: string }; Body: unknown }>({
    method: 'POST',
    url: '/api/kms/:operation',
    // Refused before the body is read: an unknown operation is never parsed nor forwarded.
    onRequest: async (request: KmsRouteRequest) => {
      const { operation } = request.params;
      if (!isConsoleOperation(operation)) {
        throw new KmsError(
          'CONSOLE.0001',
          `Unknown KMS operation: the console does not forward it.`,
        );
      }
      request.kmsAudit = { operation };
    },
    handler: async (request: KmsRouteRequest, reply: FastifyReply) => {
      const { operation } = request.params;
      if (!isConsoleOperation(operation)) throw new KmsError('CONSOLE.0001');
      request.kmsAudit = auditFields(operation, request.body);
      const body = parseKmsRequest(operation, request.body);
      const token = authMode === 'operator' ? operatorToken(request) : undefined;
      const result = await upstream.call(
        operation,
        body,
        token !== undefined ? { operatorToken: token } : {},
      );
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
      const audit = request.kmsAudit;
      request.log.info(
        {
          audit: {
            event: 'kms.operation',
            session: request.sessionId === null ? null : sessionLabel(request.sessionId),
            client: request.ip,
            operation: audit?.operation ?? request.params.operation.slice(0, 64),
            keyId: audit?.keyId ?? null,
            algorithm: audit?.algorithm ?? null,
            status: reply.statusCode,
            errorCode: request.kmsErrorCode,
            latencyMs: Math.round(reply.elapsedTime * 10) / 10,
          },
        },
        'kms operation',
      );
    },
  });

  // Every other method on an operation URL: the service's "method not supported".
  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH'],
    url: '/api/kms/:operation',
    handler: async () => {
      throw new KmsError('KMS.0215');
    },
  });
}
