/**
 * Keyset cursors: the (created_at, id) of the last row a page showed, opaque to clients
 * (Base64url of JSON) so its shape can change without an API change.
 */
import { HistoryError } from './errors';

export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(position: KeysetPosition): string {
  const json = JSON.stringify([position.createdAt.toISOString(), position.id]);
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [time, id] = parsed as unknown[];
      const createdAt = typeof time === 'string' ? new Date(time) : new Date(NaN);
      if (!Number.isNaN(createdAt.getTime()) && typeof id === 'string' && UUID.test(id)) {
        return { createdAt, id };
      }
    }
  } catch {
    // Falls through to the one answer for every malformed cursor.
  }
  throw new HistoryError('CONSOLE.0101');
}
