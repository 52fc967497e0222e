/**
 * Requests to the local KMS signed with AK/SK by the official Huawei Cloud SDK signer
 * (`AKSKSigner.sign` of @huaweicloud/huaweicloud-sdk-core), as an SDK user's application sends
 * them; and the openssl command line, which checks every signature independently.
 */
import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LOCAL_KMS_DEFAULTS } from '../../src/shared/local-kms-defaults';
import { PROJECT_ID, type KmsReply } from './helpers';

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

const credential = {
  getAk: () => LOCAL_KMS_DEFAULTS.accessKey,
  getSk: () => LOCAL_KMS_DEFAULTS.secretKey,
};

/**
 * Signs and sends one operation. `rawBody` is JSON text for bodies an object literal cannot
 * write (a "__proto__" key): JSON.parse keeps that key as data, and the signer and the body
 * both use JSON.stringify of the parsed value, as the SDK does.
 */
export function signedCall(baseUrl: string) {
  return (operation: string, body: object | { rawBody: string }): Promise<KmsReply> => {
    const path = `/v1.0/${PROJECT_ID}/kms/${operation}`;
    const data: unknown = 'rawBody' in body ? JSON.parse(body.rawBody) : body;
    const bodyText = JSON.stringify(data);
    const headers = AKSKSigner.sign(
      {
        endpoint: `${baseUrl}${path}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json;charset=UTF-8', 'X-Project-Id': PROJECT_ID },
        data,
      },
      credential,
    );
    return send(baseUrl, path, headers, bodyText);
  };
}

/** node:http rather than fetch: the signed Host header must be sent exactly as signed. */
function send(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  bodyText: string,
): Promise<KmsReply> {
  const target = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, method: 'POST', path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text === '' ? {} : JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(bodyText);
  });
}

const execFileAsync = promisify(execFile);

/** Runs openssl; resolves to stdout as bytes, rejects with stderr on a non-zero exit. */
export async function openssl(args: string[]): Promise<Buffer> {
  const { stdout } = await execFileAsync('openssl', args, { encoding: 'buffer' });
  return stdout;
}

/** Writes bytes or text to `dir/name` and returns the path, for openssl to read. */
export async function fileIn(dir: string, name: string, content: Buffer | string) {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The status and code of a refusal, compared as one object so a failure shows both. */
export function refusal(reply: KmsReply): { status: number; code: string | undefined } {
  return { status: reply.status, code: reply.body.error?.error_code };
}
