/**
 * Which operation a request under `/v1.0/{project_id}/kms/` names: the REST routes of the
 * wire contract (KMS_REST_ROUTES: other methods, path parameters, 201/204), and every other
 * operation as `POST /kms/<name>`. A path that exists with another method is a 405, an
 * unknown path a 400 `KMS.0201`, as the cloud answers them.
 */
import {
  isKmsOperation,
  isRpcOperationName,
  KMS_REST_ROUTES,
  type KmsOperation,
} from '../shared/kms';

export type RouteMatch =
  | {
      kind: 'operation';
      operation: KmsOperation;
      status: 200 | 201 | 204;
      /** Values of the path's `{name}` segments, decoded. */
      pathFields: Record<string, string>;
    }
  | { kind: 'method-not-allowed' }
  | { kind: 'unknown-path' };

interface CompiledRoute {
  method: string;
  segments: readonly string[];
  operation: KmsOperation;
  status: 200 | 201 | 204;
}

const COMPILED: readonly CompiledRoute[] = KMS_REST_ROUTES.map((route) => ({
  method: route.method,
  segments: route.path.split('/'),
  operation: route.operation,
  status: route.status,
}));

const PARAMETER = /^\{([a-z_]+)\}$/;

/** The path fields when `segments` fit the pattern; literal segments must match exactly. */
function fit(pattern: readonly string[], segments: readonly string[]) {
  if (pattern.length !== segments.length) return null;
  const fields: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index]!;
    const parameter = PARAMETER.exec(part);
    if (parameter) fields[parameter[1]!] = segment;
    else if (part !== segment) return null;
  }
  return fields;
}

const literalCount = (route: CompiledRoute) =>
  route.segments.filter((part) => !PARAMETER.test(part)).length;

/** `segments`: the decoded path segments after `/kms/`. */
export function matchKmsRoute(method: string, segments: readonly string[]): RouteMatch {
  const fitting = COMPILED.map((route) => ({ route, fields: fit(route.segments, segments) }))
    .filter((candidate) => candidate.fields !== null)
    // A literal segment beats a parameter: POST /kms/{key_id}/tags/action is the batch.
    .sort((a, b) => literalCount(b.route) - literalCount(a.route));
  const exact = fitting.find((candidate) => candidate.route.method === method);
  if (exact) {
    return {
      kind: 'operation',
      operation: exact.route.operation,
      status: exact.route.status,
      pathFields: exact.fields!,
    };
  }
  const name = segments.length === 1 ? segments[0]! : '';
  const isRpc = isKmsOperation(name) && isRpcOperationName(name);
  if (isRpc && method === 'POST') {
    return { kind: 'operation', operation: name, status: 200, pathFields: {} };
  }
  return fitting.length > 0 || isRpc ? { kind: 'method-not-allowed' } : { kind: 'unknown-path' };
}

/**
 * The decoded segments after `/v1.0/{project_id}/kms/` of a raw request URL, or null when the
 * URL is not under it or a segment is not valid percent-encoding.
 */
export function kmsPathSegments(rawUrl: string): string[] | null {
  const path = rawUrl.split('?', 1)[0]!;
  const parts = path.split('/');
  if (parts.length < 5 || parts[1] !== 'v1.0' || parts[3] !== 'kms') return null;
  try {
    return parts.slice(4).map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}
