import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { signRequest, verifyRequest } from './sdk-hmac-sha256';

const require = createRequire(import.meta.url);
// The official Huawei Cloud Node.js SDK signer is the reference implementation.
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: {
    sign(
      request: {
        endpoint: string;
        method: string;
        headers: Record<string, string>;
        data?: unknown;
        queryParams?: Record<string, string>;
      },
      credential: { getAk(): string; getSk(): string },
    ): Record<string, string>;
  };
};

const AK = 'HPUAEXAMPLEACCESSKEY';
const SK = 'exampleSecretKeyExampleSecretKeyExample0';

function officialSign(url: string, body: object, date: string): Record<string, string> {
  return AKSKSigner.sign(
    {
      endpoint: url,
      method: 'POST',
      headers: {
        'Content-Type': 'application/json;charset=UTF-8',
        'X-Project-Id': '0123456789abcdef0123456789abcdef',
        'X-Sdk-Date': date,
      },
      data: body,
    },
    { getAk: () => AK, getSk: () => SK },
  );
}

describe('SDK-HMAC-SHA256', () => {
  const url = 'http://127.0.0.1:8090/v1.0/0123456789abcdef0123456789abcdef/kms/encrypt-data';
  const body = { key_id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f', plain_text: 'hello 世界' };
  const now = new Date(Date.UTC(2026, 10, 27, 3, 4, 5));

  it('produces the same Authorization header as the official SDK signer, byte for byte', () => {
    const official = officialSign(url, body, '20261127T030405Z');
    const ours = signRequest({
      method: 'POST',
      url,
      headers: {
        'Content-Type': 'application/json;charset=UTF-8',
        'X-Project-Id': '0123456789abcdef0123456789abcdef',
      },
      body: JSON.stringify(body),
      accessKey: AK,
      secretKey: SK,
      now,
    });
    expect(ours.authorization).toBe(official.Authorization);
    expect(ours['x-sdk-date']).toBe('20261127T030405Z');
  });

  it('verifies a request signed by the official signer and refuses any changed byte', () => {
    const official = officialSign(url, body, '20261127T030405Z');
    const headers = Object.fromEntries(
      Object.entries(official).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const base = {
      method: 'POST',
      rawUrl: new URL(url).pathname,
      headers,
      body: Buffer.from(JSON.stringify(body)),
      secretKeyFor: (ak: string) => (ak === AK ? SK : undefined),
      now,
    };
    expect(verifyRequest(base)).toEqual({ ok: true, accessKey: AK });
    const tamperedBody = Buffer.from(JSON.stringify({ ...body, plain_text: 'hello 世畍' }));
    expect(verifyRequest({ ...base, body: tamperedBody })).toMatchObject({ ok: false });
    expect(verifyRequest({ ...base, rawUrl: base.rawUrl.replace('encrypt', 'decrypt') })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(
      verifyRequest({ ...base, headers: { ...headers, 'x-sdk-date': '20261127T030406Z' } }),
    ).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyRequest({ ...base, now: new Date(now.getTime() + 16 * 60 * 1000) })).toEqual({
      ok: false,
      reason: 'date-skew',
    });
    expect(verifyRequest({ ...base, secretKeyFor: () => undefined })).toEqual({
      ok: false,
      reason: 'unknown-access-key',
    });
  });
});
