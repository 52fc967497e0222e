/**
 * Fastify's own errors (body reading, media type, bad URL) carry an `FST_ERR_*` code; each
 * server says in a table which KMS error each one stands for, and this maps through it.
 */
import { KmsError, KmsShapedError } from '../../shared/kms';

/** The KMS error a Fastify error code stands for, made fresh for each request. */
export type FrameworkErrorTable = Readonly<Record<string, () => KmsShapedError>>;

export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function isClientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return false;
  const { statusCode } = error as { statusCode: unknown };
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/**
 * The KMS-shaped error that `error` stands for: itself when it already is one, the table's
 * entry for its Fastify code, KMS.0214 for any other client error; null for a fault of ours.
 */
export function mapFrameworkError(
  error: unknown,
  table: FrameworkErrorTable,
  otherwise: (error: unknown) => KmsShapedError | null = () => null,
): KmsShapedError | null {
  if (error instanceof KmsShapedError) return error;
  const code = errorCodeOf(error);
  const entry = code !== undefined && Object.hasOwn(table, code) ? table[code] : undefined;
  if (entry) return entry();
  const other = otherwise(error);
  if (other) return other;
  return isClientError(error) ? new KmsError('KMS.0214') : null;
}
