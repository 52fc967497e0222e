/**
 * The one place errors become responses: every failure, ours or Fastify's, leaves in the KMS
 * error shape `{"error":{"error_code","error_msg"}}`, with a 4xx for anything the client did.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { mapFrameworkError, sendKmsError, type FrameworkErrorTable } from '../../node/http';
import { ConsoleError } from '../../shared/console';
import { KmsError, kmsErrorBody, type KmsShapedError } from '../../shared/kms';

/** Fastify's own errors as the console reports them. */
const FRAMEWORK_ERRORS: FrameworkErrorTable = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new ConsoleError('CONSOLE.0002'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new KmsError('KMS.0203'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new KmsError('KMS.0202'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new KmsError('KMS.0202'),
};

/** Maps any error to the KMS-shaped error it stands for; null when it is a fault of ours (a 500). */
export function toKmsError(error: unknown): KmsShapedError | null {
  return mapFrameworkError(error, FRAMEWORK_ERRORS, (other) =>
    other instanceof SyntaxError ? new KmsError('KMS.0202') : null,
  );
}

/** Bad URLs and over-long parameters are refused by the router before any hook runs. */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const kmsError = toKmsError(error) ?? new KmsError('KMS.0201');
  request.kmsErrorCode = kmsError.code;
  sendKmsError(reply, kmsError);
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
  const internal = new ConsoleError('CONSOLE.0014');
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
