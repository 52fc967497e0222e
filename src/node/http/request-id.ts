import { randomUUID } from 'node:crypto';

/** A request id as the cloud writes it in X-Request-Id: 32 lowercase hex digits. */
export function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}
