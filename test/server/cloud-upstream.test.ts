/**
 * The server server against a fake Huawei Cloud over real HTTP, in each credential mode:
 * AK/SK signatures checked by the official SDK signer, static tokens, IAM password tokens
 * (cached, renewed, one renewal at a time), and the operator's own token passed through.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import type { UpstreamAuth, UpstreamConfig } from '../../src/server';
import { errorCodeOf, get, post, startConsole, testConfig, type RunningConsole } from './helpers';

const CONTEXT = { purpose: 'test', tenant: '世界' };

function cloudUpstream(cloud: FakeCloud, auth: UpstreamAuth, timeoutMs = 5000): UpstreamConfig {
  return {
    kind: 'cloud',
    endpoint: cloud.baseUrl,
    region: 'cn-north-4',
    projectId: cloud.projectId,
    auth,
    timeoutMs,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function roundTrip(server: RunningConsole, headers: Record<string, string> = {}) {
  const encrypted = await post(
    `${server.url}/api/kms/encrypt-data`,
    { key_id: FAKE_KEYS.enabled, plain_text: 'hello world', encryption_context: CONTEXT },
    headers,
  );
  expect(encrypted.status).toBe(200);
  const { cipher_text: cipherText } = encrypted.body as { cipher_text: string };
  const decrypted = await post(
    `${server.url}/api/kms/decrypt-data`,
    { cipher_text: cipherText, encryption_context: CONTEXT },
    headers,
  );
  expect(decrypted.status).toBe(200);
  expect(decrypted.body).toMatchObject({ key_id: FAKE_KEYS.enabled, plain_text: 'hello world' });
}

describe('AK/SK signing against the fake cloud', () => {
  let cloud: FakeCloud;
  let server: RunningConsole;

  beforeAll(async () => {
    cloud = await startFakeCloud();
    server = await startConsole(
      testConfig(
        cloudUpstream(cloud, {
          mode: 'aksk',
          accessKey: cloud.accessKey,
          secretKey: cloud.secretKey,
        }),
      ),
    );
  });
  afterAll(async () => {
    await server.close();
    await cloud.stop();
  });

  it('signs every request exactly as the official SDK signer does, byte for byte', async () => {
    await roundTrip(server);
    const listed = await post(`${server.url}/api/kms/list-keys`, { limit: '10', key_spec: 'ALL' });
    expect(listed.status).toBe(200);
    expect(cloud.kmsRequests).toHaveLength(3);
    for (const recorded of cloud.kmsRequests) {
      expect(recorded.auth).toBe('aksk');
      expect(recorded.reason).toBeUndefined();
      expect(recorded.accepted).toBe(true);
      expect(recorded.authorization).toMatch(
        /^SDK-HMAC-SHA256 Access=FAKECLOUDACCESSKEY01, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
      );
      expect(recorded.authorization).toBe(recorded.officialAuthorization);
    }
  });

  it('is refused by the cloud with a wrong secret key, and passes the refusal on', async () => {
    const wrong = await startConsole(
      testConfig(
        cloudUpstream(cloud, {
          mode: 'aksk',
          accessKey: cloud.accessKey,
          secretKey: 'not-the-secret-key-not-the-secret-key-00',
        }),
      ),
    );
    try {
      const answer = await post(`${wrong.url}/api/kms/describe-key`, { key_id: FAKE_KEYS.enabled });
      expect(answer.status).toBe(401);
      // API Gateway's flat error body comes back in the KMS shape.
      expect(errorCodeOf(answer)).toBe('APIGW.0301');
      expect(cloud.kmsRequests.at(-1)?.reason).toBe('signature differs from the official signer');
    } finally {
      await wrong.close();
    }
  });

  it('passes KMS errors through with their status', async () => {
    const disabled = await post(`${server.url}/api/kms/encrypt-data`, {
      key_id: FAKE_KEYS.disabled,
      plain_text: 'x',
    });
    expect(disabled.status).toBe(400);
    expect(errorCodeOf(disabled)).toBe('KMS.0209');
    const missing = await post(`${server.url}/api/kms/describe-key`, {
      key_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.status).toBe(404);
    expect(errorCodeOf(missing)).toBe('KMS.0207');
  });
});

describe('static token (KMS_AUTH_TOKEN)', () => {
  it('sends the configured token as X-Auth-Token', async () => {
    const cloud = await startFakeCloud();
    const token = cloud.issueToken();
    const server = await startConsole(testConfig(cloudUpstream(cloud, { mode: 'token', token })));
    try {
      await roundTrip(server);
      expect(cloud.kmsRequests.every((r) => r.auth === 'token' && r.xAuthToken === token)).toBe(
        true,
      );
      cloud.revokeAllTokens();
      const refused = await post(`${server.url}/api/kms/describe-key`, {
        key_id: FAKE_KEYS.enabled,
      });
      expect(refused.status).toBe(403);
      expect(errorCodeOf(refused)).toBe('KMS.0302');
    } finally {
      await server.close();
      await cloud.stop();
    }
  });
});

describe('IAM password → token', () => {
  let cloud: FakeCloud;
  let server: RunningConsole | undefined;

  function passwordAuth(password = cloud.iam.password): UpstreamAuth {
    return {
      mode: 'password',
      iamEndpoint: cloud.baseUrl,
      domain: cloud.iam.domain,
      user: cloud.iam.user,
      password,
    };
  }

  afterEach(async () => {
    await server?.close();
    await cloud.stop();
  });

  it('fetches one token for many concurrent calls and reuses it', async () => {
    cloud = await startFakeCloud({ iamDelayMs: 200 });
    server = await startConsole(testConfig(cloudUpstream(cloud, passwordAuth())));
    const url = `${server.url}/api/kms/describe-key`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post(url, { key_id: FAKE_KEYS.enabled })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(cloud.iamTokenRequests).toBe(1);
    await roundTrip(server);
    expect(cloud.iamTokenRequests).toBe(1);
    const tokens = new Set(cloud.kmsRequests.map((r) => r.xAuthToken));
    expect(tokens.size).toBe(1);
  });

  it('renews a token before it expires, once however many calls need it', async () => {
    // A 1.2 s first token: not sent any more from 0.9 s on. The renewed one lives 24 h, so
    // no further renewal can start however slowly the calls below run on a busy machine.
    cloud = await startFakeCloud({ tokenLifetimeMs: 1200, iamDelayMs: 200 });
    server = await startConsole(testConfig(cloudUpstream(cloud, passwordAuth())));
    const url = `${server.url}/api/kms/describe-key`;
    expect((await post(url, { key_id: FAKE_KEYS.enabled })).status).toBe(200);
    expect(cloud.iamTokenRequests).toBe(1);
    cloud.tokenLifetimeMs = 24 * 60 * 60 * 1000;
    await sleep(1300); // the first token has now expired at IAM
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post(url, { key_id: FAKE_KEYS.enabled })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(cloud.iamTokenRequests).toBe(2);
    // No call ever reached KMS with an expired token.
    expect(cloud.kmsRequests.every((r) => r.accepted)).toBe(true);
    expect(new Set(cloud.kmsRequests.map((r) => r.xAuthToken)).size).toBe(2);
    expect(server.app.kmsUpstream.iamRequests).toBe(2);
  });

  it('renews in the background while the token is good, and keeps it when renewal fails', async () => {
    // Only Date is faked, and only shifted: it still runs at real speed from each
    // setSystemTime (the console, the fake IAM and its token expiry all read it); timers and
    // sockets stay real. IAM answers after 1.5 s: a call that comes back before IAM has
    // answered the renewal did not wait for it.
    const HOUR_MS = 60 * 60 * 1000;
    const start = Date.parse('2026-11-27T00:00:00Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(start);
      cloud = await startFakeCloud({ iamDelayMs: 1500 }); // 24 h tokens, as IAM issues
      const running = await startConsole(testConfig(cloudUpstream(cloud, passwordAuth())));
      server = running;
      const url = `${running.url}/api/kms/describe-key`;
      const describe = async () => {
        const answer = await post(url, { key_id: FAKE_KEYS.enabled });
        expect(answer.status).toBe(200);
        return {
          token: cloud.kmsRequests.at(-1)?.xAuthToken,
          iamAnswers: cloud.iamTokenAnswers,
        };
      };
      const first = (await describe()).token;
      expect(cloud.iamTokenRequests).toBe(1);

      // 23.5 h on: in the last hour, 25 minutes before the console stops sending the token.
      // IAM now refuses the password: the renewal fails in the background, the call does not.
      vi.setSystemTime(start + 23.5 * HOUR_MS);
      const savedPassword = cloud.iam.password;
      cloud.iam.password = 'rotated-elsewhere';
      const duringFailure = await describe();
      // Back with the old token before IAM answered the renewal (its first answer only).
      expect(duringFailure).toEqual({ token: first, iamAnswers: 1 });
      await vi.waitFor(() => expect(cloud.iamTokenRequests).toBe(2));
      await vi.waitFor(() => expect(running.logs.text).toContain('IAM token renewal failed'), {
        timeout: 5000,
      });
      // Within 10 s of a failure IAM is not asked again; the good token is still used.
      expect((await describe()).token).toBe(first);
      expect(cloud.iamTokenRequests).toBe(2);

      // IAM works again and over 10 s have passed since the failure (which came 1.5 s after
      // the renewal started): the next call starts a renewal, still not waiting for it; once
      // it lands, calls carry the new token.
      cloud.iam.password = savedPassword;
      vi.setSystemTime(start + 23.5 * HOUR_MS + 20_000);
      const duringRenewal = await describe();
      expect(duringRenewal).toEqual({ token: first, iamAnswers: 2 });
      await vi.waitFor(() => expect(cloud.iamTokenRequests).toBe(3));
      await vi.waitFor(() => expect(running.app.kmsUpstream.iamRequests).toBe(3), {
        timeout: 5000,
      });
      await vi.waitFor(async () => expect((await describe()).token).not.toBe(first), {
        timeout: 5000,
      });
      expect(cloud.kmsRequests.every((request) => request.accepted)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('renews and retries once when KMS refuses a revoked token', async () => {
    cloud = await startFakeCloud();
    server = await startConsole(testConfig(cloudUpstream(cloud, passwordAuth())));
    const url = `${server.url}/api/kms/describe-key`;
    expect((await post(url, { key_id: FAKE_KEYS.enabled })).status).toBe(200);
    cloud.revokeAllTokens();
    expect((await post(url, { key_id: FAKE_KEYS.enabled })).status).toBe(200);
    expect(cloud.iamTokenRequests).toBe(2);
  });

  it('answers 502 CONSOLE.0013 when IAM refuses the password, and never echoes it', async () => {
    cloud = await startFakeCloud();
    const password = 'Wrong-Passw0rd-Sentinel';
    server = await startConsole(testConfig(cloudUpstream(cloud, passwordAuth(password))));
    const answer = await post(`${server.url}/api/kms/describe-key`, {
      key_id: FAKE_KEYS.enabled,
    });
    expect(answer.status).toBe(502);
    expect(errorCodeOf(answer)).toBe('CONSOLE.0013');
    expect(answer.text).not.toContain(password);
    expect(server.logs.text).not.toContain(password);
    expect(cloud.kmsRequestCount).toBe(0);
  });
});

describe('operator token mode', () => {
  let cloud: FakeCloud;
  let server: RunningConsole;

  beforeAll(async () => {
    cloud = await startFakeCloud();
    server = await startConsole(testConfig(cloudUpstream(cloud, { mode: 'operator' })));
  });
  afterAll(async () => {
    await server.close();
    await cloud.stop();
  });

  it('says so in /api/config', async () => {
    const config = await get(`${server.url}/api/config`);
    expect(config.body).toEqual({
      upstream: 'cloud',
      endpoint: cloud.baseUrl,
      region: 'cn-north-4',
      projectId: cloud.projectId,
      authMode: 'operator',
      accessControl: false,
    });
  });

  it("forwards the operator's token as X-Auth-Token, and never logs it", async () => {
    const token = cloud.issueToken();
    await roundTrip(server, { 'x-auth-token': token });
    expect(cloud.kmsRequests.map((r) => r.xAuthToken)).toEqual([token, token]);
    expect(server.logs.text).not.toContain(token);
    expect(server.logs.audits().filter((a) => a.event === 'kms.operation')).toHaveLength(2);
  });

  it('refuses a call without a token with 401 CONSOLE.0007, without forwarding it', async () => {
    const before = cloud.kmsRequestCount;
    const answer = await post(`${server.url}/api/kms/describe-key`, {
      key_id: FAKE_KEYS.enabled,
    });
    expect(answer.status).toBe(401);
    expect(errorCodeOf(answer)).toBe('CONSOLE.0007');
    expect(cloud.kmsRequestCount).toBe(before);
  });

  it("passes the cloud's refusal of a bad token through", async () => {
    const answer = await post(
      `${server.url}/api/kms/describe-key`,
      { key_id: FAKE_KEYS.enabled },
      { 'x-auth-token': 'MIIforged-token' },
    );
    expect(answer.status).toBe(403);
    expect(errorCodeOf(answer)).toBe('KMS.0302');
  });
});
