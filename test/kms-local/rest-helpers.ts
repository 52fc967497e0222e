/**
 * Requests beyond `POST /kms/<operation>`: any method, path and query, with the token; and
 * the JSON types every response field must have (Go SDK clients fail on a wrong one).
 */
import { expect } from 'vitest';
import { PROJECT_ID, TOKEN } from './helpers';

export interface RestReply {
  status: number;
  requestId: string | null;
  text: string;
  // Tests read whatever the server sent; each assertion states what it expects.
  body: unknown;
}

export async function send(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RestReply> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'X-Auth-Token': TOKEN,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    text,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

/** `/v1.0/{project}/kms/` + the rest. */
export const kmsPath = (rest: string) => `/v1.0/${PROJECT_ID}/kms/${rest}`;

type JsonType = 'string' | 'number' | 'boolean' | 'array' | 'object';

function typeOf(value: unknown): JsonType | 'null' | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType | 'undefined';
}

/** Every listed field is present with exactly that JSON type; integers are whole. */
export function expectFieldTypes(value: unknown, types: Record<string, JsonType | 'integer'>) {
  expect(typeOf(value)).toBe('object');
  const record = value as Record<string, unknown>;
  for (const [field, type] of Object.entries(types)) {
    if (type === 'integer') {
      expect({ field, type: typeOf(record[field]) }).toEqual({ field, type: 'number' });
      expect(Number.isInteger(record[field])).toBe(true);
    } else {
      expect({ field, type: typeOf(record[field]) }).toEqual({ field, type });
    }
  }
}

/** KeyDetails: every field a string (KMS-API-2.md §8.2), the fidelity fields included. */
export const KEY_DETAILS_FIELDS = [
  'key_id',
  'domain_id',
  'key_alias',
  'realm',
  'key_spec',
  'key_usage',
  'key_description',
  'creation_date',
  'scheduled_deletion_date',
  'key_state',
  'default_key_flag',
  'key_type',
  'expiration_time',
  'origin',
  'key_rotation_enabled',
  'sys_enterprise_project_id',
  'keystore_id',
] as const;

export function expectKeyDetails(value: unknown) {
  expectFieldTypes(
    value,
    Object.fromEntries(KEY_DETAILS_FIELDS.map((field) => [field, 'string' as const])),
  );
}

export function errorCodeOf(reply: RestReply): string | undefined {
  const body = reply.body as { error?: { error_code?: string } } | undefined;
  return body?.error?.error_code;
}
