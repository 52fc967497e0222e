/** The fake cloud's IAM answers "whose token is this?" (GET /v3/auth/tokens) as Huawei IAM does. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DOMAIN_ID, FAKE_USER_ID, startFakeCloud, type FakeCloud } from '.';

describe('fake cloud IAM: GET /v3/auth/tokens', () => {
  let cloud: FakeCloud;

  beforeAll(async () => {
    cloud = await startFakeCloud({ iamUser: 'alice', iamDomain: 'acme' });
  });
  afterAll(async () => {
    await cloud.stop();
  });

  async function passwordToken(): Promise<string> {
    const response = await fetch(`${cloud.baseUrl}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json;charset=utf8' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: { name: 'alice', password: cloud.iam.password, domain: { name: 'acme' } },
            },
          },
          scope: { project: { id: cloud.projectId } },
        },
      }),
    });
    expect(response.status).toBe(201);
    const token = response.headers.get('x-subject-token');
    if (token === null) throw new Error('IAM issued no token');
    return token;
  }

  function inspect(headers: Record<string, string>) {
    return fetch(`${cloud.baseUrl}/v3/auth/tokens`, { headers });
  }

  it('names the IAM user a live token belongs to', async () => {
    const caller = await passwordToken();
    const subject = await passwordToken();
    const before = cloud.iamTokenInspections;
    const response = await inspect({ 'X-Auth-Token': caller, 'X-Subject-Token': subject });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-subject-token')).toBe(subject);
    const body = (await response.json()) as { token: Record<string, unknown> };
    expect(body.token).toMatchObject({
      user: { id: FAKE_USER_ID, name: 'alice', domain: { id: FAKE_DOMAIN_ID, name: 'acme' } },
      project: { id: cloud.projectId },
    });
    const expiresAt = Date.parse(String(body.token.expires_at));
    expect(expiresAt).toBeGreaterThan(Date.now() + 23 * 60 * 60 * 1000);
    expect(cloud.iamTokenInspections).toBe(before + 1);
  });

  it('answers 404 for an unknown or expired subject token', async () => {
    const caller = await passwordToken();
    const unknown = await inspect({ 'X-Auth-Token': caller, 'X-Subject-Token': 'MIInot-issued' });
    expect(unknown.status).toBe(404);
    const expired = cloud.issueToken(cloud.projectId, -1);
    const stale = await inspect({ 'X-Auth-Token': caller, 'X-Subject-Token': expired });
    expect(stale.status).toBe(404);
    cloud.revokeAllTokens();
    const fresh = cloud.issueToken();
    const revoked = await inspect({ 'X-Auth-Token': fresh, 'X-Subject-Token': caller });
    expect(revoked.status).toBe(404);
  });

  it('answers 401 without a live caller token and 400 without a subject token', async () => {
    const subject = cloud.issueToken();
    expect((await inspect({ 'X-Subject-Token': subject })).status).toBe(401);
    const bogus = await inspect({ 'X-Auth-Token': 'MIIbogus', 'X-Subject-Token': subject });
    expect(bogus.status).toBe(401);
    expect((await inspect({ 'X-Auth-Token': subject })).status).toBe(400);
  });
});
