/**
 * Grants as records (KMS-API-2.md §7), quotas and instances (§8.4), API versions (§8.5), over
 * real HTTP.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startKms, tempDir, writeSeed, type RunningKms } from './helpers';
import { errorCodeOf, expectFieldTypes, kmsPath, send } from './rest-helpers';

const KEY_A = '1a2b3c4d-0000-4000-8000-00000000c001';
const KEY_B = '1a2b3c4d-0000-4000-8000-00000000c002';
const PENDING = '1a2b3c4d-0000-4000-8000-00000000c003';
const UNKNOWN = '1a2b3c4d-0000-4000-8000-00000000cfff';
const GRANT_FIELDS = {
  key_id: 'string',
  grant_id: 'string',
  grantee_principal: 'string',
  grantee_principal_type: 'string',
  operations: 'array',
  issuing_principal: 'string',
  creation_date: 'string',
  name: 'string',
  retiring_principal: 'string',
} as const;

let dir: string;
let kms: RunningKms;

beforeAll(async () => {
  dir = await tempDir();
  const seed = await writeSeed(dir, [
    { key_id: KEY_A, key_alias: 'grants/a', key_spec: 'AES_256' },
    { key_id: KEY_B, key_alias: 'grants/b', key_spec: 'SM2' },
    { key_id: PENDING, key_alias: 'grants/pending', key_spec: 'AES_256', key_state: '4' },
  ]);
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
});

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

async function createGrant(keyId: string, extra: Record<string, unknown> = {}) {
  const reply = await kms.call('create-grant', {
    key_id: keyId,
    grantee_principal: 'a1b2c3d4e5f6',
    operations: ['encrypt-data', 'decrypt-data'],
    ...extra,
  });
  expect(reply.status).toBe(200);
  return reply.body.grant_id as string;
}

describe('grants', () => {
  it('creates a grant with a 64-hex id and lists it with the documented types', async () => {
    const started = Date.now();
    const grantId = await createGrant(KEY_A, {
      name: 'billing/reader',
      retiring_principal: 'f6e5d4c3b2a1',
      grantee_principal_type: 'domain',
      sequence: '919c82d4-8046-4722-9094-35c3c6524cff',
    });
    expect(grantId).toMatch(/^[0-9a-f]{64}$/);
    const listed = await kms.call('list-grants', { key_id: KEY_A });
    expectFieldTypes(listed.body, {
      grants: 'array',
      next_marker: 'string',
      truncated: 'string',
      total: 'integer',
    });
    expect(listed.body).toMatchObject({ next_marker: '', truncated: 'false', total: 1 });
    const [grant] = listed.body.grants as Record<string, unknown>[];
    expectFieldTypes(grant, GRANT_FIELDS);
    expect(grant).toMatchObject({
      key_id: KEY_A,
      grant_id: grantId,
      grantee_principal: 'a1b2c3d4e5f6',
      grantee_principal_type: 'domain',
      operations: ['encrypt-data', 'decrypt-data'],
      name: 'billing/reader',
      retiring_principal: 'f6e5d4c3b2a1',
    });
    expect(Number(grant!.creation_date)).toBeGreaterThanOrEqual(started);
    expect(grant!.creation_date).toMatch(/^\d{13}$/);
  });

  it('pages with string limit and marker', async () => {
    await createGrant(KEY_A);
    await createGrant(KEY_A);
    const first = await kms.call('list-grants', { key_id: KEY_A, limit: '2' });
    expect(first.body).toMatchObject({ truncated: 'true', next_marker: '2', total: 3 });
    expect(first.body.grants).toHaveLength(2);
    const rest = await kms.call('list-grants', { key_id: KEY_A, limit: '2', marker: '2' });
    expect(rest.body).toMatchObject({ truncated: 'false', next_marker: '', total: 3 });
    expect(rest.body.grants).toHaveLength(1);
    const empty = await kms.call('list-grants', { key_id: KEY_A, limit: '', marker: '' });
    expect(empty.body.grants).toHaveLength(3);
  });

  it('lists the grants the caller may retire across keys', async () => {
    const onB = await createGrant(KEY_B, { operations: ['describe-key'] });
    const retirable = await kms.call('list-retirable-grants', { limit: '100' });
    expect(retirable.status).toBe(200);
    const ids = (retirable.body.grants as { grant_id: string }[]).map((grant) => grant.grant_id);
    expect(ids).toContain(onB);
    expect(retirable.body.total).toBe(4);
  });

  it('revokes and retires (empty 200), then the grant is gone', async () => {
    const revoked = await createGrant(KEY_B);
    const retired = await createGrant(KEY_B);
    const revoke = await kms.call('revoke-grant', { key_id: KEY_B, grant_id: revoked });
    expect([revoke.status, revoke.body]).toEqual([200, {}]);
    // Upper-case hex names the same grant.
    const retire = await kms.call('retire-grant', {
      key_id: KEY_B,
      grant_id: retired.toUpperCase(),
    });
    expect([retire.status, retire.body]).toEqual([200, {}]);
    const left = await kms.call('list-grants', { key_id: KEY_B });
    const ids = (left.body.grants as { grant_id: string }[]).map((grant) => grant.grant_id);
    expect(ids).not.toContain(revoked);
    expect(ids).not.toContain(retired);
    const twice = await kms.call('revoke-grant', { key_id: KEY_B, grant_id: revoked });
    expect([twice.status, twice.body.error?.error_code]).toEqual([400, 'KMS.2501']);
  });

  it('refuses bad grants and mismatches with the §9 codes', async () => {
    const onA = await createGrant(KEY_A);
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['revoke-grant', { key_id: KEY_B, grant_id: onA }, 400, 'KMS.2502'],
      ['retire-grant', { key_id: KEY_A, grant_id: 'xyz' }, 400, 'KMS.2501'],
      ['revoke-grant', { key_id: UNKNOWN, grant_id: onA }, 404, 'KMS.0207'],
      [
        'create-grant',
        { key_id: KEY_A, grantee_principal: 'u1', operations: ['create-grant'] },
        400,
        'KMS.2401',
      ],
      ['create-grant', { key_id: KEY_A, grantee_principal: 'u1', operations: [] }, 400, 'KMS.2401'],
      [
        'create-grant',
        { key_id: KEY_A, grantee_principal: 'not valid!', operations: ['describe-key'] },
        400,
        'KMS.2402',
      ],
      [
        'create-grant',
        { key_id: KEY_A, grantee_principal: 'u1', operations: ['sign-everything'] },
        400,
        'KMS.0308',
      ],
      [
        'create-grant',
        { key_id: PENDING, grantee_principal: 'u1', operations: ['describe-key'] },
        400,
        'KMS.0210',
      ],
      ['create-grant', { key_id: KEY_A, operations: ['describe-key'] }, 400, 'KMS.0204'],
      ['list-grants', { key_id: KEY_A, limit: '0' }, 400, 'KMS.1601'],
      ['list-grants', { key_id: KEY_A, marker: '-1' }, 400, 'KMS.1602'],
      ['list-retirable-grants', { limit: 'ten' }, 400, 'KMS.1601'],
    ];
    for (const [operation, body, status, code] of cases) {
      const reply = await kms.call(operation, body);
      expect({ operation, body, status: reply.status, code: reply.body.error?.error_code }).toEqual(
        { operation, body, status, code },
      );
    }
  });

  it('keeps grants across a restart', async () => {
    const before = await kms.call('list-grants', { key_id: KEY_A });
    await kms.close();
    kms = await startKms(join(dir, 'data'));
    const after = await kms.call('list-grants', { key_id: KEY_A });
    expect(after.body).toEqual(before.body);
  });
});

describe('quotas and instances', () => {
  it('reports keys and grants used against their quotas, as integers', async () => {
    const quotas = await send(kms.url, 'GET', kmsPath('user-quotas'));
    expect(quotas.status).toBe(200);
    const resources = (quotas.body as { quotas: { resources: unknown[] } }).quotas.resources;
    for (const resource of resources) {
      expectFieldTypes(resource, { type: 'string', used: 'integer', quota: 'integer' });
    }
    const keys = await kms.call('list-keys', { key_spec: 'ALL' });
    expect(resources).toEqual([
      { type: 'CMK', used: keys.body.total, quota: expect.any(Number) },
      { type: 'grant_per_CMK', used: 4, quota: 100 },
    ]);

    const instances = await send(kms.url, 'GET', kmsPath('user-instances'));
    expect([instances.status, instances.body]).toEqual([200, { instance_num: keys.body.total }]);
    const post = await send(kms.url, 'POST', kmsPath('user-instances'), {});
    expect([post.status, errorCodeOf(post)]).toEqual([405, 'KMS.0215']);
  });

  it('still needs credentials', async () => {
    const anonymous = await send(kms.url, 'GET', kmsPath('user-quotas'), undefined, {
      'X-Auth-Token': '',
    });
    expect([anonymous.status, errorCodeOf(anonymous)]).toEqual([403, 'KMS.0301']);
  });
});

describe('API versions', () => {
  const VERSION_FIELDS = {
    id: 'string',
    links: 'array',
    version: 'string',
    status: 'string',
    updated: 'string',
    min_version: 'string',
  } as const;

  it('lists v1.0 at / and shows it at /v1.0, without credentials', async () => {
    const all = await send(kms.url, 'GET', '/', undefined, { 'X-Auth-Token': '' });
    expect(all.status).toBe(200);
    const [version] = (all.body as { versions: unknown[] }).versions;
    expectFieldTypes(version, VERSION_FIELDS);
    expect(version).toMatchObject({
      id: 'v1.0',
      status: 'CURRENT',
      links: [{ href: `${kms.url}/v1.0/`, rel: 'self' }],
    });
    const one = await send(kms.url, 'GET', '/v1.0');
    expect(one.status).toBe(200);
    expect((one.body as { version: unknown }).version).toEqual(version);
    const other = await send(kms.url, 'GET', '/v2.0');
    expect([other.status, errorCodeOf(other)]).toEqual([400, 'KMS.0201']);
  });
});
