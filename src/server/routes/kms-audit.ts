/** The one structured audit line per KMS operation the console forwards (or refuses). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ENCRYPTION_ALGORITHMS, KEY_ID_PATTERN, type EncryptionAlgorithm } from '../../shared/kms';
import type { KmsAuditFields } from '../http/request-context';
import { sessionLabel } from '../security/session';

function isEncryptionAlgorithm(text: string): text is EncryptionAlgorithm {
  return (ENCRYPTION_ALGORITHMS as readonly string[]).includes(text);
}

/**
 * What the audit line records of a request body. Taken before validation, so refused calls
 * are audited too; hence only values of a known form are kept, never arbitrary input.
 */
export function auditFields(operation: string, body: unknown): KmsAuditFields {
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

export function logKmsAudit(
  request: FastifyRequest<{ Params: { operation: string } }>,
  reply: FastifyReply,
): void {
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
}
