/**
 * Huawei Cloud `SDK-HMAC-SHA256` request signing, as the official SDKs sign (signer) and as
 * API Gateway checks (verifier). Node-only: the browser never imports this module.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** RFC 3986 unreserved characters stay; everything else is percent-encoded as UTF-8. */
export function signingUrlEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Each path segment encoded on its own; the result always ends in `/`. */
export function canonicalUri(pathname: string): string {
  const encoded = pathname
    .split('/')
    .map((segment) => signingUrlEncode(decodeURIComponentSafe(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function canonicalQueryString(searchParams: URLSearchParams): string {
  const pairs = [...searchParams.entries()].map(
    ([key, value]) => [signingUrlEncode(key), signingUrlEncode(value)] as const,
  );
  pairs.sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface CanonicalRequestParts {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  /** Header names lowercased; only the signed ones are used. */
  headers: Record<string, string>;
  signedHeaders: readonly string[];
  body: string | Uint8Array;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  const names = [...parts.signedHeaders].map((name) => name.toLowerCase()).sort(compare);
  const headerLines = names.map((name) => `${name}:${(parts.headers[name] ?? '').trim()}\n`);
  return [
    parts.method.toUpperCase(),
    canonicalUri(parts.pathname),
    canonicalQueryString(parts.searchParams),
    headerLines.join(''),
    names.join(';'),
    sha256Hex(parts.body),
  ].join('\n');
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return [SIGNING_ALGORITHM, sdkDate, sha256Hex(canonical)].join('\n');
}

export function signature(secretKey: string, toSign: string): string {
  return createHmac('sha256', secretKey).update(toSign).digest('hex');
}

/** `YYYYMMDDTHHMMSSZ` in UTC, the form of `X-Sdk-Date`. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function parseSdkDate(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, ...number[]];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface SignInput {
  method: string;
  url: string;
  /** Headers to send and sign (e.g. content-type, x-project-id). */
  headers: Record<string, string>;
  body: string;
  accessKey: string;
  secretKey: string;
  now?: Date;
}

/**
 * Returns the headers to send: the given ones plus `host`, `x-sdk-date` and `authorization`.
 * Signs every given header, as the official Node.js SDK does.
 */
export function signRequest(input: SignInput): Record<string, string> {
  const url = new URL(input.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) headers[name.toLowerCase()] = value;
  headers.host = url.host;
  headers['x-sdk-date'] = formatSdkDate(input.now ?? new Date());
  const signedHeaders = Object.keys(headers).sort(compare);
  const canonical = canonicalRequest({
    method: input.method,
    pathname: url.pathname,
    searchParams: url.searchParams,
    headers,
    signedHeaders,
    body: input.body,
  });
  const sig = signature(input.secretKey, stringToSign(headers['x-sdk-date'], canonical));
  headers.authorization = `${SIGNING_ALGORITHM} Access=${input.accessKey}, SignedHeaders=${signedHeaders.join(';')}, Signature=${sig}`;
  return headers;
}

export interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(header: string): ParsedAuthorization | null {
  const match =
    /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$/.exec(
      header.trim(),
    );
  if (!match) return null;
  return {
    accessKey: match[1]!,
    signedHeaders: match[2]!.split(';').filter(Boolean),
    signature: match[3]!.toLowerCase(),
  };
}

export interface VerifyInput {
  method: string;
  /** Path and query exactly as received (`req.url`). */
  rawUrl: string;
  /** Incoming headers, names lowercased (Node's `IncomingMessage.headers`). */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  secretKeyFor: (accessKey: string) => string | undefined;
  now?: Date;
  maxSkewMs?: number;
}

export type VerifyResult =
  | { ok: true; accessKey: string }
  | { ok: false; reason: 'malformed' | 'unknown-access-key' | 'date-skew' | 'bad-signature' };

export function verifyRequest(input: VerifyInput): VerifyResult {
  const header = (name: string): string | undefined => {
    const value = input.headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const parsed = parseAuthorization(header('authorization') ?? '');
  const sdkDate = header('x-sdk-date');
  if (!parsed || !sdkDate || !parsed.signedHeaders.includes('x-sdk-date')) {
    return { ok: false, reason: 'malformed' };
  }
  const secretKey = input.secretKeyFor(parsed.accessKey);
  if (secretKey === undefined) return { ok: false, reason: 'unknown-access-key' };
  const signedAt = parseSdkDate(sdkDate);
  const now = input.now ?? new Date();
  if (
    !signedAt ||
    Math.abs(now.getTime() - signedAt.getTime()) > (input.maxSkewMs ?? MAX_CLOCK_SKEW_MS)
  ) {
    return { ok: false, reason: 'date-skew' };
  }
  const url = new URL(input.rawUrl, 'http://placeholder');
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) headers[name] = header(name) ?? '';
  const expected = signature(
    secretKey,
    stringToSign(
      sdkDate,
      canonicalRequest({
        method: input.method,
        pathname: url.pathname,
        searchParams: url.searchParams,
        headers,
        signedHeaders: parsed.signedHeaders,
        body: input.body,
      }),
    ),
  );
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(parsed.signature, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b))
    return { ok: false, reason: 'bad-signature' };
  return { ok: true, accessKey: parsed.accessKey };
}
