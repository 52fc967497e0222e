/**
 * Calls to the console's own JSON API (history, audit) beside the KMS proxy: the operator's
 * token rides along as on every call, and an answer is checked against its schema.
 */
import { ApiError, CLIENT_ERROR_CODES, requestJson } from './http';
import { operatorToken } from './operator-token';

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

function headers(json: boolean): Record<string, string> {
  const result: Record<string, string> = json ? { 'Content-Type': 'application/json' } : {};
  const token = operatorToken.get();
  if (token) result['X-Auth-Token'] = token;
  return result;
}

/** `?name=value&…` of the values that are set. */
export function queryString(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export async function getConsoleJson<T>(url: string, schema: Schema<T>): Promise<T> {
  return checked(schema, await requestJson(url, { headers: headers(false) }));
}

export async function sendConsoleJson(
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<unknown> {
  return requestJson(url, {
    method,
    headers: headers(body !== undefined),
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

export function checked<T>(schema: Schema<T>, answer: unknown): T {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new ApiError(CLIENT_ERROR_CODES.badResponse, '');
  return parsed.data;
}
