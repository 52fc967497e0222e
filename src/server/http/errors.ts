/**
 * The one place errors become responses: every failure, ours or Fastify's, leaves in the KMS
 * error shape `{"error":{"error_code","error_msg"}}`, with a 4xx for anything the client did.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { KmsError, kmsErrorBody } from '../../shared/kms';

function fastifyErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function clientStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  const { statusCode } = error as { statusCode: unknown };
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500
    ? statusCode
    : undefined;
}

/** Maps any error to the KMS error it stands for; null when it is a fault of ours (a 500). */
export function toKmsError(error: unknown): KmsError | null {
  if (error instanceof KmsError) return error;
  switch (fastifyErrorCode(error)) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new KmsError('CONSOLE.0002');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new KmsError('KMS.0203');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new KmsError('KMS.0202');
    default:
      break;
  }
  if (error instanceof SyntaxError) return new KmsError('KMS.0202');
  if (clientStatus(error) !== undefined) return new KmsError('KMS.0214');
  return null;
}

export function sendKmsError(reply: FastifyReply, error: KmsError): FastifyReply {
  return reply.status(error.status).type('application/json; charset=utf-8').send(error.toBody());
}

export function errorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const kmsError = toKmsError(error);
  if (kmsError) {
    request.kmsErrorCode = kmsError.code;
    if (kmsError.status >= 500) {
      // Upstream trouble: worth a line, but the message carries no request data.
      request.log.warn({ errorCode: kmsError.code, reason: kmsError.message }, 'upstream failure');
    }
    return sendKmsError(reply, kmsError);
  }
  request.log.error({ err: error }, 'unexpected error');
  const internal = new KmsError('CONSOLE.0014');
  request.kmsErrorCode = internal.code;
  return sendKmsError(reply, internal);
}

/**
 * Requests Node's HTTP parser rejects (bad framing, oversize headers) never reach Fastify;
 * they too are answered in the KMS error shape, then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let body = kmsErrorBody('KMS.0214', 'Malformed HTTP request.');
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    body = kmsErrorBody('KMS.0203', 'The request headers are too large.');
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    body = kmsErrorBody('KMS.0214', 'The request was not received in time.');
  }
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}
