/**
 * A request signed by the official Huawei Cloud SDK signer (`AKSKSigner.sign` of
 * @huaweicloud/huaweicloud-sdk-core) is accepted over real HTTP; the same request with one byte
 * of body, path or date changed is refused with 401 APIGW.0301.
 */
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_KMS_DEFAULTS } from '../../src/shared/local-kms-defaults';
import {
  PROJECT_ID,
  removeDir,
  startKms,
  tempDir,
  writeSeed,
  type KmsReply,
  type RunningKms,
} from './helpers';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: {
    sign(
      request: {
        endpoint: string;
        method: string;
        headers: Record<string, string>;
        data?: unknown;
      },
      credential: { getAk(): string; getSk(): string },
    ): Record<string, string>;
  };
};

const KEY_ID = '1a2b3c4d-0000-4000-8000-000000000d01';
const AK = LOCAL_KMS_DEFAULTS.accessKey;
const SK = LOCAL_KMS_DEFAULTS.secretKey;

let dir: string;
let kms: RunningKms;

beforeAll(async () => {
  dir = await tempDir();
  const seed = await writeSeed(dir, [
    { key_id: KEY_ID, key_alias: 'sig/aes', key_spec: 'AES_256' },
  ]);
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
});

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

interface SignOptions {
  operation?: string;
  body?: object;
  date?: Date;
  ak?: string;
  sk?: string;
  projectHeader?: string;
}

/** Signs as the official SDK does: the body it hashes is JSON.stringify(data). */
function officialSign(options: SignOptions = {}) {
  const body = options.body ?? { key_id: KEY_ID, plain_text: 'signed hello' };
  const path = `/v1.0/${PROJECT_ID}/kms/${options.operation ?? 'encrypt-data'}`;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json;charset=UTF-8',
    'X-Project-Id': options.projectHeader ?? PROJECT_ID,
  };
  if (options.date) {
    headers['X-Sdk-Date'] = options.date.toISOString().replace(/[-:]|\.\d{3}/g, '');
  }
  const signed = AKSKSigner.sign(
    { endpoint: `${kms.url}${path}`, method: 'POST', headers, data: body },
    { getAk: () => options.ak ?? AK, getSk: () => options.sk ?? SK },
  );
  return { path, headers: signed, bodyText: JSON.stringify(body) };
}

/** node:http rather than fetch: the signed Host header must be sent exactly as signed. */
function send(path: string, headers: Record<string, string>, bodyText: string): Promise<KmsReply> {
  const target = new URL(kms.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, method: 'POST', path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(bodyText);
  });
}

function expectError(reply: KmsReply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.body.error?.error_code }).toEqual({ status, code });
}

describe('SDK-HMAC-SHA256 over HTTP', () => {
  it('accepts a request signed by the official signer, and it does the work', async () => {
    const { path, headers, bodyText } = officialSign();
    expect(headers.Authorization).toMatch(/^SDK-HMAC-SHA256 Access=/);
    const encrypted = await send(path, headers, bodyText);
    expect(encrypted.status, JSON.stringify(encrypted.body)).toBe(200);
    const decrypt = officialSign({
      operation: 'decrypt-data',
      body: { cipher_text: encrypted.body.cipher_text },
    });
    const decrypted = await send(decrypt.path, decrypt.headers, decrypt.bodyText);
    expect(decrypted.body.plain_text).toBe('signed hello');
  });

  it('one byte of body changed → 401 APIGW.0301', async () => {
    const { path, headers, bodyText } = officialSign();
    const changed = bodyText.replace('signed hello', 'signed hellp');
    expect(changed.length).toBe(bodyText.length);
    expectError(await send(path, headers, changed), 401, 'APIGW.0301');
  });

  it('one byte of path changed → 401 APIGW.0301', async () => {
    const { path, headers, bodyText } = officialSign();
    const otherProject = path.replace(PROJECT_ID, `${PROJECT_ID.slice(0, -1)}e`);
    expect(otherProject).not.toBe(path);
    expectError(await send(otherProject, headers, bodyText), 401, 'APIGW.0301');
    expectError(await send(`${path}?x=1`, headers, bodyText), 401, 'APIGW.0301');
  });

  it('one byte of date changed → 401 APIGW.0301', async () => {
    const { path, headers, bodyText } = officialSign();
    const date = headers['X-Sdk-Date']!;
    const lastDigit = Number(date.at(-2));
    const changedDate = `${date.slice(0, -2)}${(lastDigit + 1) % 10}Z`;
    expectError(
      await send(path, { ...headers, 'X-Sdk-Date': changedDate }, bodyText),
      401,
      'APIGW.0301',
    );
  });

  it('a date more than 15 minutes off → 401; within 15 minutes → accepted', async () => {
    const now = Date.now();
    const stale = officialSign({ date: new Date(now - 16 * 60_000) });
    expectError(await send(stale.path, stale.headers, stale.bodyText), 401, 'APIGW.0301');
    const future = officialSign({ date: new Date(now + 16 * 60_000) });
    expectError(await send(future.path, future.headers, future.bodyText), 401, 'APIGW.0301');
    const recent = officialSign({ date: new Date(now - 10 * 60_000) });
    expect((await send(recent.path, recent.headers, recent.bodyText)).status).toBe(200);
  });

  it('an unknown AK or a wrong SK → 401 APIGW.0301', async () => {
    const unknown = officialSign({ ak: 'SOMEONEELSESACCESSKEY' });
    expectError(await send(unknown.path, unknown.headers, unknown.bodyText), 401, 'APIGW.0301');
    const wrongSk = officialSign({ sk: `${SK}x` });
    expectError(await send(wrongSk.path, wrongSk.headers, wrongSk.bodyText), 401, 'APIGW.0301');
  });

  it('a malformed Authorization header → 401; a signed X-Project-Id of another project → 403 KMS.0321', async () => {
    const { path, headers, bodyText } = officialSign();
    expectError(
      await send(path, { ...headers, Authorization: 'SDK-HMAC-SHA256 nonsense' }, bodyText),
      401,
      'APIGW.0301',
    );
    const other = officialSign({ projectHeader: 'f'.repeat(32) });
    expectError(await send(other.path, other.headers, other.bodyText), 403, 'KMS.0321');
  });
});
