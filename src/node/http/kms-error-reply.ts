import type { FastifyReply } from 'fastify';
import type { KmsShapedError } from '../../shared/kms';

/** Answers `{"error":{"error_code","error_msg"}}` with the error's status: KMS's one error shape. */
export function sendKmsError(reply: FastifyReply, error: KmsShapedError): FastifyReply {
  return reply.status(error.status).type('application/json; charset=utf-8').send(error.toBody());
}
