/**
 * The audit log: exactly one structured line per KMS operation (session, operation, key id,
 * algorithm, status, latency), refusals included, and the logger's redaction of every
 * secret-bearing field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import { post, startConsole, testConfig, type RunningConsole, fakeCloudUpstream } from './helpers';

let cloud: FakeCloud;
let server: RunningConsole;

beforeAll(async () => {
  cloud = await startFakeCloud();
  server = await startConsole(testConfig(fakeCloudUpstream(cloud)));
});

afterAll(async () => {
  await server.close();
  await cloud.stop();
});

function operationAudits() {
  return server.logs.audits().filter((audit) => audit.event === 'kms.operation');
}

describe('audit log', () => {
  it('writes one line per operation with who, what, which key, outcome and latency', async () => {
    const encrypted = await post(`${server.url}/api/kms/encrypt-data`, {
      key_id: FAKE_KEYS.enabled,
      plain_text: 'audit me not',
    });
    const { cipher_text: cipherText } = encrypted.body as { cipher_text: string };
    await post(`${server.url}/api/kms/decrypt-data`, { cipher_text: cipherText });
    await post(`${server.url}/api/kms/encrypt-data`, {
      key_id: FAKE_KEYS.enabled,
      plain_text: '',
      encryption_algorithm: 'RSAES_OAEP_SHA_256',
    });
    await post(`${server.url}/api/kms/create-key`, { key_alias: 'x' });
    await post(`${server.url}/api/kms/list-keys`, {});

    const audits = operationAudits();
    expect(audits).toHaveLength(5);
    expect(audits[0]).toEqual({
      event: 'kms.operation',
      session: null,
      client: '127.0.0.1',
      operation: 'encrypt-data',
      keyId: FAKE_KEYS.enabled,
      algorithm: 'SYMMETRIC_DEFAULT',
      status: 200,
      errorCode: null,
      latencyMs: expect.any(Number),
    });
    // Decrypt named no key: the audit takes it from KMS's answer.
    expect(audits[1]).toMatchObject({
      operation: 'decrypt-data',
      keyId: FAKE_KEYS.enabled,
      status: 200,
    });
    expect(audits[2]).toMatchObject({
      operation: 'encrypt-data',
      keyId: FAKE_KEYS.enabled,
      algorithm: 'RSAES_OAEP_SHA_256',
      status: 400,
      errorCode: 'KMS.2101',
    });
    expect(audits[3]).toMatchObject({
      operation: 'create-key',
      keyId: null,
      status: 404,
      errorCode: 'CONSOLE.0001',
    });
    expect(audits[4]).toMatchObject({ operation: 'list-keys', status: 200, algorithm: null });
    for (const audit of audits) expect(audit.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("does not add Fastify's own per-request lines, nor any request body or header", () => {
    const text = server.logs.text;
    expect(text).not.toContain('incoming request');
    expect(text).not.toContain('request completed');
    expect(text).not.toContain('audit me not');
    expect(text.toLowerCase()).not.toContain('authorization');
    expect(text).not.toContain('SDK-HMAC-SHA256');
  });

  it('redacts secret-bearing fields wherever a logged object carries them', () => {
    const before = server.logs.lines.length;
    server.app.log.info(
      {
        plain_text: 'p1',
        cipher_text: 'c1',
        body: { plain_text: 'p2' },
        headers: { authorization: 'a1', 'x-auth-token': 't1' },
        req: { headers: { cookie: 'k1' }, body: 'b1' },
        upstream: { auth: { password: 'w1' }, token: 't2' },
        request: { encryption: { plain_text: 'p3', access_token: 't3' } },
        secretKey: 's1',
      },
      'redaction probe',
    );
    const line = server.logs.lines.slice(before).join('\n');
    expect(line).toContain('redaction probe');
    for (const value of ['p1', 'c1', 'p2', 'a1', 't1', 'k1', 'b1', 'w1', 't2', 'p3', 't3', 's1']) {
      expect(line).not.toContain(`"${value}"`);
    }
    expect(line).toContain('[redacted]');
  });
});
