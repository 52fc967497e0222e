/**
 * The fake cloud's signature check, deliberately independent of src/shared/signing: it asks
 * the official Huawei Cloud SDK signer to sign the request it received and compares the
 * Authorization header it would have produced with the one that arrived.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface SignableRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  data?: unknown;
  queryParams?: Record<string, string>;
}

const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: {
    sign(
      request: SignableRequest,
      credential: { getAk(): string; getSk(): string },
    ): Record<string, string>;
  };
};

export interface ReceivedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Header names lowercased, as Node delivers them. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type OfficialSignatureResult =
  | { ok: true; authorization: string; accessKey: string }
  | { ok: false; reason: string; authorization?: string };

const AUTHORIZATION_PATTERN =
  /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Re-signs the request with the official signer over the headers the client said it signed,
 * and compares byte for byte. The SDK hashes `JSON.stringify(data)`, so a body that is not in
 * that exact form cannot have been signed the way the SDK signs.
 */
export function verifyWithOfficialSigner(
  request: ReceivedRequest,
  secretKeyFor: (accessKey: string) => string | undefined,
): OfficialSignatureResult {
  const authorization = single(request.headers.authorization);
  if (!authorization) return { ok: false, reason: 'no Authorization header' };
  const match = AUTHORIZATION_PATTERN.exec(authorization);
  if (!match) return { ok: false, reason: 'malformed Authorization header' };
  const accessKey = match[1]!;
  const signedHeaders = match[2]!.split(';');
  const secretKey = secretKeyFor(accessKey);
  if (secretKey === undefined) return { ok: false, reason: 'unknown access key' };

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = single(request.headers[name]);
    if (value === undefined) return { ok: false, reason: `signed header ${name} is missing` };
    // The SDK reads the date from this exact key; any other spelling makes it sign "now".
    headers[name === 'x-sdk-date' ? 'X-Sdk-Date' : name] = value;
  }
  if (headers['X-Sdk-Date'] === undefined) return { ok: false, reason: 'x-sdk-date not signed' };

  let data: unknown;
  if (request.body !== '') {
    try {
      data = JSON.parse(request.body);
    } catch {
      return { ok: false, reason: 'body is not JSON' };
    }
    if (JSON.stringify(data) !== request.body) {
      return { ok: false, reason: 'body is not in the form the SDK signs' };
    }
  }
  const url = new URL(request.url, `http://${single(request.headers.host) ?? 'localhost'}`);
  const queryParams = Object.fromEntries(url.searchParams.entries());
  const official = AKSKSigner.sign(
    {
      endpoint: `${url.protocol}//${url.host}${url.pathname}`,
      method: request.method,
      headers,
      ...(data !== undefined && { data }),
      ...(Object.keys(queryParams).length > 0 && { queryParams }),
    },
    { getAk: () => accessKey, getSk: () => secretKey },
  );
  const expected = official.Authorization;
  if (expected !== authorization) {
    return {
      ok: false,
      reason: 'signature differs from the official signer',
      ...(expected !== undefined && { authorization: expected }),
    };
  }
  return { ok: true, authorization: expected, accessKey };
}
